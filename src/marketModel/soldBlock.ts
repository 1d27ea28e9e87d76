import type { Source } from '../engine/randomStreams.js';
import { recordingSource } from '../market/mechanisms/counterfactual.js';
import { runMechanism } from '../market/mechanisms/runMechanism.js';
import { topAmountWinner, winnerPays } from '../market/mechanisms/selectWinner.js';
import type { Payments } from '../market/mechanisms/types.js';
import type { Allocated, Bundle } from '../market/orders/types.js';
import { blockMechanism, builderBids } from './bidding.js';
import type { AheadStats, SlotSale } from './aheadOfTime.js';
import type { Tally } from './columns.js';
import { within } from './positionSales.js';
import type { Candidate, WinningBlock } from './slot.js';
import type { WorldState } from './types.js';

/*
 * A sequencing group's sold block as the auction phase takes it (phases/auction.ts), whichever way
 * it was sold (in the slot, ahead of time, by tickets): its shape, the bundles it pays for at
 * their bids, the candidates' values on the group and their tally per rollup.
 */

/** A sold block's outcome, as `runAuctions` takes it. */
export interface SoldBlock {
  readonly block: WinningBlock;
  readonly allocated: Allocated[];
  readonly sales: readonly SlotSale[];
  readonly ahead: AheadStats | null;
  /** Per builder, its candidate's value on the group (Y; the whole block's under partial-block). */
  readonly grossY: number[];
}

/** The bundles of `block` acting only on `group`, each paying its bid. */
export function paidAtBid(block: readonly Bundle[], group: readonly number[]): Allocated[] {
  const out: Allocated[] = [];
  // Index loops here: these run per group every slot.
  for (let i = 0; i < block.length; i++) {
    const bundle = block[i]!;
    if (within(bundle, group)) out.push({ bundle, paymentGas: bundle.bidGas });
  }
  return out;
}

/** Per candidate, Σ of its values on the group's rollups (Y), in group order. */
export function groupValuesY(candidates: readonly Candidate[], group: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    let v = 0;
    for (let k = 0; k < group.length; k++) v += c.valueByRollupY[group[k]!]!;
    out.push(v);
  }
  return out;
}

/**
 * The block's values on the tally of its rollups, attributed to each by its share of the best
 * candidate's value (evenly when it is worth nothing): the best block's, the won block's, and a
 * block sold ahead's price and what a sale in the slot would have fetched.
 */
export function tallyBlockValues(tally: readonly Tally<'auction'>[], candidates: readonly Candidate[], sold: SoldBlock, group: readonly number[]): void {
  const grossY = sold.grossY;
  let bestIndex = 0;
  let best = 0;
  for (let i = 0; i < grossY.length; i++) {
    if (grossY[i]! > grossY[bestIndex]!) bestIndex = i;
    best = Math.max(best, grossY[i]!);
  }
  const top = grossY[bestIndex] ?? 0;
  const wonY = sold.block.builder === null ? 0 : grossY[sold.block.builder]!;
  for (let k = 0; k < group.length; k++) {
    const r = group[k]!;
    const share = top > 0 ? candidates[bestIndex]!.valueByRollupY[r]! / top : 1 / group.length;
    const t = tally[r]!;
    t.bestBlockValueY = share * best;
    t.wonBlockValueY = share * wonY;
    t.aheadPriceY = share * (sold.ahead?.priceY ?? 0);
    t.justInTimePriceY = share * (sold.ahead?.justInTimeY ?? 0);
  }
}

/**
 * The block's sale by its mechanism, drawing from `source` (the draws kept for the learn step's
 * replay). Under first-price with bids it accepts, `runFirstPrice`'s outcome from the amounts
 * (one draw, tie or not; the winner pays its bid) without the bid objects and allocation.
 */
export function sellBlock(world: WorldState, bidsY: readonly number[], bidTimesMs: readonly number[] | undefined, source: Source): { winnerIndex: number | null; payments: Payments; draws: number[] } {
  const mechanism = blockMechanism(world);
  if (mechanism.name === 'first-price' && acceptedBids(world, bidsY, bidTimesMs)) {
    const u = source();
    const w = topAmountWinner(bidsY, u);
    return { winnerIndex: w, payments: winnerPays(bidsY.length, w, w === null ? 0 : bidsY[w]!), draws: [u] };
  }
  const drawn = recordingSource(source);
  const { allocation, payments } = runMechanism(mechanism, builderBids(world, bidsY, bidTimesMs), drawn.source);
  return { winnerIndex: allocation.winnerIndex, payments, draws: drawn.draws };
}

/** True when `validateBids` accepts the builders' bids (`builderBids`): amounts finite and ≥ 0, bid times finite or absent. */
function acceptedBids(world: WorldState, bidsY: readonly number[], bidTimesMs: readonly number[] | undefined): boolean {
  for (let i = 0; i < bidsY.length; i++) {
    const a = bidsY[i]!;
    if (!(Number.isFinite(a) && a >= 0)) return false;
    const t = bidTimesMs?.[i] ?? world.config.builders[i]!.bidTimeMs;
    if (t !== undefined && !Number.isFinite(t)) return false;
  }
  return true;
}
