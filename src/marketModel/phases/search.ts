import { proposeBackruns } from '../../agents/searchers/backrunner.js';
import { proposeCexDexBundle } from '../../agents/searchers/cexDexArbitrageur.js';
import { proposeCrossRollupBundles } from '../../agents/searchers/crossRollupArbitrageur.js';
import { proposeSandwiches } from '../../agents/searchers/sandwicher.js';
import type { SlotContext } from '../../engine/simulation.js';
import type { Bundle } from '../../market/orders/types.js';
import { sameSequencer } from '../membership.js';
import { visibleTargets } from '../orderingPolicy.js';
import type { ModelRuntime } from '../runtime.js';
import type { SearchOutcome } from '../slot.js';
import type { SearcherState, WorldState } from '../types.js';

/** One searcher's bundles for this slot, from a read-only view of the world; `group` ids its split legs. */
function proposeFor(world: WorldState, s: SearcherState, rt: ModelRuntime, slotStartMs: number, group: number): Bundle[] {
  const strategy = rt.strategies[s.index]!;
  const ref = world.refPriceYPerX;
  const cfg = world.config.searchers[s.index]!;
  const arrivalMs = slotStartMs + cfg.latencyMs;
  if (cfg.kind === 'cross-rollup') {
    const [a, b] = [world.rollups[s.rollups[0]!]!, world.rollups[s.rollups[1]!]!];
    // Separate sequencers cannot sell an atomic bundle: it can only be bid leg by leg.
    const bundling = sameSequencer(world, s.rollups) ? cfg.bundling : 'split';
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
        group,
        arrivalMs,
      },
      strategy,
    );
  }
  const rollup = world.rollups[s.rollups[0]!]!;
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
    publicPending: cfg.kind === 'cex-dex' ? [] : visibleTargets(world, rollup, cfg.kind === 'sandwich'),
  };
  if (cfg.kind === 'backrun') return proposeBackruns(view, strategy);
  if (cfg.kind === 'sandwich') return proposeSandwiches(view, strategy);
  const bundle = proposeCexDexBundle(view, strategy);
  return bundle ? [bundle] : [];
}

/**
 * Phase 3 (decide): searchers read pools, the reference price and the public mempool, and submit
 * bundles. Each cross-rollup searcher takes one leg-group id per slot, numbered on from the world's.
 */
export function searchBundles(rt: ModelRuntime): (world: WorldState, ctx: SlotContext) => SearchOutcome {
  return (world, ctx) => {
    const bundles: Bundle[] = [];
    let group = world.nextGroupId;
    for (const s of world.searchers) {
      const cross = world.config.searchers[s.index]!.kind === 'cross-rollup';
      bundles.push(...proposeFor(world, s, rt, ctx.startMs, cross ? group++ : -1));
    }
    return { bundles, nextGroupId: group };
  };
}
