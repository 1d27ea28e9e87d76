import { drawProposer } from '../../agents/proposer/drawProposer.js';
import type { Source } from '../../engine/randomStreams.js';
import { recordingSource } from '../../market/mechanisms/counterfactual.js';
import { runMechanism } from '../../market/mechanisms/runMechanism.js';
import { allocateBundles, type PaymentRule } from '../../market/orders/allocateBundles.js';
import { rollupsOf } from '../../market/orders/positions.js';
import type { Allocated, Bundle } from '../../market/orders/types.js';
import { zeroTally } from '../columns.js';
import { sequencingGroups } from '../membership.js';
import { pendingOfaUsers, placementOf, placedOutsideBlock } from '../orderingPolicy.js';
import { sellOrderFlow } from '../orderFlow.js';
import type { ModelRuntime } from '../runtime.js';
import { bidderStream, blockMechanism, builderBids, builderChoices } from '../bidding.js';
import type { AuctionOutcome, Candidate, WinningBlock } from '../slot.js';
import type { WorldState } from '../types.js';

const within = (b: Bundle, group: readonly number[]) => rollupsOf(b.target).every((r) => group.includes(r));

/** The group's bundles on fcfs rollups: carried by every block in arrival order, unsold (they pay nothing). */
function fcfsBundles(world: WorldState, bundles: readonly Bundle[], group: readonly number[]): Allocated[] {
  return bundles.filter((b) => within(b, group) && placementOf(world, b) === 'fcfs').map((bundle) => ({ bundle, paymentGas: 0 }));
}

/**
 * Priority-fee ordering (OP Stack, Base): the rollup's sequencer orders its block by priority fee, so
 * each position (top of block, the spot behind a user, a sandwich's pair) goes to the highest fee —
 * the searchers' bids, paid as priority fees, first-price (ties uniform, from the group's stream
 * `priority-fee/<key>`); the others lose the position (their transactions would revert: they pay
 * nothing). The fee is the rollup's
 * (its treasury), not the proposer's nor a builder's (Robinson & White 2024, "Priority Is All You
 * Need", paradigm.xyz/2024/06/priority-is-all-you-need: with competitive searchers the priority fee
 * bids up to the opportunity's value). An atomic bundle across such a rollup and another pays its
 * whole fee to the treasury of the rollup it pays on (`bidRollup`).
 */
function sellByPriorityFee(world: WorldState, bundles: readonly Bundle[], group: readonly number[], sourceOf: () => Source): Allocated[] {
  const mine = bundles.filter((b) => within(b, group) && placementOf(world, b) === 'priority-fee');
  // The stream is created only when used (a run without priority-fee bundles keeps its streams).
  return mine.length === 0 ? [] : allocateBundles(mine, 'first-price', sourceOf()).map((a) => ({ bundle: a.bundle, paymentGas: a.paymentGas, payee: 'rollup' as const }));
}

/** Direct mode: the proposer sells the positions its block sells to searchers (not fcfs, priority-fee or OFA ones). */
function sellPositions(world: WorldState, bundles: readonly Bundle[], group: readonly number[], ofaUsers: ReadonlySet<number>, source: Source): Allocated[] {
  const forSale = bundles.filter((b) => within(b, group) && !placedOutsideBlock(world, b, ofaUsers));
  return allocateBundles(forSale, blockMechanism(world).name as PaymentRule, source);
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
  const { allocation, payments } = runMechanism(blockMechanism(world), bids, drawn.source);
  const winner = allocation.winnerIndex;
  const won = winner === null ? [] : candidates[winner]!.included.filter((b) => within(b, group));
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
    allocated: won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })),
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
export function runAuctions(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], candidates: readonly Candidate[]) => AuctionOutcome {
  return (world, bundles, candidates) => {
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
    const ofaUsers = pendingOfaUsers(world);
    for (const { key, rollups: group } of sequencingGroups(world)) {
      const proposer = drawProposer(stakes, rt.dist(`proposer/${key}`).source);
      for (const r of group) proposers[r] = proposer;
      const source = rt.dist(`auction/${key}`).source;
      if (world.builders.length === 0) {
        allocated.push(...sellPositions(world, bundles, group, ofaUsers, source));
        blocks.push({ rollups: group, proposer, builder: null, bidsY: [], valuesY: [], choices: [], draws: [], payments: null });
      } else {
        const sold = auctionBlock(world, rt, bundles, candidates, group, proposer, source);
        allocated.push(...sold.allocated);
        blocks.push(sold.block);
      }
      // In this order, after the block's own sales: the execution plan breaks ties by push order.
      allocated.push(...fcfsBundles(world, bundles, group), ...sellByPriorityFee(world, bundles, group, () => rt.dist(`priority-fee/${key}`).source));
      allocated.push(...sellOrderFlow(world, bundles, group, ofaUsers, () => rt.dist(`ofa-auction/${key}`).source));
    }
    for (const r of world.rollups) tally[r.index]!.searcherShade = shadeOf(shade[r.index]!.bidY, shade[r.index]!.valueY);
    for (const block of blocks) {
      const value = block.valuesY.reduce((a, v) => a + v, 0);
      const bid = block.bidsY.reduce((a, v) => a + v, 0);
      for (const r of block.rollups) tally[r]!.builderShade = shadeOf(bid, value);
    }
    return { blocks, allocated, proposers, ofaUsers, tally };
  };
}
