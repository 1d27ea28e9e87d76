import type { BidChoice } from '../agents/bidding/decideBid.js';
import type { Source } from '../engine/randomStreams.js';
import { recordingSource } from '../market/mechanisms/counterfactual.js';
import { getMechanism } from '../market/mechanisms/registry.js';
import { runMechanism } from '../market/mechanisms/runMechanism.js';
import type { Mechanism, MarketTiming } from '../market/mechanisms/types.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';
import { BUILDER_STREAM, bidsOf, blockMechanism, builderBids, builderChoices, builderSources, sourceAt } from './bidding.js';
import { expectedGrossY } from './expectation.js';
import type { ModelRuntime } from './runtime.js';
import type { Candidate, WinningBlock } from './slot.js';
import type { WorldState } from './types.js';
import { sumFromZero } from './sumFromZero.js';

/*
 * Blocks sold ahead of time (the essay's slot auction, Ma's "Block vs. Slot Auction PBS", and
 * APS-burn): the right to build slot s is sold `leadSlots` slots before it, on what bidders expect
 * the block to be worth then (their `expectation`, expectation.ts); the winner builds when the
 * slot comes, with what then exists, and bears the difference. The price is fixed at the sale and
 * settled when the block is built (so it is paid out of what the block earns, like any block's).
 */

/** One slot's block right, sold ahead: who won it, at what bids, on what expectations. */
export interface SlotSale {
  /** The slot whose block it sold, and the sequencing group (`sequencingGroups` key). */
  readonly slot: number;
  readonly key: string;
  readonly soldAtSlot: number;
  readonly builder: number | null;
  readonly bidsY: readonly number[];
  /** The values the builders bid on: their expected gross value less their cost (Y). */
  readonly expectedY: readonly number[];
  readonly choices: readonly BidChoice[];
  readonly draws: readonly number[];
  readonly payments: NonNullable<WinningBlock['payments']>;
}

/** What a block sold ahead of time fetched and was worth, Y: its price, and what a sale in the slot would have fetched (`justInTimePriceY`). */
export interface AheadStats {
  readonly priceY: number;
  readonly justInTimeY: number;
}

const timings = new WeakMap<WorldState, MarketTiming>();

/**
 * The configured mechanism's market timing, worked out once per run: the auction and commit phases
 * ask every slot, and `timing` spreads two objects into a new one. Keyed by the run's world, not by
 * the config object, which a library user may edit between two runs.
 */
export function timingOf(world: WorldState): MarketTiming {
  let timing = timings.get(world);
  if (timing === undefined) {
    const mechanism = world.config.mechanism;
    timings.set(world, (timing = (getMechanism(mechanism.name) as Mechanism<MechanismConfig>).timing(mechanism)));
  }
  return timing;
}

/**
 * Sells the block of `forSlot` for `group` now: every builder bids by its strategy on its expected
 * value (what it knows at `soldAtSlot`); the mechanism allocates and prices it, drawing from
 * `source` (its draws kept for the learn step's replay).
 */
export function sellSlot(world: WorldState, rt: ModelRuntime, candidates: readonly Candidate[], group: readonly number[], key: string, forSlot: number, soldAtSlot: number, source: Source): SlotSale {
  const grossY: number[] = [];
  for (let i = 0; i < world.builders.length; i++) grossY.push(expectedGrossY(world, i, group, candidates[i]));
  const { valuesY, choices } = builderChoices(world, grossY, sourceAt(builderSources(rt, world, BUILDER_STREAM)));
  const bidsY = bidsOf(choices);
  const drawn = recordingSource(source);
  const { allocation, payments } = runMechanism(blockMechanism(world), builderBids(world, bidsY), drawn.source);
  return {
    slot: forSlot,
    key,
    soldAtSlot,
    builder: allocation.winnerIndex,
    bidsY,
    expectedY: valuesY,
    choices,
    draws: drawn.draws,
    payments: { perBidderY: payments.perBidder, toProposerY: payments.toProposer, burnedY: payments.burned, toCommitteeY: payments.toCommittee, rebateToUserY: payments.rebateToUser },
  };
}

/** The streams of `justInTimePriceY`: `just-in-time/` + a builder's `bidderStream`, or + `auction/<key>` (prefixes for `rt.distOf`). */
const JUST_IN_TIME_BUILDER_STREAM = `just-in-time/${BUILDER_STREAM}`;
const JUST_IN_TIME_AUCTION_STREAM = 'just-in-time/auction/';

/**
 * What a sale just in time would have fetched for the same block: the builders bid by their
 * strategies on the block values as they are now, through the same mechanism (seed 001's question:
 * how much does selling early lose?). Draws from its own streams, so the real run's never move.
 */
export function justInTimePriceY(world: WorldState, rt: ModelRuntime, grossY: readonly number[], key: string): number {
  const { choices } = builderChoices(world, grossY, sourceAt(builderSources(rt, world, JUST_IN_TIME_BUILDER_STREAM)));
  const { payments } = runMechanism(blockMechanism(world), builderBids(world, bidsOf(choices)), rt.distOf(JUST_IN_TIME_AUCTION_STREAM, key).source);
  return sumFromZero(payments.perBidder);
}

/**
 * The block of a slot sold ahead of time (`sale`) for `group`, to its buyer, at the sale's bids and
 * payments; its values are the builders' now (`grossY` less their costs: what the learn step replays
 * the sale against).
 */
export function boughtBlock(world: WorldState, rt: ModelRuntime, sale: SlotSale, grossY: readonly number[], group: readonly number[], proposer: number, key: string): { block: WinningBlock; ahead: AheadStats } {
  const valuesY: number[] = [];
  for (let i = 0; i < grossY.length; i++) valuesY.push(Math.max(0, grossY[i]! - world.config.builders[i]!.costY));
  const block: WinningBlock = { rollups: group, proposer, builder: sale.builder, bidsY: sale.bidsY, valuesY, bidBasisY: sale.expectedY, choices: sale.choices, draws: sale.draws, payments: sale.payments };
  return { block, ahead: { priceY: sumFromZero(sale.payments.perBidderY), justInTimeY: justInTimePriceY(world, rt, grossY, key) } };
}


/** Apply step: the sales made this slot join the world's; the sales of slots now built leave it. */
export function bookSales(world: WorldState, slot: number, made: readonly SlotSale[]): void {
  if (made.length === 0 && world.aheadSales.length === 0) return; // nothing sold ahead (every mechanism selling in the slot)
  // In place, in the same order as before (kept sales, then the new ones): this runs every slot.
  const sales = world.aheadSales;
  let kept = 0;
  for (const s of sales) if (s.slot > slot) sales[kept++] = s;
  while (sales.length > kept) sales.pop(); // pop, not `length = kept`: setting the length is a runtime call (~100 ns)
  for (const s of made) if (s.slot > slot) sales.push(s);
}
