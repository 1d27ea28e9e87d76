import { sequencerStakes } from '../restaking.js';
import { drawProposer } from '../../agents/proposer/drawProposer.js';
import type { Source } from '../../engine/randomStreams.js';
import type { Allocated, Bundle } from '../../market/orders/types.js';
import { slotTallies } from '../columns.js';
import { sequencingGroups, type SequencingGroup } from '../membership.js';
import { pendingOfaUsers, placementOf, type Placement } from '../orderingPolicy.js';
import { inGroupWhere, pushFcfsBundles, sellByPriorityFee, sellPositions, within } from '../positionSales.js';
import { sellOrderFlow } from '../orderFlow.js';
import { partialRules, partialSale } from '../partialBlock.js';
import type { ModelRuntime } from '../runtime.js';
import { BUILDER_STREAM, bidsOf, builderChoices, builderSources, sourceAt } from '../bidding.js';
import type { AuctionOutcome, Candidate, WinningBlock } from '../slot.js';
import type { WorldState } from '../types.js';
import { boughtBlock, sellSlot, timingOf, type AheadStats, type SlotSale } from '../aheadOfTime.js';
import { groupValuesY, paidAtBid, sellBlock, tallyBlockValues, type SoldBlock } from '../soldBlock.js';
import { drawBidTimesMs } from '../latency.js';
import { expectedGrossY } from '../expectation.js';
import { validatorStakes } from '../staking.js';
import { decideTickets, outstandingTickets, ticketMechanism } from '../tickets.js';
import { sumFromZero } from '../sumFromZero.js';

/** A direct-mode block's bids, values, choices and draws: none (one shared, never-filled array). */
const NONE: readonly never[] = Object.freeze([]);

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
  { key, rollups: group }: SequencingGroup,
  proposer: number,
  source: Source,
  slot: number,
  placements: readonly Placement[],
): SoldBlock {
  const fullGrossY = groupValuesY(candidates, group);
  // A partial-block auction sells only each builder's top of block: builders value and bid on that part.
  const partial = partialRules(world) === null ? null : partialSale(world, inGroupWhere(bundles, placements, group, 'block'), candidates, (b) => within(b, group), fullGrossY);
  const grossY = partial?.grossY ?? fullGrossY;
  const lead = timingOf(world).leadSlots;
  const sales = lead > 0 && saleOf(world.aheadSales, key, slot + lead) === undefined ? [sellSlot(world, rt, candidates, group, key, slot + lead, slot, source)] : NONE;
  const sale = lead > 0 ? saleOf(world.aheadSales, key, slot) : undefined;
  // In the slot; under a mechanism selling ahead, a slot no sale reached (the first leadSlots of the run) is sold so too.
  const { block, ahead } = sale ? boughtBlock(world, rt, sale, grossY, group, proposer, key) : blockSoldNow(world, rt, grossY, group, proposer, source, lead);
  const winner = block.builder;
  // The winner's auctioned part under partial-block (its bundles all act on the group), else its block.
  const won = winner === null ? NONE : (partial?.parts[winner] ?? candidates[winner]!.included);
  const allocated = paidAtBid(won, group);
  if (partial !== null) for (const a of partial.local(won, () => rt.distOf('partial-block/', key).source)) allocated.push(a);
  return { block, allocated, sales, ahead, grossY: fullGrossY };
}

/** The first sale of `sales` of group `key`'s block of `slot` (a loop, not `find` with a closure: asked twice a slot). */
function saleOf(sales: readonly SlotSale[], key: string, slot: number): SlotSale | undefined {
  for (const s of sales) if (s.key === key && s.slot === slot) return s;
  return undefined;
}

/** A mutable `WinningBlock`, built field by field: `{ rollups, proposer, ...block }` or a spread adding a key is a V8 slow path (µs a call, bench/README.md). */
type BlockDraft = { -readonly [K in keyof WinningBlock]: WinningBlock[K] };

/** The block sold in the slot: the builders bid by their strategies on `grossY` less their costs. */
function blockSoldNow(world: WorldState, rt: ModelRuntime, grossY: readonly number[], group: readonly number[], proposer: number, source: Source, lead: number): { block: BlockDraft; ahead: AheadStats | null } {
  const { valuesY, choices } = builderChoices(world, grossY, sourceAt(builderSources(rt, world, BUILDER_STREAM)));
  const bidsY = bidsOf(choices);
  const bidTimesMs = drawBidTimesMs(world, rt);
  const { winnerIndex, payments, draws } = sellBlock(world, bidsY, bidTimesMs, source);
  const block: BlockDraft = {
    rollups: group,
    proposer,
    builder: winnerIndex,
    bidsY,
    valuesY,
    choices,
    draws,
    payments: { perBidderY: payments.perBidder, toProposerY: payments.toProposer, burnedY: payments.burned, toCommitteeY: payments.toCommittee, rebateToUserY: payments.rebateToUser },
  };
  if (bidTimesMs) block.bidTimesMs = bidTimesMs;
  if (lead === 0) return { block, ahead: null };
  const paid = sumFromZero(payments.perBidder);
  return { block, ahead: { priceY: paid, justInTimeY: paid } };
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
  candidates: readonly Candidate[],
  group: SequencingGroup,
  proposer: number,
  slot: number,
): SoldBlock {
  const rollups = group.rollups;
  const grossY = groupValuesY(candidates, rollups);
  const expected = candidates.map((c, i) => expectedGrossY(world, i, rollups, c));
  const { valuesY, choices } = builderChoices(world, expected, sourceAt(builderSources(rt, world, BUILDER_STREAM)));
  const bidsY = choices.map((c) => c.bidY);
  const realisedY = grossY.map((v, i) => Math.max(0, v - world.config.builders[i]!.costY));
  const tickets = decideTickets(world, group.key, slot, bidsY, realisedY, rt.distOf('tickets/', group.key).source);
  const winner = tickets.builder >= 0 ? tickets.builder : null;
  const burnedY = sumFromZero(tickets.spentY);
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
    allocated: winner === null ? [] : paidAtBid(candidates[winner]!.included, rollups),
    sales: NONE,
    ahead: null,
    grossY,
  };
}

/** Appends `xs` to `out` in order (an index loop: the per-slot lists are short, their iterators not). */
function pushAll<T>(out: T[], xs: readonly T[]): void {
  for (let i = 0; i < xs.length; i++) out.push(xs[i]!);
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
  // Each group's proposer draw and auction streams, looked up once per run (one map lookup a group and slot, not four).
  const groupSources = new Map<string, { readonly proposer: Source; readonly auction: Source }>();
  const sourcesOf = (key: string) => {
    let s = groupSources.get(key);
    if (s === undefined) groupSources.set(key, (s = { proposer: rt.distOf('proposer/', key).source, auction: rt.distOf('auction/', key).source }));
    return s;
  };
  return (world, bundles, candidates, slot, late = NONE) => {
    const tally = tallies(world.rollups.length);
    for (let r = 0; r < world.rollups.length; r++) {
      shadeBidY[r] = 0;
      shadeValueY[r] = 0;
    }
    // Index loops throughout: `for…of` here kept its iterators (this runs every slot, per bundle and group).
    for (let i = 0; i < bundles.length; i++) {
      const b = bundles[i]!;
      const t = b.target;
      if (t.kind === 'top') for (let k = 0; k < t.rollups.length; k++) tally[t.rollups[k]!]!.bidCount++;
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
    for (let i = 0; i < late.length; i++) {
      const t = late[i]!.target;
      if (t.kind === 'top') for (let k = 0; k < t.rollups.length; k++) tally[t.rollups[k]!]!.lateBundles++;
      else tally[t.rollup]!.lateBundles++;
    }
    const allocated: Allocated[] = [];
    const blocks: WinningBlock[] = [];
    const sales: SlotSale[] = [];
    const proposers: number[] = [];
    for (let r = 0; r < world.rollups.length; r++) proposers.push(0);
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
    const groups = sequencingGroups(world);
    for (let g = 0; g < groups.length; g++) {
      const sequencing = groups[g]!;
      const { key, rollups: group } = sequencing;
      stakes ??= validatorStakes(world);
      // restaking: only opted-in operators propose the super-block
      // (Without restaking every validator keeps its stake: the stakes themselves, which the draw only reads, not a copy.)
      if (key === 'shared') sharedStakes ??= world.restaking?.optedIn === undefined ? stakes : sequencerStakes(world.restaking.optedIn, stakes);
      const streams = sourcesOf(key);
      const proposer = drawProposer(key === 'shared' ? sharedStakes! : stakes, streams.proposer);
      for (let k = 0; k < group.length; k++) proposers[group[k]!] = proposer;
      const source = streams.auction;
      if (world.builders.length === 0) {
        for (const a of sellPositions(world, bundles, placements, group, source)) allocated.push(a);
        blocks.push({ rollups: group, proposer, builder: null, bidsY: NONE, valuesY: NONE, choices: NONE, draws: NONE, payments: null });
      } else {
        const sold = ticketMechanism(world) ? ticketBlock(world, rt, candidates, sequencing, proposer, slot) : auctionBlock(world, rt, bundles, candidates, sequencing, proposer, source, slot, placements);
        pushAll(allocated, sold.allocated);
        blocks.push(sold.block);
        pushAll(sales, sold.sales);
        tallyBlockValues(tally, candidates, sold, group);
      }
      // In this order, after the block's own sales: the execution plan breaks ties by push order.
      pushFcfsBundles(allocated, bundles, placements, group);
      if (anyPriorityFee) for (const a of sellByPriorityFee(bundles, placements, group, () => rt.distOf('priority-fee/', key).source)) allocated.push(a);
      if (ofaUsers.size > 0) for (const a of sellOrderFlow(world, bundles, group, ofaUsers, () => rt.distOf('ofa-auction/', key).source)) allocated.push(a);
    }
    for (let r = 0; r < world.rollups.length; r++) {
      const index = world.rollups[r]!.index;
      tally[index]!.searcherShade = shadeOf(shadeBidY[index]!, shadeValueY[index]!);
    }
    for (let k = 0; k < blocks.length; k++) {
      const block = blocks[k]!;
      const value = sumFromZero(block.bidBasisY ?? block.valuesY);
      const bid = sumFromZero(block.bidsY);
      for (let j = 0; j < block.rollups.length; j++) tally[block.rollups[j]!]!.builderShade = shadeOf(bid, value);
      const t = block.tickets;
      if (t === undefined) continue;
      for (const r of block.rollups) {
        tally[r]!.ticketsBought = sumFromZero(t.bought);
        tally[r]!.ticketsOutstanding = outstandingTickets(t);
        tally[r]!.resold = t.resold;
        tally[r]!.resalePriceY = t.resalePriceY;
      }
    }
    return { blocks, allocated, proposers, ofaUsers, tally, sales };
  };
}
