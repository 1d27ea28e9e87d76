import type { Phase } from '../../engine/simulation.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';
import { runTopOfBlockAuction } from '../topOfBlockAuction.js';

/**
 * Phase 5: on each rollup the proposer sells the top of the block among the submitted bundles with
 * the configured mechanism; the winner's bundle runs first and its payment is settled later.
 */
export function auctionPhase(rt: ModelRuntime): Phase<WorldState> {
  return {
    name: 'auction',
    run(state) {
      for (const rollup of state.rollups) {
        const bundles = state.bundles[rollup.index]!;
        const stats = state.stats[rollup.index]!;
        stats.bidCount = bundles.length;
        const outcome = runTopOfBlockAuction(state.config.mechanism, bundles, rt.dist(`auction/${rollup.id}`).source);
        state.winners[rollup.index] = outcome && { ...outcome.bundle, bidGas: outcome.paymentGas };
      }
    },
  };
}
