import type { BidderRecord } from '../../agents/bidding/types.js';
import { windowShade } from '../../agents/bidding/bidderRecord.js';
import { defineReporter, ratioOrNull, type NamedReporter, type ReadonlyWorld, type ReporterAgent } from './reporter.js';

/*
 * The built-in named reporters: values a mechanism researcher asks of every run, each a small pure
 * function of the slot events and the world, listed by name in a config's `output.reporters` (or on
 * the CLI, `--reporters a,b`). Their values go into summary.json under `reporters` and become
 * columns `reporters.<name>` of the tidy `runs` table (model level) or `agents` table (agent level).
 * Adding one is one entry here; docs/reference/outputs.md lists them from this registry.
 */

/** Mean pool-price spread across rollups, in bps of the reference price. */
const priceGap = defineReporter<{ sumBps: number; slots: number }>({
  name: 'price-gap',
  level: 'model',
  unit: 'bps',
  meaning:
    'Mean over slots of the spread of the pools’ prices across rollups at the end of the slot, 10⁴ × (max − min pool_price) ÷ ref_price: how far apart the rollups’ prices of the same pair stay (0 with one rollup); null for a run of no slots.',
  init: () => ({ sumBps: 0, slots: 0 }),
  slot: (s, e) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of e.rollups) {
      lo = Math.min(lo, r.poolPriceYPerX);
      hi = Math.max(hi, r.poolPriceYPerX);
    }
    s.sumBps += e.rollups.length > 0 ? (1e4 * (hi - lo)) / e.refPriceYPerX : 0;
    s.slots++;
  },
  value: (s) => ratioOrNull(s.sumBps, s.slots),
});

/** Coefficient of variation of the proposers' revenue per slot. */
const revenueCv = defineReporter<{ slots: number; sum: number; sumSq: number }>({
  name: 'revenue-cv',
  level: 'model',
  unit: 'std ÷ mean',
  meaning:
    'Coefficient of variation over slots of the proposers’ revenue per slot (Σ over rollups of `proposer_revenue_y` in the slot): population standard deviation ÷ mean; how lumpy a mechanism’s revenue is (smoothing and burning designs lower it); null when the mean is 0.',
  init: () => ({ slots: 0, sum: 0, sumSq: 0 }),
  slot: (s, e) => {
    const y = e.rollups.reduce((a, r) => a + r.proposerRevenueY, 0);
    s.slots++;
    s.sum += y;
    s.sumSq += y * y;
  },
  value: (s) => {
    if (s.slots === 0 || s.sum === 0) return null;
    const mean = s.sum / s.slots;
    // Σy² / n − mean² can fall a rounding error below 0 when every slot pays the same.
    return Math.sqrt(Math.max(0, s.sumSq / s.slots - mean * mean)) / Math.abs(mean);
  },
});

/** Fraction of slots in which each searcher had a bundle executed. */
const searcherWinRate = defineReporter<{ slots: number; won: Record<string, number> }>({
  name: 'searcher-win-rate',
  level: 'agent',
  kinds: ['searcher'],
  unit: 'fraction of slots',
  meaning:
    'Slots in which at least one of the searcher’s bundles executed on some rollup (it is in the `winner` column of a row of the slot) ÷ slots run; null for a run of no slots.',
  init: () => ({ slots: 0, won: {} }),
  slot: (s, e) => {
    s.slots++;
    const winners = new Set(e.rollups.flatMap((r) => (r.winner === '' ? [] : r.winner.split(';'))));
    for (const id of winners) s.won[id] = (s.won[id] ?? 0) + 1;
  },
  value: (s, _world, agent) => ratioOrNull(s.won[agent.id] ?? 0, s.slots),
});

const builderOf = (world: ReadonlyWorld, id: string) => world.builders.find((b) => b.id === id);

/** Each builder's margin: the share of what it received that it kept. */
const builderMargin = defineReporter<null>({
  name: 'builder-margin',
  level: 'agent',
  kinds: ['builder'],
  unit: 'fraction',
  meaning:
    '(received_y − paid_y) ÷ received_y of the builder’s summary entry: the share of the searchers’ bids its winning blocks received that it kept after paying the mechanism (negative when it paid more than it received, e.g. losing all-pay bids); null when it received nothing.',
  value: (_s, world, agent) => {
    const b = builderOf(world, agent.id);
    return b ? ratioOrNull(b.receivedY - b.paidY, b.receivedY) : null;
  },
});

function biddingOf(world: ReadonlyWorld, agent: ReporterAgent): BidderRecord | undefined {
  if (agent.kind === 'builder') return builderOf(world, agent.id)?.bidding;
  if (agent.kind === 'searcher') return world.searchers.find((s) => s.id === agent.id)?.bidding;
  return undefined;
}

/** Each bidder's bid ÷ value in its last window of bidding. */
const bidShading = defineReporter<null>({
  name: 'bid-shading',
  level: 'agent',
  kinds: ['builder', 'searcher'],
  unit: 'fraction of value',
  meaning:
    'Σ bids ÷ Σ values of the bidder in the last window (of `bidders[].window_slots` slots) in which it bid for something of value (the last non-null entry of `bidders[].shade_by_window`): the shading it settled on, where `bidders[].mean_shade` also counts the early, exploring slots; null when it never bid for value.',
  value: (_s, world, agent) => {
    const w = biddingOf(world, agent)?.windows;
    if (!w) return null;
    for (let k = w.valueY.length - 1; k >= 0; k--) {
      const shade = windowShade(w, k);
      if (shade !== null) return shade;
    }
    return null;
  },
});

/** Every named reporter, in the order the docs list them. */
export const namedReporters: readonly NamedReporter[] = [priceGap, revenueCv, searcherWinRate, builderMargin, bidShading];

/** The registry's names, in order. */
export const reporterNames: readonly string[] = namedReporters.map((r) => r.name);

/** The reporter of a name, or undefined. */
export function getReporter(name: string): NamedReporter | undefined {
  return namedReporters.find((r) => r.name === name);
}
