import type { Phase } from '../../engine/simulation.js';
import { builderBidY } from '../../agents/builders/buildBlock.js';
import { drawProposer } from '../../agents/proposer/drawProposer.js';
import { runMechanism } from '../../market/mechanisms/runMechanism.js';
import { allocateBundles, type PaymentRule } from '../../market/orders/allocateBundles.js';
import { rollupsOf } from '../../market/orders/positions.js';
import type { ModelRuntime } from '../runtime.js';
import type { WinningBlock, WorldState } from '../types.js';
import type { Allocated, Bundle } from '../../market/orders/types.js';
import { touchesFcfs } from './build.js';
import { sequencingGroups } from '../membership.js';

const within = (b: Bundle, group: readonly number[]) => rollupsOf(b.target).every((r) => group.includes(r));

/** Direct mode: the proposer sells positions to searchers; fcfs positions are not for sale. */
function sellPositions(state: WorldState, group: readonly number[], source: () => number): Allocated[] {
  const bundles = state.bundles.filter((b) => within(b, group));
  const unsold = bundles.filter((b) => touchesFcfs(state, b)).map((bundle) => ({ bundle, paymentGas: 0 }));
  const sold = allocateBundles(bundles.filter((b) => !touchesFcfs(state, b)), state.config.mechanism.name as PaymentRule, source);
  return [...sold, ...unsold];
}

/** Builder mode: builders bid for the group's block with the configured mechanism. */
function auctionBlock(state: WorldState, group: readonly number[], proposer: number, source: () => number): { block: WinningBlock; allocated: Allocated[] } {
  const bidsY = state.candidates.map((c, i) => {
    const cfg = state.config.builders[i]!;
    return builderBidY(group.reduce((a, r) => a + c.valueByRollupY[r]!, 0), cfg.margin, cfg.costY);
  });
  const bids = state.builders.map((b, i) => ({ bidderId: b.id, amount: bidsY[i]!, timeMs: state.config.builders[i]!.bidTimeMs }));
  const { allocation, payments } = runMechanism(state.config.mechanism, bids, source);
  const winner = allocation.winnerIndex;
  const won = winner === null ? [] : state.candidates[winner]!.included.filter((b) => within(b, group));
  const unsold = state.bundles.filter((b) => within(b, group) && touchesFcfs(state, b));
  return {
    block: {
      rollups: group,
      proposer,
      builder: winner,
      bidsY,
      payments: { perBidderY: payments.perBidder, toProposerY: payments.toProposer, burnedY: payments.burned, toCommitteeY: payments.toCommittee },
    },
    allocated: [...won.map((bundle) => ({ bundle, paymentGas: bundle.bidGas })), ...unsold.map((bundle) => ({ bundle, paymentGas: 0 }))],
  };
}

/**
 * Phase 5: the block auction(s). `shared` sequencing runs one for the super-block of its members
 * (all rollups, unless some left: governance), and one per rollup running its own sequencer
 * (`separate`: every rollup), each with its own proposer drawn by stake. Without builders the
 * proposer sells positions (tops of blocks, spots behind users) to searchers directly.
 */
export function auctionPhase(rt: ModelRuntime): Phase<WorldState> {
  return {
    name: 'auction',
    run(state) {
      const stakes = state.config.validators.map((v) => v.stake);
      for (const b of state.bundles) for (const r of rollupsOf(b.target)) state.stats[r]!.bidCount++;
      state.allocated = [];
      state.blocks = [];
      for (const { key, rollups: group } of sequencingGroups(state)) {
        const proposer = drawProposer(stakes, rt.dist(`proposer/${key}`).source);
        for (const r of group) state.proposers[r] = proposer;
        const source = rt.dist(`auction/${key}`).source;
        if (state.builders.length === 0) {
          state.allocated.push(...sellPositions(state, group, source));
          state.blocks.push({ rollups: group, proposer, builder: null, bidsY: [], payments: null });
        } else {
          const { block, allocated } = auctionBlock(state, group, proposer, source);
          state.allocated.push(...allocated);
          state.blocks.push(block);
        }
      }
    },
  };
}
