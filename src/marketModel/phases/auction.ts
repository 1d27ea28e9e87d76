import { drawProposer } from '../../agents/proposer/drawProposer.js';
import type { Source } from '../../engine/randomStreams.js';
import { recordingSource } from '../../market/mechanisms/counterfactual.js';
import { runMechanism } from '../../market/mechanisms/runMechanism.js';
import { allocateBundles, type PaymentRule } from '../../market/orders/allocateBundles.js';
import { rollupsOf } from '../../market/orders/positions.js';
import type { Allocated, Bundle } from '../../market/orders/types.js';
import { zeroTally } from '../columns.js';
import { sequencingGroups } from '../membership.js';
import { touchesFcfs } from '../orderingPolicy.js';
import type { ModelRuntime } from '../runtime.js';
import { bidderStream, builderBids, builderChoices } from '../bidding.js';
import type { AuctionOutcome, Candidate, WinningBlock } from '../slot.js';
import type { WorldState } from '../types.js';
import { expectedGrossY } from '../expectation.js';
import { decideTickets, outstandingTickets, ticketMechanism } from '../tickets.js';

const within = (b: Bundle, group: readonly number[]) => rollupsOf(b.target).every((r) => group.includes(r));

/** Direct mode: the proposer sells positions to searchers; fcfs positions are not for sale. */
function sellPositions(world: WorldState, bundles: readonly Bundle[], group: readonly number[], source: Source): Allocated[] {
  const inGroup = bundles.filter((b) => within(b, group));
  const unsold = inGroup.filter((b) => touchesFcfs(world, b)).map((bundle) => ({ bundle, paymentGas: 0 }));
  const sold = allocateBundles(inGroup.filter((b) => !touchesFcfs(world, b)), world.config.mechanism.name as PaymentRule, source);
  return [...sold, ...unsold];
}

/**
 * Builder mode: builders bid for the group's block with the configured mechanism, each by its
 * strategy (its value: the block's bids less its cost). The mechanism's draws are kept so the
 * learn step can replay the auction with other bids.
 */
function auctionBlock(
  world: WorldState,
  rt: ModelRuntime,
  bundles: readonly Bundle[],
  candidates: readonly Candidate[],
  group: readonly number[],
  proposer: number,
  source: Source,
): { block: WinningBlock; allocated: Allocated[] } {
  const grossY = candidates.map((c) => group.reduce((a, r) => a + c.valueByRollupY[r]!, 0));
  const { valuesY, choices } = builderChoices(world, grossY, (i) => rt.dist(bidderStream('builder', world.builders[i]!.id)).source);
  const bidsY = choices.map((c) => c.bidY);
  const bids = builderBids(world, bidsY);
  const drawn = recordingSource(source);
  const { allocation, payments } = runMechanism(world.config.mechanism, bids, drawn.source);
  const winner = allocation.winnerIndex;
  const won = winner === null ? [] : candidates[winner]!.included.filter((b) => within(b, group));
  const unsold = bundles.filter((b) => within(b, group) && touchesFcfs(world, b));
  return {
    block: {
      rollups: group,
      proposer,
      builder: winner,
      bidsY,
      valuesY,
      choices,
      draws: drawn.draws,
      payments: { perBidderY: payments.perBidder, toProposerY: payments.toProposer, burnedY: payments.burned, toCommitteeY: payments.toCommittee, rebateToUserY: payments.rebateToUser },
    },
    allocated: [...won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })), ...unsold.map((bundle) => ({ bundle, paymentGas: 0 }))],
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
): { block: WinningBlock; allocated: Allocated[] } {
  const rollups = group.rollups;
  const expected = candidates.map((c, i) => expectedGrossY(world, i, rollups, c));
  const { valuesY, choices } = builderChoices(world, expected, (i) => rt.dist(bidderStream('builder', world.builders[i]!.id)).source);
  const bidsY = choices.map((c) => c.bidY);
  const realisedY = candidates.map((c, i) => Math.max(0, rollups.reduce((a, r) => a + c.valueByRollupY[r]!, 0) - world.config.builders[i]!.costY));
  const tickets = decideTickets(world, group.key, slot, bidsY, realisedY, rt.dist(`tickets/${group.key}`).source);
  const winner = tickets.builder >= 0 ? tickets.builder : null;
  const won = winner === null ? [] : candidates[winner]!.included.filter((b) => within(b, rollups));
  const unsold = bundles.filter((b) => within(b, rollups) && touchesFcfs(world, b));
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
    allocated: [...won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })), ...unsold.map((bundle) => ({ bundle, paymentGas: 0 }))],
  };
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
export function runAuctions(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], candidates: readonly Candidate[], slot?: number) => AuctionOutcome {
  // `slot` keys execution tickets' draws (tickets.ts); other mechanisms do not read it.
  return (world, bundles, candidates, slot = 0) => {
    const stakes = world.config.validators.map((v) => v.stake);
    const tally = world.rollups.map(() => zeroTally('auction'));
    const shade = world.rollups.map(() => ({ bidY: 0, valueY: 0 }));
    for (const b of bundles) {
      for (const r of rollupsOf(b.target)) tally[r]!.bidCount++;
      shade[b.bidRollup]!.bidY += b.bidY;
      shade[b.bidRollup]!.valueY += b.valueY;
    }
    const allocated: Allocated[] = [];
    const blocks: WinningBlock[] = [];
    const proposers = world.rollups.map(() => 0);
    for (const { key, rollups: group } of sequencingGroups(world)) {
      const proposer = drawProposer(stakes, rt.dist(`proposer/${key}`).source);
      for (const r of group) proposers[r] = proposer;
      const source = rt.dist(`auction/${key}`).source;
      if (world.builders.length === 0) {
        allocated.push(...sellPositions(world, bundles, group, source));
        blocks.push({ rollups: group, proposer, builder: null, bidsY: [], valuesY: [], choices: [], draws: [], payments: null });
      } else {
        const sold = ticketMechanism(world) ? ticketBlock(world, rt, bundles, candidates, { key, rollups: group }, proposer, slot) : auctionBlock(world, rt, bundles, candidates, group, proposer, source);
        allocated.push(...sold.allocated);
        blocks.push(sold.block);
      }
    }
    for (const r of world.rollups) tally[r.index]!.searcherShade = shadeOf(shade[r.index]!.bidY, shade[r.index]!.valueY);
    for (const block of blocks) {
      const value = block.valuesY.reduce((a, v) => a + v, 0);
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
    return { blocks, allocated, proposers, tally };
  };
}
