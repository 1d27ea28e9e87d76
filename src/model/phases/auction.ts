import type { Phase } from '../../engine/simulation.js';
import { allocateBundles, type PaymentRule } from '../allocateBundles.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

/**
 * Phase 5: the proposer sells the slot's positions (tops of blocks, backrun positions) among the
 * submitted bundles with the configured payment rule.
 */
export function auctionPhase(rt: ModelRuntime): Phase<WorldState> {
  const source = rt.dist('auction').source;
  return {
    name: 'auction',
    run(state) {
      for (const b of state.bundles) {
        for (const r of b.target.kind === 'top' ? b.target.rollups : [b.target.rollup]) state.stats[r]!.bidCount++;
      }
      state.allocated = allocateBundles(state.bundles, state.config.mechanism.name as PaymentRule, source);
    },
  };
}
