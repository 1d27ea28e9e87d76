import { swapExactIn } from '../../market/amm/index.js';
import type { Pool } from '../../market/amm/types.js';
import type { Source } from '../../engine/randomStreams.js';
import { bidOrder } from '../../market/orders/allocateBundles.js';
import { conflicts } from '../../market/orders/positions.js';
import type { Bundle } from '../../market/orders/types.js';

/** A builder's block over all rollups: the bundles it includes and their bids by paying rollup. */
export interface BuiltBlock {
  readonly included: Bundle[];
  /** Σ bids of included bundles paid on each rollup, Y at the reference price. */
  readonly valueByRollupY: number[];
}

/**
 * True when every fixed leg of `bundle` executes on `pools` (updated in place if so; `trial` is
 * scratch of the same length, overwritten). A leg the pool cannot carry (the AMM's RangeError) does
 * not execute.
 */
function simulateLegs(pools: Pool[], trial: Pool[], bundle: Bundle): boolean {
  for (let r = 0; r < pools.length; r++) trial[r] = pools[r]!;
  for (const leg of bundle.legs) {
    let res;
    try {
      res = swapExactIn(trial[leg.rollup]!, leg.tokenIn, leg.amountIn);
    } catch (e) {
      if (e instanceof RangeError) return false;
      throw e;
    }
    if (res.amountOut < leg.minAmountOut) return false;
    trial[leg.rollup] = res.pool;
  }
  for (let r = 0; r < pools.length; r++) pools[r] = trial[r]!;
  return true;
}

/**
 * Builds one block per rollup (together, the super-block) greedily by bid: bundles in descending
 * bid order (ties in a random order from the builder's stream: `bidOrder`). Top-of-block bundles are
 * simulated in that order on copies of the pools, and one that would revert after the bundles
 * already in (two arbitrages of the same price move, say) is left out. Backruns and sandwiches take
 * an exclusive spot around their user's swap.
 *
 * What greedy-by-bid misses: a set of smaller bundles that together pay more than the one that
 * excludes them (a knapsack); re-sizing a bundle to fit after another; orders other than bid order
 * that would let more bundles execute; and the user swaps' effect on backruns and sandwiches,
 * which are valued as bid, not simulated.
 */
export function buildBlock(bundles: readonly Bundle[], pools: readonly Pool[], source: Source): BuiltBlock {
  const order = bidOrder(bundles, source);
  const copies = pools.slice();
  const trial = pools.slice();
  const included: Bundle[] = [];
  const valueByRollupY = pools.map(() => 0);
  for (const i of order) {
    const b = bundles[i]!;
    if (b.target.kind === 'top' ? !simulateLegs(copies, trial, b) : userSpotTaken(included, b)) continue;
    included.push(b);
    addBid(valueByRollupY, b);
  }
  return { included, valueByRollupY };
}

/**
 * True when a bundle of `included` holds the spot behind the swap that user bundle `b` targets:
 * every position a backrun or sandwich needs (`positionsOf`: back:u, and front:u for a sandwich,
 * which takes back:u too) is free exactly when no included bundle `conflicts` with it.
 */
function userSpotTaken(included: readonly Bundle[], b: Bundle): boolean {
  for (const x of included) if (conflicts(x, b)) return true;
  return false;
}

/** Adds `b`'s bid to the rollups that pay it, as `bidShares` splits it (the same products, without building the shares). */
function addBid(valueByRollupY: number[], b: Bundle): void {
  const split = b.bidSplit;
  if (split === undefined) {
    valueByRollupY[b.bidRollup]! += b.bidY; // share 1: 1 · bid is the bid, bit for bit
    return;
  }
  valueByRollupY[b.bidRollup]! += (1 - split.share) * b.bidY;
  valueByRollupY[split.rollup]! += split.share * b.bidY;
}

/**
 * Which bundles a builder sees: every bundle sent exclusively to it, and each other non-exclusive
 * bundle with probability `skill` (one draw per bundle from the builder's stream).
 */
export function visibleBundles(
  bundles: readonly Bundle[],
  exclusiveTo: readonly (number | undefined)[],
  builder: number,
  skill: number,
  source: Source,
): Bundle[] {
  return bundles.filter((b) => {
    const ex = exclusiveTo[b.searcher];
    if (ex !== undefined) return ex === builder;
    return skill >= 1 || source() < skill;
  });
}

/** A builder's bid for a block worth `valueY` to it: keep `margin` of it, pay `costY`, bid the rest. */
export function builderBidY(valueY: number, margin: number, costY: number): number {
  return Math.max(0, (1 - margin) * valueY - costY);
}
