import { sameSequencer } from '../membership.js';
import type { Phase } from '../../engine/simulation.js';
import { proposeBackruns } from '../../agents/searchers/backrunner.js';
import { proposeCexDexBundle } from '../../agents/searchers/cexDexArbitrageur.js';
import { proposeCrossRollupBundles } from '../../agents/searchers/crossRollupArbitrageur.js';
import { proposeSandwiches } from '../../agents/searchers/sandwicher.js';
import type { ModelRuntime } from '../runtime.js';
import type { RollupState, SearcherState, WorldState } from '../types.js';
import type { Bundle, UserSwap } from '../../market/orders/types.js';

/**
 * The pending swaps a searcher may target on a rollup: public ones only, none at all where the
 * rollup encrypts contents, and for a sandwich (which must go ahead of its victim) none where the
 * rollup orders first-come-first-served.
 */
function visibleTargets(state: WorldState, rollup: RollupState, needsFront: boolean): UserSwap[] {
  const ordering = state.config.rollups[rollup.index]!.ordering;
  if (ordering === 'encrypted' || (needsFront && ordering === 'fcfs')) return [];
  return rollup.pending.filter((tx) => !tx.isPrivate);
}

/** One searcher's bundles for this slot, from a read-only view of the world. */
function proposeFor(state: WorldState, s: SearcherState, rt: ModelRuntime, slotStartMs: number): Bundle[] {
  const strategy = rt.strategies[s.index]!;
  const ref = state.refPriceYPerX;
  const cfg = s.config;
  const arrivalMs = slotStartMs + cfg.latencyMs;
  if (cfg.kind === 'cross-rollup') {
    const [a, b] = [state.rollups[s.rollups[0]!]!, state.rollups[s.rollups[1]!]!];
    // Separate sequencers cannot sell an atomic bundle: it can only be bid leg by leg.
    const bundling = sameSequencer(state, s.rollups) ? cfg.bundling : 'split';
    return proposeCrossRollupBundles(
      {
        searcher: s.index,
        rollups: [a.index, b.index],
        pools: [a.pool, b.pool],
        gasTokens: [a.gasToken, b.gasToken],
        refPriceYPerX: ref,
        bundling,
        payOn: cfg.payOn === undefined || cfg.payOn === a.id ? 0 : 1,
        minProfitY: cfg.minProfitY,
        group: state.nextGroupId++,
        arrivalMs,
      },
      strategy,
    );
  }
  const rollup = state.rollups[s.rollups[0]!]!;
  // One view object written out field by field (no spreads on this per-slot path; see bench/README.md).
  const view = {
    searcher: s.index,
    rollup: rollup.index,
    pool: rollup.pool,
    gasToken: rollup.gasToken,
    refPriceYPerX: ref,
    minProfitY: cfg.minProfitY,
    latencyMs: cfg.latencyMs,
    arrivalMs,
    publicPending: cfg.kind === 'cex-dex' ? [] : visibleTargets(state, rollup, cfg.kind === 'sandwich'),
  };
  if (cfg.kind === 'backrun') return proposeBackruns(view, strategy);
  if (cfg.kind === 'sandwich') return proposeSandwiches(view, strategy);
  const bundle = proposeCexDexBundle(view, strategy);
  return bundle ? [bundle] : [];
}

/** Phase 3: searchers read pools, the reference price and the public mempool, and submit bundles. */
export function searchPhase(rt: ModelRuntime): Phase<WorldState> {
  return {
    name: 'search',
    run(state, ctx) {
      state.bundles = [];
      for (const s of state.searchers) state.bundles.push(...proposeFor(state, s, rt, ctx.startMs));
    },
  };
}
