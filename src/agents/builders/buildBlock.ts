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
 * The pools a block is simulated on, as numbers: reserves per rollup, the block so far (`x`, `y`)
 * and the bundle being tried (`tx`, `ty`). Module scratch, overwritten by every `buildBlock` call
 * (which never re-enters): a Pool and a SwapResult per simulated leg were most of a builder's garbage.
 */
const sim = { x: [] as number[], y: [] as number[], tx: [] as number[], ty: [] as number[] };

/**
 * True when every fixed leg of `bundle` executes on the reserves `sim.x`/`sim.y` (updated in place
 * if so; `sim.tx`/`sim.ty` are overwritten). `swapExactIn`'s operations in its order on numbers, so
 * the same reserves bit for bit: a leg `swapExactIn` would refuse (its RangeError: an amount that
 * is not finite and ≥ 0, or a reserve that would overflow or underflow) does not execute, nor one
 * paying out less than its minimum.
 */
function simulateLegs(pools: readonly Pool[], bundle: Bundle): boolean {
  const { x, y, tx, ty } = sim;
  for (let r = 0; r < pools.length; r++) {
    tx[r] = x[r]!;
    ty[r] = y[r]!;
  }
  const legs = bundle.legs;
  for (let k = 0; k < legs.length; k++) {
    const leg = legs[k]!;
    const amountIn = leg.amountIn;
    if (!(Number.isFinite(amountIn) && amountIn >= 0)) return false;
    if (amountIn === 0) {
      if (0 < leg.minAmountOut) return false; // swapExactIn pays out 0 and moves nothing
      continue;
    }
    const r = leg.rollup;
    const fee = pools[r]!.fee; // a leg on a rollup without a pool throws here, as swapExactIn did
    const byX = leg.tokenIn === 'X';
    const reserveIn = byX ? tx[r]! : ty[r]!;
    const reserveOut = byX ? ty[r]! : tx[r]!;
    const effectiveIn = (1 - fee) * amountIn;
    const newReserveOut = (reserveOut * reserveIn) / (reserveIn + effectiveIn);
    if (!(Number.isFinite(reserveIn + amountIn) && newReserveOut > 0)) return false;
    const amountOut = (reserveOut * effectiveIn) / (reserveIn + effectiveIn);
    if (amountOut < leg.minAmountOut) return false;
    if (byX) {
      tx[r] = reserveIn + amountIn;
      ty[r] = newReserveOut;
    } else {
      ty[r] = reserveIn + amountIn;
      tx[r] = newReserveOut;
    }
  }
  for (let r = 0; r < pools.length; r++) {
    x[r] = tx[r]!;
    y[r] = ty[r]!;
  }
  return true;
}

/**
 * Builds one block per rollup (together, the super-block) greedily by bid: bundles in descending
 * bid order (ties in a random order from the builder's stream: `bidOrder`). Top-of-block bundles are
 * simulated in that order on the pools' reserves (copied, `simulateLegs`), and one that would revert after the bundles
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
  const included: Bundle[] = [];
  const valueByRollupY: number[] = [];
  for (let r = 0; r < pools.length; r++) {
    sim.x[r] = pools[r]!.reserveX;
    sim.y[r] = pools[r]!.reserveY;
    valueByRollupY.push(0);
  }
  // Index loops in this file: `for…of` kept its iterators (per builder, coalition and slot).
  for (let k = 0; k < order.length; k++) {
    const b = bundles[order[k]!]!;
    if (b.target.kind === 'top' ? !simulateLegs(pools, b) : userSpotTaken(included, b)) continue;
    included.push(b);
    addBid(valueByRollupY, b);
  }
  return { included, valueByRollupY };
}

/**
 * True when `bidOrder` puts `bundles` in one order whatever its shuffle draws: every bid finite and
 * no two equal (0 and −0 are equal), so the descending sort leaves the shuffle nothing to decide.
 * `buildBlock` of such a list is then a function of the list and the pools alone.
 */
export function orderedByBidsAlone(bundles: readonly Bundle[]): boolean {
  for (let k = 0; k < bundles.length; k++) {
    const bid = bundles[k]!.bidY;
    if (!Number.isFinite(bid)) return false;
    for (let j = 0; j < k; j++) if (bundles[j]!.bidY === bid) return false;
  }
  return true;
}

/**
 * What `buildBlock(bundles, pools, source)` returns for a list of `n` bundles ordered by bids alone
 * (`orderedByBidsAlone`) when `block` was built from the same list on the same pools: a copy of it,
 * the shuffle's n − 1 draws taken from `source` all the same (so the stream goes on as it would).
 */
export function blockBuiltAgain(block: BuiltBlock, n: number, source: Source): BuiltBlock {
  for (let d = 1; d < n; d++) source();
  return { included: block.included.slice(), valueByRollupY: block.valueByRollupY.slice() };
}

/**
 * True when a bundle of `included` holds the spot behind the swap that user bundle `b` targets:
 * every position a backrun or sandwich needs (`positionsOf`: back:u, and front:u for a sandwich,
 * which takes back:u too) is free exactly when no included bundle `conflicts` with it.
 */
function userSpotTaken(included: readonly Bundle[], b: Bundle): boolean {
  for (let k = 0; k < included.length; k++) if (conflicts(included[k]!, b)) return true;
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
  // A loop, not `filter` with a closure: this runs per builder and slot. The same draws in the same order.
  const seen: Bundle[] = [];
  for (let k = 0; k < bundles.length; k++) {
    const b = bundles[k]!;
    const ex = exclusiveTo[b.searcher];
    if (ex !== undefined ? ex === builder : skill >= 1 || source() < skill) seen.push(b);
  }
  return seen;
}

/** A builder's bid for a block worth `valueY` to it: keep `margin` of it, pay `costY`, bid the rest. */
export function builderBidY(valueY: number, margin: number, costY: number): number {
  return Math.max(0, (1 - margin) * valueY - costY);
}
