import { sequencerStakes } from '../restaking.js';
import { drawProposer } from '../../agents/proposer/drawProposer.js';
import type { Source } from '../../engine/randomStreams.js';
import { recordingSource } from '../../market/mechanisms/counterfactual.js';
import { runMechanism } from '../../market/mechanisms/runMechanism.js';
import type { Allocated, Bundle } from '../../market/orders/types.js';
import { slotTallies } from '../columns.js';
import { sequencingGroups } from '../membership.js';
import { pendingOfaUsers, placementOf, type Placement } from '../orderingPolicy.js';
import { inGroupWhere, pushFcfsBundles, sellByPriorityFee, sellPositions, within } from '../positionSales.js';
import { sellOrderFlow } from '../orderFlow.js';
import { partialSale } from '../partialBlock.js';
import type { ModelRuntime } from '../runtime.js';
import { BUILDER_STREAM, blockMechanism, builderBids, builderChoices } from '../bidding.js';
import type { AuctionOutcome, Candidate, WinningBlock } from '../slot.js';
import type { WorldState } from '../types.js';
import { justInTimePriceY, sellSlot, timingOf, type SlotSale } from '../aheadOfTime.js';
import { drawBidTimesMs } from '../latency.js';
import { expectedGrossY } from '../expectation.js';
import { validatorStakes } from '../staking.js';
import { decideTickets, outstandingTickets, ticketMechanism } from '../tickets.js';

/** A direct-mode block's bids, values, choices and draws: none (one shared, never-filled array). */
const NONE: readonly never[] = Object.freeze([]);

/** What a block sold ahead of time fetched and was worth (aheadOfTime.ts), Y. */
interface AheadStats {
  readonly priceY: number;
  readonly justInTimeY: number;
}

/**
 * Builder mode: builders bid for the group's block with the block's rule (`blockMechanism`: the
 * configured mechanism, first-price under `order-flow-auction`), each by its strategy (its value:
 * the block's bids less its cost). The mechanism's draws are kept so the
 * learn step can replay the auction with other bids. A mechanism that sells ahead of time
 * (`leadSlots` > 0) sells the block of slot + leadSlots now, on expectations, and this slot's
 * block goes to the builder that bought it then (the first leadSlots slots, which no sale reached,
 * are sold in the slot), built with what exists now; the block's values
 * are then the builders' values now (what the learn step replays the sale against). Under
 * `partial-block` the builders sell only their top of block and the proposer adds its local part
 * (of the bundles whose place is the block's to sell, `placedOutsideBlock`), drawing ties from the
 * stream `partial-block/<key>` (partialBlock.ts). Bundles placed outside the block (arrival order,
 * priority fees, the OFA) are added by `runAuctions`.
 */
function auctionBlock(
  world: WorldState,
  rt: ModelRuntime,
  bundles: readonly Bundle[],
  candidates: readonly Candidate[],
  { key, rollups: group }: { key: string; rollups: readonly number[] },
  proposer: number,
  source: Source,
  slot: number,
  placements: readonly Placement[],
): { block: WinningBlock; allocated: Allocated[]; sales: SlotSale[]; ahead: AheadStats | null; grossY: number[] } {
  const inGroup = (b: Bundle) => within(b, group);
  const fullGrossY = candidates.map((c) => group.reduce((a, r) => a + c.valueByRollupY[r]!, 0));
  // A partial-block auction sells only each builder's top of block: builders value and bid on that part.
  const partial = partialSale(world, inGroupWhere(bundles, placements, group, 'block'), candidates, inGroup, fullGrossY);
  const grossY = partial?.grossY ?? fullGrossY;
  const lead = timingOf(world).leadSlots;
  const sales = lead > 0 && !world.aheadSales.some((s) => s.key === key && s.slot === slot + lead) ? [sellSlot(world, rt, candidates, group, key, slot + lead, slot, source)] : [];
  const sale = lead > 0 ? world.aheadSales.find((s) => s.key === key && s.slot === slot) : undefined;
  // Built field by field with its rollups and proposer: `{ rollups, proposer, ...block }` or a spread adding a key is a V8 slow path (µs a call, bench/README.md).
  let block: { -readonly [K in keyof WinningBlock]: WinningBlock[K] };
  let ahead: AheadStats | null = null;
  if (sale) {
    const valuesY = grossY.map((v, i) => Math.max(0, v - world.config.builders[i]!.costY));
    block = { rollups: group, proposer, builder: sale.builder, bidsY: sale.bidsY, valuesY, bidBasisY: sale.expectedY, choices: sale.choices, draws: sale.draws, payments: sale.payments };
    ahead = { priceY: sale.payments.perBidderY.reduce((a, p) => a + p, 0), justInTimeY: justInTimePriceY(world, rt, grossY, key) };
  } else {
    // In the slot; under a mechanism selling ahead, a slot no sale reached (the first leadSlots of the run) is sold so too.
    const { valuesY, choices } = builderChoices(world, grossY, (i) => rt.distOf(BUILDER_STREAM, world.builders[i]!.id).source);
    const bidsY = choices.map((c) => c.bidY);
    const drawn = recordingSource(source);
    const bidTimesMs = drawBidTimesMs(world, rt);
    const { allocation, payments } = runMechanism(blockMechanism(world), builderBids(world, bidsY, bidTimesMs), drawn.source);
    block = {
      rollups: group,
      proposer,
      builder: allocation.winnerIndex,
      bidsY,
      valuesY,
      choices,
      draws: drawn.draws,
      payments: { perBidderY: payments.perBidder, toProposerY: payments.toProposer, burnedY: payments.burned, toCommitteeY: payments.toCommittee, rebateToUserY: payments.rebateToUser },
    };
    if (bidTimesMs) block.bidTimesMs = bidTimesMs;
    if (lead > 0) {
      const paid = payments.perBidder.reduce((a, p) => a + p, 0);
      ahead = { priceY: paid, justInTimeY: paid };
    }
  }
  const winner = block.builder;
  const won = winner === null ? [] : (partial?.parts[winner] ?? candidates[winner]!.included.filter(inGroup));
  const local = partial?.local(won, () => rt.distOf('partial-block/', key).source) ?? [];
  return {
    block,
    allocated: [...won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })), ...local],
    sales,
    ahead,
    grossY: fullGrossY,
  };
}

/**
 * Builder mode under execution tickets (tickets.ts): each builder spends its bid on tickets, bid
 * by its strategy on what it expects a future block covering the group to be worth (less its cost);
 * the slot goes to the holder drawn `lookaheadSlots` before (or its buyer on the secondary market,
 * on the builders' realised values of this slot's candidates), who builds its own candidate.
 */
function ticketBlock(
  world: WorldState,
  rt: ModelRuntime,
  bundles: readonly Bundle[],
  candidates: readonly Candidate[],
  group: { key: string; rollups: readonly number[] },
  proposer: number,
  slot: number,
): { block: WinningBlock; allocated: Allocated[]; sales: SlotSale[]; ahead: AheadStats | null; grossY: number[] } {
  const rollups = group.rollups;
  const grossY = candidates.map((c) => rollups.reduce((a, r) => a + c.valueByRollupY[r]!, 0));
  const expected = candidates.map((c, i) => expectedGrossY(world, i, rollups, c));
  const { valuesY, choices } = builderChoices(world, expected, (i) => rt.distOf(BUILDER_STREAM, world.builders[i]!.id).source);
  const bidsY = choices.map((c) => c.bidY);
  const realisedY = grossY.map((v, i) => Math.max(0, v - world.config.builders[i]!.costY));
  const tickets = decideTickets(world, group.key, slot, bidsY, realisedY, rt.distOf('tickets/', group.key).source);
  const winner = tickets.builder >= 0 ? tickets.builder : null;
  const won = winner === null ? [] : candidates[winner]!.included.filter((b) => within(b, rollups));
  const burnedY = tickets.spentY.reduce((a, x) => a + x, 0);
  return {
    block: {
      rollups,
      proposer,
      builder: winner,
      bidsY,
      valuesY,
      choices,
      draws: [],
      payments: { perBidderY: tickets.spentY, toProposerY: 0, burnedY, toCommitteeY: 0, rebateToUserY: 0 },
      tickets,
    },
    allocated: won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })),
    sales: [],
    ahead: null,
    grossY,
  };
}

/**
 * A block's figures attributed to its rollups: by each rollup's share of the best candidate's value
 * (evenly when it is worth nothing).
 */
function attribute(candidates: readonly Candidate[], grossY: readonly number[], group: readonly number[]): number[] {
  let best = 0;
  grossY.forEach((v, i) => { if (v > grossY[best]!) best = i; });
  const top = grossY[best] ?? 0;
  return group.map((r) => (top > 0 ? candidates[best]!.valueByRollupY[r]! / top : 1 / group.length));
}

/** Σ bids ÷ Σ values for the table: 0 without value (below 1e-12 Y, where the ratio could overflow). */
function shadeOf(bidY: number, valueY: number): number {
  return valueY > 1e-12 ? bidY / valueY : 0;
}

/**
 * Phase 5 (decide): the block auction(s). `shared` sequencing runs one for the super-block of its
 * members (all rollups, unless some left: governance), and one per rollup running its own sequencer
 * (`separate`: every rollup), each with its own proposer drawn by stake. Without builders the
 * proposer sells positions (tops of blocks, spots behind users) to searchers directly.
 */
export function runAuctions(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], candidates: readonly Candidate[], slot: number, late?: readonly Bundle[]) => AuctionOutcome {
  const tallies = slotTallies('auction');
  // The slot's scratch per rollup and per bundle, refilled each slot (nothing keeps them past it).
  const shadeBidY: number[] = [];
  const shadeValueY: number[] = [];
  const placements: Placement[] = [];
  return (world, bundles, candidates, slot, late = []) => {
    const tally = tallies(world.rollups.length);
    for (let r = 0; r < world.rollups.length; r++) {
      shadeBidY[r] = 0;
      shadeValueY[r] = 0;
    }
    for (const b of bundles) {
      const t = b.target;
      if (t.kind === 'top') for (const r of t.rollups) tally[r]!.bidCount++;
      else tally[t.rollup]!.bidCount++;
      // The bundle's `bidShares`, without building them: its bid rollup's share, then a split's second rollup's.
      const split = b.bidSplit;
      const own = split === undefined ? 1 : 1 - split.share;
      shadeBidY[b.bidRollup]! += own * b.bidY;
      shadeValueY[b.bidRollup]! += own * b.valueY;
      if (split !== undefined) {
        shadeBidY[split.rollup]! += split.share * b.bidY;
        shadeValueY[split.rollup]! += split.share * b.valueY;
      }
    }
    for (const b of late) {
      const t = b.target;
      if (t.kind === 'top') for (const r of t.rollups) tally[r]!.lateBundles++;
      else tally[t.rollup]!.lateBundles++;
    }
    const allocated: Allocated[] = [];
    const blocks: WinningBlock[] = [];
    const sales: SlotSale[] = [];
    const proposers = world.rollups.map(() => 0);
    const ofaUsers = pendingOfaUsers(world);
    // Each bundle's placement, once per slot (the same answer for every group and every use below).
    // (Entries past this slot's bundles are stale: every use reads the first bundles.length.)
    let anyPriorityFee = false;
    for (let i = 0; i < bundles.length; i++) {
      const p = placementOf(world, bundles[i]!, ofaUsers);
      if (p === 'priority-fee') anyPriorityFee = true;
      placements[i] = p;
    }
    // Stakes are read only by the draws that need them (pure reads of the world: computed at most once).
    let stakes: number[] | null = null;
    let sharedStakes: number[] | null = null;
    for (const { key, rollups: group } of sequencingGroups(world)) {
      stakes ??= validatorStakes(world);
      // restaking: only opted-in operators propose the super-block
      if (key === 'shared') sharedStakes ??= sequencerStakes(world.restaking?.optedIn, stakes);
      const proposer = drawProposer(key === 'shared' ? sharedStakes! : stakes, rt.distOf('proposer/', key).source);
      for (const r of group) proposers[r] = proposer;
      const source = rt.distOf('auction/', key).source;
      if (world.builders.length === 0) {
        for (const a of sellPositions(world, bundles, placements, group, source)) allocated.push(a);
        blocks.push({ rollups: group, proposer, builder: null, bidsY: NONE, valuesY: NONE, choices: NONE, draws: NONE, payments: null });
      } else {
        const sold = ticketMechanism(world) ? ticketBlock(world, rt, bundles, candidates, { key, rollups: group }, proposer, slot) : auctionBlock(world, rt, bundles, candidates, { key, rollups: group }, proposer, source, slot, placements);
        allocated.push(...sold.allocated);
        blocks.push(sold.block);
        sales.push(...sold.sales);
        const shares = attribute(candidates, sold.grossY, group);
        const best = Math.max(0, ...sold.grossY);
        const wonY = sold.block.builder === null ? 0 : sold.grossY[sold.block.builder]!;
        group.forEach((r, k) => {
          const t = tally[r]!;
          t.bestBlockValueY = shares[k]! * best;
          t.wonBlockValueY = shares[k]! * wonY;
          t.aheadPriceY = shares[k]! * (sold.ahead?.priceY ?? 0);
          t.justInTimePriceY = shares[k]! * (sold.ahead?.justInTimeY ?? 0);
        });
      }
      // In this order, after the block's own sales: the execution plan breaks ties by push order.
      pushFcfsBundles(allocated, bundles, placements, group);
      if (anyPriorityFee) for (const a of sellByPriorityFee(bundles, placements, group, () => rt.distOf('priority-fee/', key).source)) allocated.push(a);
      if (ofaUsers.size > 0) for (const a of sellOrderFlow(world, bundles, group, ofaUsers, () => rt.distOf('ofa-auction/', key).source)) allocated.push(a);
    }
    for (const r of world.rollups) tally[r.index]!.searcherShade = shadeOf(shadeBidY[r.index]!, shadeValueY[r.index]!);
    for (const block of blocks) {
      const value = (block.bidBasisY ?? block.valuesY).reduce((a, v) => a + v, 0);
      const bid = block.bidsY.reduce((a, v) => a + v, 0);
      for (const r of block.rollups) tally[r]!.builderShade = shadeOf(bid, value);
      const t = block.tickets;
      if (t === undefined) continue;
      for (const r of block.rollups) {
        tally[r]!.ticketsBought = t.bought.reduce((a, x) => a + x, 0);
        tally[r]!.ticketsOutstanding = outstandingTickets(t);
        tally[r]!.resold = t.resold;
        tally[r]!.resalePriceY = t.resalePriceY;
      }
    }
    return { blocks, allocated, proposers, ofaUsers, tally, sales };
  };
}
