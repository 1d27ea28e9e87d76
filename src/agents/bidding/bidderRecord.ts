import { createLearnerState } from '../learning/learner.js';
import type { ChoiceLearnerSpec } from './choices.js';
import { isLearning, type BidderRecord, type StrategySpec } from './types.js';

/** Shading factors 0, 0.1, …, 1: what regret is measured against for a bidder that does not learn over a grid of its own. */
export const DEFAULT_REGRET_GRID: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 10);

/**
 * A bidder's record before its first auction; `rivals` is how many other bidders it may face
 * (builders); `choices` the bandit and its number of arms, for a searcher that learns its choices.
 */
export function createBidderRecord(spec: StrategySpec, rivals = 0, choices?: { readonly learner: ChoiceLearnerSpec; readonly arms: number }): BidderRecord {
  const learning = isLearning(spec);
  const regretGrid = learning ? [...spec.grid] : [...DEFAULT_REGRET_GRID];
  return {
    auctions: 0,
    wins: 0,
    valueY: 0,
    bidY: 0,
    payoffY: 0,
    regretGrid,
    regretAbsolute: learning && spec.actions === 'absolute',
    counterfactualY: regretGrid.map(() => 0),
    windows: { valueY: [], bidY: [], merges: 0 },
    learner: learning ? createLearnerState(spec, spec.grid.length, spec.name === 'q-learning' ? spec.grid.length : 1) : null,
    context: 0,
    rivalValueY: Array.from({ length: rivals }, () => 0),
    choiceLearner: choices ? createLearnerState(choices.learner, choices.arms) : null,
  };
}

/**
 * The bid an action of `grid` makes for an opportunity worth `valueY`: a shading factor of it or a
 * bid in Y, never above the value (no bidder pays more than the thing is worth to it: a factor
 * above 1 bids the value) nor below 0.
 */
export function cappedActionBidY(grid: readonly number[], absolute: boolean, action: number, valueY: number): number {
  const bid = absolute ? grid[action]! : grid[action]! * valueY;
  return Math.max(0, Math.min(valueY, bid));
}

/** One auction a bidder took part in, as the record keeps it. */
export interface AuctionResult {
  readonly slot: number;
  readonly valueY: number;
  readonly bidY: number;
  readonly won: boolean;
  /** Expected payoff of the bid made (Y). */
  readonly payoffY: number;
  /** What each action of the record's regret grid would have earned (Y); null when not computed. */
  readonly counterfactualY: readonly number[] | null;
}

/** Adds one auction to the record (totals, the regret sums and the slot's window). Mutates `record`. */
export function recordAuction(record: BidderRecord, windowSlots: number, r: AuctionResult): void {
  record.auctions++;
  record.wins += r.won ? 1 : 0;
  record.valueY += r.valueY;
  record.bidY += r.bidY;
  record.payoffY += r.payoffY;
  if (r.counterfactualY) for (let a = 0; a < record.counterfactualY.length; a++) record.counterfactualY[a]! += r.counterfactualY[a]!;
  const w = record.windows;
  let k = Math.floor(r.slot / windowSpan(windowSlots, w));
  while (k >= MAX_WINDOWS) {
    mergeWindowPairs(w);
    k = Math.floor(r.slot / windowSpan(windowSlots, w));
  }
  while (w.valueY.length <= k) {
    w.valueY.push(0);
    w.bidY.push(0);
  }
  w.valueY[k]! += r.valueY;
  w.bidY[k]! += r.bidY;
}

/** Most windows a bidder's record keeps (and summary.json's `shade_by_window` lists): a thousand points of a time series. */
export const MAX_WINDOWS = 1000;

/** Slots per window of a record: the config's `windowSlots`, doubled at every merge. */
export function windowSpan(windowSlots: number, windows: BidderRecord['windows']): number {
  return windowSlots * 2 ** windows.merges;
}

/** Windows 2j and 2j + 1 become window j (their sums added, in that order): windows twice as long, half as many. */
function mergeWindowPairs(w: BidderRecord['windows']): void {
  const n = w.valueY.length;
  for (let j = 0; 2 * j < n; j++) {
    const odd = 2 * j + 1 < n;
    w.valueY[j] = odd ? w.valueY[2 * j]! + w.valueY[2 * j + 1]! : w.valueY[2 * j]!;
    w.bidY[j] = odd ? w.bidY[2 * j]! + w.bidY[2 * j + 1]! : w.bidY[2 * j]!;
  }
  w.valueY.length = w.bidY.length = Math.ceil(n / 2);
  w.merges++;
}

/** How far a window's shade may stray from the last window's and still count as converged. */
export const CONVERGENCE_TOLERANCE = 0.05;

/** What summary.json reports of one bidder. */
export interface BidderSummary {
  readonly auctions: number;
  readonly wins: number;
  /** wins / auctions (null without auctions). */
  readonly winRate: number | null;
  /** Σ bid / Σ value: how much of its value it bid (null without value). */
  readonly meanShade: number | null;
  readonly valueY: number;
  readonly bidY: number;
  /** Σ expected payoff (Y). */
  readonly payoffY: number;
  /** Best fixed action of the regret grid in hindsight, and its total payoff (Y). */
  readonly bestFixedAction: number | null;
  /** max over the grid of Σ counterfactual payoff − Σ payoff (Y); negative when its bids (off the grid) did better than any fixed action; null when not measured (`bidding.regret` off). */
  readonly regretY: number | null;
  /** regretY / auctions (null without auctions). */
  readonly regretPerAuctionY: number | null;
  /**
   * First slot from which every window's shade stays within `CONVERGENCE_TOLERANCE` of the last
   * window's (null: fewer than two windows with value).
   */
  readonly convergedAtSlot: number | null;
  /** Slots per window of `shadeByWindow`: the config's `windowSlots`, doubled as often as it took to keep at most `MAX_WINDOWS` windows. */
  readonly windowSlots: number;
  /** Σ bid / Σ value in each window of `windowSlots` slots (null for a window without value). */
  readonly shadeByWindow: readonly (number | null)[];
}

/** a ÷ b, or null when b is not positive or the ratio overflows (a value too small to divide by). */
const ratio = (a: number, b: number): number | null => {
  const r = b > 0 ? a / b : Number.NaN;
  return Number.isFinite(r) ? r : null;
};

/** Σ bids ÷ Σ values in window `k` of a bidder's record: one entry of `shade_by_window` (null without value). */
export function windowShade(windows: BidderRecord['windows'], k: number): number | null {
  return ratio(windows.bidY[k]!, windows.valueY[k]!);
}

export function summariseBidder(record: BidderRecord, windowSlots: number, regret = true): BidderSummary {
  let best = -1;
  for (let a = 0; a < record.counterfactualY.length; a++) if (best < 0 || record.counterfactualY[a]! > record.counterfactualY[best]!) best = a;
  const bestY = best < 0 ? record.payoffY : record.counterfactualY[best]!;
  const regretY = !regret ? null : record.auctions > 0 ? bestY - record.payoffY : 0;
  const shadeByWindow = record.windows.valueY.map((_, k) => windowShade(record.windows, k));
  return {
    auctions: record.auctions,
    wins: record.wins,
    winRate: ratio(record.wins, record.auctions),
    meanShade: ratio(record.bidY, record.valueY),
    valueY: record.valueY,
    bidY: record.bidY,
    payoffY: record.payoffY,
    bestFixedAction: !regret || best < 0 || record.auctions === 0 ? null : record.regretGrid[best]!,
    regretY,
    regretPerAuctionY: regretY === null ? null : ratio(regretY, record.auctions),
    convergedAtSlot: convergedAt(shadeByWindow, windowSpan(windowSlots, record.windows)),
    windowSlots: windowSpan(windowSlots, record.windows),
    shadeByWindow,
  };
}

/** The first window from which every later window with a shade is within tolerance of the last one, as a slot. */
export function convergedAt(shades: readonly (number | null)[], windowSlots: number): number | null {
  const known = shades.map((s, k) => [s, k] as const).filter(([s]) => s !== null) as (readonly [number, number])[];
  if (known.length < 2) return null;
  const last = known[known.length - 1]![0];
  let from = known[known.length - 1]![1];
  for (let j = known.length - 1; j >= 0 && Math.abs(known[j]![0] - last) <= CONVERGENCE_TOLERANCE; j--) from = known[j]![1];
  return from * windowSlots;
}
