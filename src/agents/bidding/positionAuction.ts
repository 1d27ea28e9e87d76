import { cappedActionBidY } from './bidderRecord.js';

/**
 * The auction a searcher's opportunity is in: each of its bundles (one, or one per leg of a split
 * opportunity, carrying a share of the opportunity's bid) wants positions — a top of block, the
 * spot behind a user swap — that go to the highest bid among the bundles that want them
 * (allocateBundles, and the builders' greedy-by-bid blocks). Against the best rival bid m for a
 * leg's positions, the leg's bid b wins when b > m (ties split evenly), or always when no rival
 * wants them, and pays b (first-price; builders are always paid the bid) or m (second-price,
 * direct sales only). The opportunity is won when every leg is.
 */
export type PositionRule = 'first-price' | 'second-price';

/** One leg of an opportunity as the counterfactual sees it. */
export interface PositionLeg {
  /** The leg's share of the opportunity's bid (½ for each leg of a split; 1 for a single bundle). */
  readonly share: number;
  /** The best bid of another searcher's bundle that wants the same positions (null: none). */
  readonly bestRivalY: number | null;
  /** 1 when the leg could be included at all (a direct sale; with builders, the winning block's builder saw it), else 0. */
  readonly reach: number;
}

/** Expected payoff (Y) of bidding `bidY` in all for an opportunity worth `valueY` whose legs are `legs`. */
export function positionPayoff(rule: PositionRule, bidY: number, valueY: number, legs: readonly PositionLeg[]): number {
  let win = 1;
  let price = 0;
  for (const leg of legs) {
    const b = bidY * leg.share;
    const m = leg.bestRivalY ?? -1;
    win *= leg.reach * (b > m ? 1 : b === m ? 0.5 : 0);
    price += rule === 'first-price' ? b : Math.max(0, m);
  }
  return win * (valueY - price);
}

/**
 * `positionPayoff` of each action of `grid` (`cappedActionBidY`'s bid), written to `out[0 … K−1]`
 * in grid order (`out` is returned; its other entries are left alone): what regret and
 * full-feedback learners compare, every decision of every slot. A single leg (most opportunities)
 * takes a loop without the per-leg one: the same operations on the same numbers (× 1 and + 0
 * kept), so the same bits.
 */
export function positionPayoffsOnGrid(rule: PositionRule, grid: readonly number[], absolute: boolean, valueY: number, legs: readonly PositionLeg[], out: number[]): number[] {
  if (legs.length !== 1) {
    for (let a = 0; a < grid.length; a++) out[a] = positionPayoff(rule, cappedActionBidY(grid, absolute, a, valueY), valueY, legs);
    return out;
  }
  const leg = legs[0]!;
  const m = leg.bestRivalY ?? -1;
  const firstPrice = rule === 'first-price';
  const rivalPrice = 0 + Math.max(0, m);
  for (let a = 0; a < grid.length; a++) {
    const b = cappedActionBidY(grid, absolute, a, valueY) * leg.share;
    const win = 1 * (leg.reach * (b > m ? 1 : b === m ? 0.5 : 0));
    out[a] = win * (valueY - (firstPrice ? 0 + b : rivalPrice));
  }
  return out;
}
