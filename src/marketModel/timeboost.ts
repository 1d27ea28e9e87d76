import type { SlotContext } from '../engine/simulation.js';
import { decideBid } from '../agents/bidding/decideBid.js';
import { timeboostOf, type TimeboostConfig } from '../config/schema.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';
import { rollupsOf } from '../market/orders/positions.js';
import type { Bundle } from '../market/orders/types.js';
import type { Tally } from './columns.js';
import type { ModelRuntime } from './runtime.js';
import type { WorldState } from './types.js';

/*
 * Arbitrum Timeboost (OffchainLabs, timeboost-design research spec; Arbitrum docs, "A gentle
 * introduction: Timeboost" and "How to use Timeboost"). Time is cut into rounds of `roundSeconds`
 * (60 s deployed). Control of a round's express lane is sold in a sealed-bid second-price auction
 * with a reserve price that closes `closingSeconds` (15 s) before the round; the proceeds go to the
 * chain's governance (the Arbitrum DAO): here the rollup's treasury. The sequencer orders
 * first-come-first-served, but every transaction that is not the controller's is delayed by
 * `nonExpressDelayMs` (200 ms), so the controller wins any race it is less than the delay behind in.
 *
 * Each searcher acting on the rollup bids by its strategy (`decideBid`, the mechanism being a
 * second-price auction: a truthful or equilibrium bidder bids its value) on its expected value of
 * controlling a round: an exponential average (weight `bidding.historyWeight`) of the value of the
 * opportunities it found on the rollup per slot, times the slots in a round. Controlling the lane
 * makes it first to every opportunity it finds, so what it finds is what the lane is worth to it.
 * A learner plays its current choice of shading factor from its own stream and does not learn from
 * the express-lane auction (its learner learns from its position auctions).
 */

/** The express-lane auction's mechanism as bidders take it (second price: bidding the value is dominant, Vickrey 1961). */
const EXPRESS_LANE_MECHANISM: MechanismConfig = { name: 'second-price' };

/** A round's length and its auction's lead, in ms. */
function roundMs(tb: TimeboostConfig): { roundMs: number; closingMs: number } {
  return { roundMs: tb.roundSeconds * 1000, closingMs: tb.closingSeconds * 1000 };
}

/** The round a time falls in (rounds start at time 0). */
export function roundOf(timeMs: number, tb: TimeboostConfig): number {
  return Math.floor(timeMs / roundMs(tb).roundMs);
}

/**
 * The round whose auction closes in the slot (startMs, endMs] — the slot that ends at or after the
 * closing time clears it — or null. A round is at least a slot long (a config check), so at most one
 * closes per slot; the first round's auction would close at or before time 0 and is never held.
 */
export function roundClosingIn(startMs: number, endMs: number, tb: TimeboostConfig): number | null {
  const { roundMs: r, closingMs: c } = roundMs(tb);
  const k = Math.floor((endMs + c) / r);
  return k * r - c > startMs ? k : null;
}

/**
 * A sealed-bid second-price auction with a reserve price (Vickrey 1961; the reserve: Myerson 1981):
 * the highest bid at or above the reserve wins and pays max(reserve, second-highest bid); with no
 * bid at or above the reserve nothing is sold. A bid of 0 or less is no bid. Ties at the top are
 * broken uniformly by `tieDraw` in [0, 1) (the spec breaks them pseudorandomly by a hash of the
 * bidder and the round).
 */
export function secondPriceWithReserve(bids: readonly number[], reserveY: number, tieDraw: number): { winner: number | null; priceY: number } {
  let top = 0;
  for (const b of bids) if (b > top) top = b;
  if (!(top > 0) || top < reserveY) return { winner: null, priceY: 0 };
  const tied = bids.flatMap((b, i) => (b === top ? [i] : []));
  const winner = tied[Math.min(tied.length - 1, Math.floor(tieDraw * tied.length))]!;
  let second = 0;
  bids.forEach((b, i) => { if (i !== winner && b > second) second = b; });
  return { winner, priceY: Math.max(reserveY, second) };
}

/** One express-lane auction cleared this slot on a rollup. */
export interface ExpressLaneSale {
  readonly round: number;
  /** Searcher indices of the bidders (the searchers acting on the rollup), their values and bids (Y). */
  readonly bidders: readonly number[];
  readonly valuesY: readonly number[];
  readonly bidsY: readonly number[];
  /** The controller of the round (a searcher index), null when nothing was sold. */
  readonly controller: number | null;
  readonly priceY: number;
}

/** The searcher controlling a Timeboost rollup's express lane in the slot starting at `slotStartMs`, or null (none, or not Timeboost). */
export function expressLaneController(world: WorldState, r: number, slotStartMs: number): number | null {
  const lane = world.rollups[r]!.expressLane;
  if (!lane) return null;
  const round = roundOf(slotStartMs, timeboostOf(world.config.rollups[r]!));
  return lane.rounds.find((x) => x.round === round)?.controller ?? null;
}

/**
 * Decide: the express-lane auctions that close this slot, one per Timeboost rollup whose round's
 * closing time falls in it (null elsewhere). Reads the world; one tie-break draw per auction from
 * `timeboost/<rollup>` and the bidders' own `timeboost/bid/<searcher>` streams.
 */
export function expressLaneAuctions(rt: ModelRuntime): (world: WorldState, ctx: SlotContext) => (ExpressLaneSale | null)[] {
  return (world, ctx) =>
    world.rollups.map((rollup) => {
      const lane = rollup.expressLane;
      if (!lane) return null;
      const tb = timeboostOf(world.config.rollups[rollup.index]!);
      const round = roundClosingIn(ctx.startMs, ctx.endMs, tb);
      if (round === null) return null;
      const slotsPerRound = roundMs(tb).roundMs / world.config.clock.slotMs;
      const bidders = world.searchers.filter((s) => s.rollups.includes(rollup.index));
      const valuesY = bidders.map((s) => lane.expectedValueY[s.index]! * slotsPerRound);
      const bidsY = bidders.map((s, j) => {
        const cfg = world.config.searchers[s.index]!;
        const source = rt.dist(`timeboost/bid/${s.id}`).source;
        const choice = decideBid(cfg.strategy, s.bidding, { valueY: valuesY[j]!, fixedBidY: valuesY[j]! * cfg.bidFraction, mechanism: EXPRESS_LANE_MECHANISM, values: () => valuesY, me: j, source });
        return Math.max(0, Math.min(valuesY[j]!, choice.bidY));
      });
      const { winner, priceY } = secondPriceWithReserve(bidsY, tb.reservePriceY, rt.dist(`timeboost/${rollup.id}`).source());
      return { round, bidders: bidders.map((s) => s.index), valuesY, bidsY, controller: winner === null ? null : bidders[winner]!.index, priceY };
    });
}

/**
 * Apply (settle): rounds that have ended are forgotten; each cleared auction records its round's
 * controller, who pays the price in Y from its on-chain inventory (which may go negative: credit)
 * into the rollup's treasury (the DAO's), so every token stays with a holder (conservation.ts).
 */
export function settleExpressLane(world: WorldState, sales: readonly (ExpressLaneSale | null)[], slotStartMs: number, tally: Tally<'settle'>[]): void {
  for (const rollup of world.rollups) {
    const lane = rollup.expressLane;
    if (!lane) continue;
    const now = roundOf(slotStartMs, timeboostOf(world.config.rollups[rollup.index]!));
    lane.rounds = lane.rounds.filter((x) => x.round >= now);
    const sale = sales[rollup.index];
    if (!sale) continue;
    lane.rounds.push({ round: sale.round, controller: sale.controller });
    const stats = tally[rollup.index]!;
    stats.expressLaneAuctions = 1;
    if (sale.controller === null) continue;
    const s = world.searchers[sale.controller]!;
    s.onchain[rollup.index]!.Y -= sale.priceY;
    rollup.treasury.Y += sale.priceY;
    s.record.paidY += sale.priceY;
    stats.expressLaneRoundsSold = 1;
    stats.expressLaneRevenueY = sale.priceY;
  }
}

/**
 * Apply (learn): each searcher's expectation of what it finds on each Timeboost rollup per slot
 * moves toward this slot's: Σ values of its bundles acting on the rollup (the first slot sets it).
 */
export function updateExpressLaneExpectations(world: WorldState, bundles: readonly Bundle[]): void {
  for (const rollup of world.rollups) {
    const lane = rollup.expressLane;
    if (!lane) continue;
    const found = world.searchers.map(() => 0);
    for (const b of bundles) if (rollupsOf(b.target).includes(rollup.index)) found[b.searcher]! += b.valueY;
    const w = lane.observedSlots === 0 ? 1 : world.config.bidding.historyWeight;
    found.forEach((v, s) => void (lane.expectedValueY[s] = (1 - w) * lane.expectedValueY[s]! + w * v));
    lane.observedSlots++;
  }
}
