import { searcherKind } from '../../agents/searchers/registry.js';
import type { SearcherKind, SearcherRollupView } from '../../agents/searchers/searcherKind.js';
import type { SlotContext } from '../../engine/simulation.js';
import type { Bundle } from '../../market/orders/types.js';
import { sameSequencer } from '../membership.js';
import { hasLatencyModel, withDrawnLatency, type LatencySettings } from '../latency.js';
import { visibleTargets } from '../orderingPolicy.js';
import type { ModelRuntime } from '../runtime.js';
import { chooseArm, equilibriumRebids, searcherBidder, withChoice } from '../bidding.js';
import type { SearchOutcome, SearcherDecision } from '../slot.js';
import type { SearcherState, WorldState } from '../types.js';
import { spendableOn } from '../capital.js';

/** One rollup as searcher `s` of kind `kind` may see it: pool, gas token and the swaps it may target. */
function rollupView(world: WorldState, kind: SearcherKind, r: number): SearcherRollupView {
  const rollup = world.rollups[r]!;
  const pending = kind.mempool === 'none' ? [] : visibleTargets(world, rollup, kind.mempool === 'around');
  return { index: rollup.index, id: rollup.id, pool: rollup.pool, gasToken: rollup.gasToken, pending };
}

/** What never changes about a searcher through a run (its config's kind and latency), resolved once. */
interface SearcherStatics {
  readonly kind: SearcherKind;
  readonly legGroups: boolean;
  /** Its latency settings when it has a latency model (`hasLatencyModel`), else null: no draws. */
  readonly latency: LatencySettings | null;
}

/** The statics of each configured searcher, in config order (a choice's arm changes none of them: `withChoice`). */
function searcherStatics(world: WorldState): SearcherStatics[] {
  return world.config.searchers.map((cfg) => {
    const kind = searcherKind(cfg.kind);
    const latency = { baseMs: cfg.latencyMs, colocationMs: cfg.colocationMs, jitter: cfg.latencyJitter };
    return { kind, legGroups: kind.legGroups === true, latency: hasLatencyModel(latency) ? latency : null };
  });
}

/** One searcher's bundles for this slot, from a read-only view of the world; `group` ids its split legs. */
function proposeFor(world: WorldState, s: SearcherState, rt: ModelRuntime, slotStartMs: number, group: number, decisions: SearcherDecision[], arm: number, statics: SearcherStatics): Bundle[] {
  const cfg = withChoice(world.config.searchers[s.index]!, arm);
  const kind = statics.kind;
  // One view object written out field by field (no spreads on this per-slot path; see bench/README.md).
  const view = {
    searcher: s.index,
    rollups: s.rollups.map((r) => rollupView(world, kind, r)),
    refPriceYPerX: world.refPriceYPerX,
    minProfitY: cfg.minProfitY,
    latencyMs: cfg.latencyMs,
    arrivalMs: slotStartMs + cfg.latencyMs,
    atomicAllowed: sameSequencer(world, s.rollups),
    group,
    spendable: cfg.capital?.negative === 'forbid' ? s.rollups.map((r) => spendableOn(s, r)) : null,
    cex: cfg.cex ?? null,
  };
  const bundles = finiteOnly(kind.propose(view, cfg, searcherBidder(world, rt, s, decisions)));
  const latency = statics.latency;
  return latency !== null ? withDrawnLatency(bundles, latency, latency.jitter ? rt.distOf('latency/searcher/', s.id) : undefined) : bundles;
}

/** The bundles whose numbers are all finite (`isFinite`), the same array when all are. */
function finiteOnly(bundles: Bundle[]): Bundle[] {
  for (const b of bundles) if (!isFinite(b)) return bundles.filter(isFinite);
  return bundles;
}

/**
 * A bundle whose numbers are all finite (values, bids, legs). On pools pushed to extremes an
 * opportunity's value can overflow floating point; such a bundle could not be priced or executed,
 * so it is not sent.
 */
function isFinite(b: Bundle): boolean {
  if (!(Number.isFinite(b.valueY) && Number.isFinite(b.bidY) && Number.isFinite(b.bidGas))) return false;
  for (const l of b.legs) if (!(Number.isFinite(l.amountIn) && Number.isFinite(l.minAmountOut))) return false;
  return true;
}

/**
 * Phase 3 (decide): searchers read pools, the reference price and the public mempool, and submit
 * bundles, each by its kind (src/agents/searchers/registry.ts), bidding by its strategy (one
 * decision per opportunity; equilibrium bidders' bids are set once every searcher has proposed).
 * A searcher with `choices` first draws this slot's arm (bundling, payOn, exclusive builder); one
 * with `latencyJitter` or `colocationMs` gets a drawn latency in each bundle (latency.ts). A kind with split legs takes one
 * leg-group id per slot, numbered on from the world's.
 */
export function searchBundles(rt: ModelRuntime): (world: WorldState, ctx: SlotContext) => SearchOutcome {
  let statics: SearcherStatics[] = [];
  let staticsOf: WorldState['config'] | null = null; // the config the statics were resolved from
  return (world, ctx) => {
    if (staticsOf !== world.config) {
      statics = searcherStatics(world);
      staticsOf = world.config;
    }
    const bundles: Bundle[] = [];
    const decisions: SearcherDecision[] = [];
    const arms = world.searchers.map((s) => chooseArm(world, rt, s));
    let group = world.nextGroupId;
    for (const s of world.searchers) {
      const st = statics[s.index]!;
      for (const b of proposeFor(world, s, rt, ctx.startMs, st.legGroups ? group++ : -1, decisions, arms[s.index]!, st)) bundles.push(b);
    }
    return { bundles: equilibriumRebids(world, rt, bundles, decisions), decisions, arms, nextGroupId: group };
  };
}
