import type { Phase } from '../../engine/simulation.js';
import { proposeBackruns } from '../../agents/searchers/backrunner.js';
import { proposeCexDexBundle } from '../../agents/searchers/cexDexArbitrageur.js';
import { proposeCrossRollupBundles } from '../../agents/searchers/crossRollupArbitrageur.js';
import type { ModelRuntime } from '../runtime.js';
import type { Bundle, SearcherState, WorldState } from '../types.js';

/** One searcher's bundles for this slot, from a read-only view of the world. */
function proposeFor(state: WorldState, s: SearcherState, rt: ModelRuntime): Bundle[] {
  const strategy = rt.strategies[s.index]!;
  const ref = state.refPriceYPerX;
  const cfg = s.config;
  if (cfg.kind === 'cross-rollup') {
    const [a, b] = [state.rollups[s.rollups[0]!]!, state.rollups[s.rollups[1]!]!];
    return proposeCrossRollupBundles(
      {
        searcher: s.index,
        rollups: [a.index, b.index],
        pools: [a.pool, b.pool],
        gasTokens: [a.gasToken, b.gasToken],
        refPriceYPerX: ref,
        bundling: cfg.bundling,
        payOn: cfg.payOn === undefined || cfg.payOn === a.id ? 0 : 1,
        minProfitY: cfg.minProfitY,
        group: state.nextGroupId++,
      },
      strategy,
    );
  }
  const rollup = state.rollups[s.rollups[0]!]!;
  const common = { searcher: s.index, rollup: rollup.index, pool: rollup.pool, gasToken: rollup.gasToken, refPriceYPerX: ref, minProfitY: cfg.minProfitY };
  if (cfg.kind === 'backrun') return proposeBackruns({ ...common, publicPending: rollup.pending.filter((tx) => !tx.isPrivate) }, strategy);
  const bundle = proposeCexDexBundle(common, strategy);
  return bundle ? [bundle] : [];
}

/** Phase 3: searchers read pools, the reference price and the public mempool, and submit bundles. */
export function searchPhase(rt: ModelRuntime): Phase<WorldState> {
  return {
    name: 'search',
    run(state) {
      state.bundles = [];
      for (const s of state.searchers) state.bundles.push(...proposeFor(state, s, rt));
    },
  };
}
