import { searcherKind } from '../../agents/searchers/registry.js';
import type { SearcherKind, SearcherRollupView, SearcherView } from '../../agents/searchers/searcherKind.js';
import type { SlotContext } from '../../engine/simulation.js';
import type { SearcherConfig } from '../../config/schema.js';
import type { Bundle, UserSwap } from '../../market/orders/types.js';
import { sameSequencer } from '../membership.js';
import { hasLatencyModel, withDrawnLatency, type LatencySettings } from '../latency.js';
import { visibleTargets } from '../orderingPolicy.js';
import type { ModelRuntime } from '../runtime.js';
import { chooseArm, choiceSource, equilibriumRebids, searcherBidSource, searcherBidder, withChoice } from '../bidding.js';
import type { Source } from '../../engine/randomStreams.js';
import type { SearchOutcome, SearcherDecision } from '../slot.js';
import type { SearcherState, WorldState } from '../types.js';
import { spendableOn } from '../capital.js';

/** No pending swap to target (the view of a kind that sees no mempool): one shared, never-filled array. */
const NO_TARGETS: readonly UserSwap[] = Object.freeze([]);

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Refills `view` with one rollup as searcher kind `kind` may see it this slot: pool, gas token and the swaps it may target. */
function fillRollupView(view: Writable<SearcherRollupView>, world: WorldState, kind: SearcherKind): void {
  const rollup = world.rollups[view.index]!;
  view.pool = rollup.pool;
  view.pending = kind.mempool === 'none' ? NO_TARGETS : visibleTargets(world, rollup, kind.mempool === 'around');
}

/** What never changes about a searcher through a run (its config's kind and latency), resolved once, and its view. */
interface SearcherStatics {
  readonly kind: SearcherKind;
  readonly legGroups: boolean;
  /** Its latency settings when it has a latency model (`hasLatencyModel`), else null: no draws. */
  readonly latency: LatencySettings | null;
  /** Its view, refilled every slot: a kind reads it while it proposes and keeps none of it. */
  readonly view: Writable<SearcherView> & { readonly rollups: Writable<SearcherRollupView>[] };
  /** The source it draws its bids from (`searcherBidSource`). */
  readonly bidSource: Source;
  /** The source its choices' bandit draws from (`choiceSource`), undefined without choices. */
  readonly choiceSource: Source | undefined;
  /** Its config with each arm of its choices applied (`withChoice`), made when the arm is first played: the config is fixed through a run. */
  readonly armConfigs: SearcherConfig[];
}

/** The statics of each configured searcher, in config order (a choice's arm changes none of them: `withChoice`). */
function searcherStatics(world: WorldState, rt: ModelRuntime): SearcherStatics[] {
  return world.config.searchers.map((cfg, i) => {
    const kind = searcherKind(cfg.kind);
    const latency = { baseMs: cfg.latencyMs, colocationMs: cfg.colocationMs, jitter: cfg.latencyJitter };
    const rollups = world.searchers[i]!.rollups.map((r) => {
      const rollup = world.rollups[r]!;
      return { index: rollup.index, id: rollup.id, pool: rollup.pool, gasToken: rollup.gasToken, pending: NO_TARGETS };
    });
    // Field by field in one literal, as the view was built each slot (the same shape; no spreads).
    const view = { searcher: i, rollups, refPriceYPerX: 0, minProfitY: 0, latencyMs: 0, arrivalMs: 0, atomicAllowed: false, group: -1, spendable: null as SearcherView['spendable'], cex: null as SearcherView['cex'] };
    return { kind, legGroups: kind.legGroups === true, latency: hasLatencyModel(latency) ? latency : null, view, bidSource: searcherBidSource(world, rt, world.searchers[i]!), choiceSource: cfg.choices === undefined ? undefined : choiceSource(rt, world.searchers[i]!.id), armConfigs: [] };
  });
}

/** One searcher's bundles for this slot, from a read-only view of the world; `group` ids its split legs. */
function proposeFor(world: WorldState, s: SearcherState, rt: ModelRuntime, slotStartMs: number, group: number, decisions: SearcherDecision[], arm: number, statics: SearcherStatics): Bundle[] {
  const cfg = arm < 0 ? world.config.searchers[s.index]! : (statics.armConfigs[arm] ??= withChoice(world, s.index, arm));
  const kind = statics.kind;
  const view = statics.view;
  for (const r of view.rollups) fillRollupView(r, world, kind);
  view.refPriceYPerX = world.refPriceYPerX;
  view.minProfitY = cfg.minProfitY;
  view.latencyMs = cfg.latencyMs;
  view.arrivalMs = slotStartMs + cfg.latencyMs;
  view.atomicAllowed = sameSequencer(world, s.rollups);
  view.group = group;
  view.spendable = cfg.capital?.negative === 'forbid' ? s.rollups.map((r) => spendableOn(s, r)) : null;
  view.cex = cfg.cex ?? null;
  const bundles = finiteOnly(kind.propose(view, cfg, searcherBidder(world, rt, s, decisions, statics.bidSource)));
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
      statics = searcherStatics(world, rt);
      staticsOf = world.config;
    }
    const bundles: Bundle[] = [];
    const decisions: SearcherDecision[] = [];
    // A loop, not `map` with a closure (every slot); the same arms in searcher order.
    const arms: number[] = [];
    for (const s of world.searchers) arms.push(chooseArm(world, rt, s, statics[s.index]!.choiceSource));
    let group = world.nextGroupId;
    for (const s of world.searchers) {
      const st = statics[s.index]!;
      for (const b of proposeFor(world, s, rt, ctx.startMs, st.legGroups ? group++ : -1, decisions, arms[s.index]!, st)) bundles.push(b);
    }
    return { bundles: equilibriumRebids(world, rt, bundles, decisions), decisions, arms, nextGroupId: group };
  };
}
