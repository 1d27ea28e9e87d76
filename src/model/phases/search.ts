import type { Phase } from '../../engine/simulation.js';
import { proposeCexDexBundle } from '../../agents/searchers/cexDexArbitrageur.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

/** Phase 3: searchers read the pools and the reference price and submit bundles with bids. */
export function searchPhase(rt: ModelRuntime): Phase<WorldState> {
  return {
    name: 'search',
    run(state) {
      for (let r = 0; r < state.bundles.length; r++) state.bundles[r] = [];
      for (const s of state.searchers) {
        const r = s.rollups[0]!;
        const rollup = state.rollups[r]!;
        const bundle = proposeCexDexBundle(
          {
            searcher: s.index,
            rollup: r,
            pool: rollup.pool,
            gasToken: rollup.gasToken,
            refPriceYPerX: state.refPriceYPerX,
            minProfitY: s.config.minProfitY,
          },
          rt.strategies[s.index]!,
        );
        if (bundle) state.bundles[r]!.push(bundle);
      }
    },
  };
}
