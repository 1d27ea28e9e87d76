import { builderBidY } from '../agents/builders/buildBlock.js';
import type { Source } from '../engine/randomStreams.js';
import type { Pool } from '../market/amm/types.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';
import { runMechanism } from '../market/mechanisms/runMechanism.js';
import type { Bid } from '../market/mechanisms/types.js';
import { blockMechanism, builderBids } from './bidding.js';
import { rebuiltGrossY, tabled, takeShuffleDraws, type BuilderRebuilds } from './coalitionBuilds.js';
import type { WorldState } from './types.js';

/*
 * v(S) when every builder bids a fixed fraction of its rebuilt block and the whole block is sold:
 * the bids without the choices the learn step would need, and under first-price the revenue
 * without the auction's outcome objects (the same draws). Split from coalitionValue.ts.
 */

/** What of a slot's counterfactual state these read: the rebuilds, the pools, a scratch for the amounts. */
export interface FixedFractionSlot {
  readonly rebuilds: readonly BuilderRebuilds[];
  readonly pools: readonly Pool[];
  readonly amounts: Float64Array;
  /** Every builder's bid time finite (decided once per run). */
  readonly bidTimesFinite: boolean | undefined;
}

/**
 * The builders' bid amounts for coalition `mask`'s rebuilt blocks when every builder bids a fixed
 * fraction (`builderBidY` of each block's value; that strategy draws nothing and reads no record),
 * in builder order, each rebuild taking its draws from `source`. Written into the slot's scratch
 * `amounts` (read before the next coalition's).
 */
function fixedFractionAmounts(world: WorldState, slot: FixedFractionSlot, mask: number, source: Source): Float64Array {
  const { amounts, rebuilds, pools } = slot;
  const builders = world.config.builders;
  for (let i = 0; i < amounts.length; i++) {
    const cfg = builders[i]!;
    amounts[i] = builderBidY(rebuiltGrossY(rebuilds[i]!, mask, pools, source), cfg.margin, cfg.costY);
  }
  return amounts;
}

export function fixedFractionBids(world: WorldState, slot: FixedFractionSlot, mask: number, source: Source): Bid[] {
  return builderBids(world, fixedFractionAmounts(world, slot, mask, source));
}

/**
 * `firstPriceRevenue(first-price, fixedFractionBids(…))` without building the bids: the highest
 * amount after the auction's one tie-break draw. Amounts or bid times the mechanism would reject
 * (and a −0) take the mechanism's own path, as they always have.
 */
export function fixedFractionFirstPrice(world: WorldState, slot: FixedFractionSlot, mask: number, source: Source): number {
  return firstPriceOfAmounts(world, slot, fixedFractionAmounts(world, slot, mask, source), source);
}

/**
 * `fixedFractionFirstPrice(world, slot, mask, sourceOf(mask)) + 0` for every coalition mask of the
 * `slot.pools.length` rollups at once, into `values[mask]`: the same values and the same draws from
 * each coalition's stream, read off the builders' coalition tables (`tabled`) instead of asked mask
 * by mask. Only when every builder's table applies; returns false, having drawn nothing, otherwise.
 */
export function fixedFractionFirstPriceEvery(world: WorldState, slot: FixedFractionSlot, sourceOf: (mask: number) => Source, values: Float64Array): boolean {
  const { amounts, rebuilds, pools } = slot;
  if (rebuilds.length !== amounts.length) return false; // no rebuilds under partial-block
  for (let i = 0; i < rebuilds.length; i++) if (!tabled(rebuilds[i]!, pools)) return false;
  const builders = world.config.builders;
  const size = 1 << pools.length;
  for (let mask = 1; mask < size; mask++) {
    const source = sourceOf(mask);
    for (let i = 0; i < amounts.length; i++) {
      const r = rebuilds[i]!;
      takeShuffleDraws(source, r.count[mask]!); // as `rebuiltGrossY` takes them
      const cfg = builders[i]!;
      amounts[i] = builderBidY(r.gross[mask]!, cfg.margin, cfg.costY);
    }
    values[mask] = firstPriceOfAmounts(world, slot, amounts, source) + 0;
  }
  return true;
}

/** The first-price revenue of the builders' bid `amounts` (builder order), taking the auction's draws from `source` (see `fixedFractionFirstPrice`). */
function firstPriceOfAmounts(world: WorldState, slot: FixedFractionSlot, amounts: Float64Array, source: Source): number {
  let best = -Infinity;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    // Finite and ≥ 0 (NaN fails both), not −0, and every bid time finite (decided once per run).
    if (!(a >= 0 && a !== Infinity) || (a === 0 && 1 / a < 0) || !slot.bidTimesFinite) return firstPriceRevenue(blockMechanism(world), builderBids(world, amounts), source);
    if (a > best) best = a;
  }
  source();
  return amounts.length === 0 ? 0 : best;
}

/**
 * What the proposer receives from a first-price auction of `bids`: the highest amount, the price
 * whichever of the tied highest bids wins. Takes the one draw the auction's tie-break takes
 * (`winnerTakeAll`); invalid bids go through the mechanism, which rejects them as it always has.
 */
export function firstPriceRevenue(firstPrice: MechanismConfig, bids: readonly Bid[], source: Source): number {
  let best = -Infinity;
  for (const b of bids) {
    // Invalid bids (and a −0, whose tie with 0 the draw would settle) take the mechanism's own path.
    if (!(Number.isFinite(b.amount) && b.amount >= 0) || Object.is(b.amount, -0) || (b.timeMs !== undefined && !Number.isFinite(b.timeMs))) return runMechanism(firstPrice, bids, source).payments.toProposer;
    if (b.amount > best) best = b.amount;
  }
  source();
  return bids.length === 0 ? 0 : best;
}
