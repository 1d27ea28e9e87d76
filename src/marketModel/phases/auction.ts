import { builderBidY } from '../../agents/builders/buildBlock.js';
import { drawProposer } from '../../agents/proposer/drawProposer.js';
import type { Source } from '../../engine/randomStreams.js';
import { runMechanism } from '../../market/mechanisms/runMechanism.js';
import { allocateBundles, type PaymentRule } from '../../market/orders/allocateBundles.js';
import { rollupsOf } from '../../market/orders/positions.js';
import type { Allocated, Bundle } from '../../market/orders/types.js';
import { zeroTally } from '../columns.js';
import { sequencingGroups } from '../membership.js';
import { touchesFcfs } from '../orderingPolicy.js';
import type { ModelRuntime } from '../runtime.js';
import type { AuctionOutcome, Candidate, WinningBlock } from '../slot.js';
import type { WorldState } from '../types.js';

const within = (b: Bundle, group: readonly number[]) => rollupsOf(b.target).every((r) => group.includes(r));

/** Direct mode: the proposer sells positions to searchers; fcfs positions are not for sale. */
function sellPositions(world: WorldState, bundles: readonly Bundle[], group: readonly number[], source: Source): Allocated[] {
  const inGroup = bundles.filter((b) => within(b, group));
  const unsold = inGroup.filter((b) => touchesFcfs(world, b)).map((bundle) => ({ bundle, paymentGas: 0 }));
  const sold = allocateBundles(inGroup.filter((b) => !touchesFcfs(world, b)), world.config.mechanism.name as PaymentRule, source);
  return [...sold, ...unsold];
}

/** Builder mode: builders bid for the group's block with the configured mechanism. */
function auctionBlock(
  world: WorldState,
  bundles: readonly Bundle[],
  candidates: readonly Candidate[],
  group: readonly number[],
  proposer: number,
  source: Source,
): { block: WinningBlock; allocated: Allocated[] } {
  const bidsY = candidates.map((c, i) => {
    const cfg = world.config.builders[i]!;
    return builderBidY(group.reduce((a, r) => a + c.valueByRollupY[r]!, 0), cfg.margin, cfg.costY);
  });
  const bids = world.builders.map((b, i) => ({ bidderId: b.id, amount: bidsY[i]!, timeMs: world.config.builders[i]!.bidTimeMs }));
  const { allocation, payments } = runMechanism(world.config.mechanism, bids, source);
  const winner = allocation.winnerIndex;
  const won = winner === null ? [] : candidates[winner]!.included.filter((b) => within(b, group));
  const unsold = bundles.filter((b) => within(b, group) && touchesFcfs(world, b));
  return {
    block: {
      rollups: group,
      proposer,
      builder: winner,
      bidsY,
      payments: { perBidderY: payments.perBidder, toProposerY: payments.toProposer, burnedY: payments.burned, toCommitteeY: payments.toCommittee, rebateToUserY: payments.rebateToUser },
    },
    allocated: [...won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })), ...unsold.map((bundle) => ({ bundle, paymentGas: 0 }))],
  };
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
    for (const b of bundles) for (const r of rollupsOf(b.target)) tally[r]!.bidCount++;
    const allocated: Allocated[] = [];
    const blocks: WinningBlock[] = [];
    const proposers = world.rollups.map(() => 0);
    for (const { key, rollups: group } of sequencingGroups(world)) {
      const proposer = drawProposer(stakes, rt.dist(`proposer/${key}`).source);
      for (const r of group) proposers[r] = proposer;
      const source = rt.dist(`auction/${key}`).source;
      if (world.builders.length === 0) {
        allocated.push(...sellPositions(world, bundles, group, source));
        blocks.push({ rollups: group, proposer, builder: null, bidsY: [], payments: null });
      } else {
        const sold = auctionBlock(world, bundles, candidates, group, proposer, source);
        allocated.push(...sold.allocated);
        blocks.push(sold.block);
      }
    }
    return { blocks, allocated, proposers, tally };
  };
}
