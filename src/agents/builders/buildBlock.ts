import { bidShares } from '../../market/orders/bidShares.js';
import { swapExactIn } from '../../market/amm/index.js';
import type { Pool } from '../../market/amm/types.js';
import type { Source } from '../../engine/randomStreams.js';
import { positionsOf } from '../../market/orders/positions.js';
import type { Bundle } from '../../market/orders/types.js';

/** A builder's block over all rollups: the bundles it includes and their bids by paying rollup. */
export interface BuiltBlock {
  readonly included: Bundle[];
  /** Σ bids of included bundles paid on each rollup, Y at the reference price. */
  readonly valueByRollupY: number[];
}

/**
 * True when every fixed leg of `bundle` executes on `pools` (a copy, updated in place if so). A leg
 * the pool cannot carry (the AMM's RangeError) does not execute.
 */
function simulateLegs(pools: Pool[], bundle: Bundle): boolean {
  const trial = [...pools];
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
 * bid order (ties in a random order from the builder's stream). Top-of-block bundles are
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
  const order = bundles.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(source() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.sort((i, j) => bundles[j]!.bidY - bundles[i]!.bidY);
  const copies = [...pools];
  const taken = new Set<string>();
  const included: Bundle[] = [];
  const valueByRollupY = pools.map(() => 0);
  for (const i of order) {
    const b = bundles[i]!;
    if (b.target.kind === 'top') {
      if (!simulateLegs(copies, b)) continue;
    } else {
      const spots = positionsOf(b.target);
      if (spots.some((p) => taken.has(p))) continue;
      for (const p of spots) taken.add(p);
    }
    included.push(b);
    for (const { rollup, share } of bidShares(b)) valueByRollupY[rollup]! += share * b.bidY;
  }
  return { included, valueByRollupY };
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
