import { decideBid, type BidChoice } from '../agents/bidding/decideBid.js';
import type { BidderRecord } from '../agents/bidding/types.js';
import { choiceArms, type ChoiceArm } from '../agents/bidding/choices.js';
import { chooseAction } from '../agents/learning/learner.js';
import type { SearcherConfig } from '../config/schema.js';
import { builderBidY } from '../agents/builders/buildBlock.js';
import type { Source } from '../engine/randomStreams.js';
import type { BidStrategy } from '../agents/searchers/bidStrategy.js';
import { yToGas } from '../agents/searchers/units.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';
import { conflicts } from '../market/orders/positions.js';
import type { Bid } from '../market/mechanisms/types.js';
import type { Bundle } from '../market/orders/types.js';
import { equilibriumBidFor } from '../market/theory/equilibriumBid.js';
import { placementOf } from './orderingPolicy.js';
import type { ModelRuntime } from './runtime.js';
import type { SearcherDecision } from './slot.js';
import type { SearcherState, WorldState } from './types.js';

const FIRST_PRICE: MechanismConfig = { name: 'first-price' };

/**
 * The rule that sells the block — among builders, or the proposer's direct sale of positions: the
 * configured mechanism, except `order-flow-auction`, which sells only the backruns of the swaps sent
 * through it (`orderFlow.ts`): the rest of the block is sold first-price.
 */
export function blockMechanism(world: WorldState): MechanismConfig {
  return world.config.mechanism.name === 'order-flow-auction' ? FIRST_PRICE : world.config.mechanism;
}

/**
 * How searchers' positions are sold: by the block's rule when the proposer sells them directly
 * (first- or second-price), else first-price (builders take the highest bids and are paid them).
 * On a `priority-fee` rollup (when `rollup` is given) the highest priority fee wins and is paid:
 * first-price.
 */
export function positionMechanism(world: WorldState, rollup?: number): MechanismConfig {
  if (rollup !== undefined && world.config.rollups[rollup]!.ordering === 'priority-fee') return FIRST_PRICE;
  return world.builders.length === 0 ? blockMechanism(world) : FIRST_PRICE;
}

/**
 * How a bundle's position is sold (see `placementOf`): first-price by priority fee; by the OFA's
 * pricing rule (first- or second-price) for a backrun of an OFA user; else as `positionMechanism`.
 */
export function bundleMechanism(world: WorldState, b: Bundle, ofaUsers?: ReadonlySet<number>): MechanismConfig {
  const placement = placementOf(world, b, ofaUsers);
  if (placement === 'priority-fee') return FIRST_PRICE;
  const m = world.config.mechanism;
  if (placement === 'ofa' && m.name === 'order-flow-auction') return { name: m.pricing };
  return positionMechanism(world);
}

/** A source for strategies that draw nothing (fixed-fraction): drawing from it is a bug. */
const noDraws: Source = () => {
  throw new Error('a fixed-fraction bidder drew a random number');
};

/** The stream a bidder draws its bids from (exploration, mixed equilibria): one per agent. */
export const bidderStream = (role: 'searcher' | 'builder', id: string) => `bidding/${role}/${id}`;
/** `bidderStream`'s prefixes, for `rt.distOf(prefix, id)` on per-slot paths. */
export const SEARCHER_STREAM = 'bidding/searcher/';
export const BUILDER_STREAM = 'bidding/builder/';

/** `sourceOf` for `builderChoices` reading a list of sources. */
export const sourceAt = (sources: readonly Source[]) => (i: number): Source => sources[i]!;

const sourcesByRuntime = new WeakMap<ModelRuntime, Map<string, { builders: WorldState['builders']; sources: Source[] }>>();

/**
 * Each builder's source on its stream `prefix + id` (`rt.distOf`), looked up once per run and
 * prefix instead of per builder and auction (two map lookups each, three auctions a slot when sold
 * ahead). Made on first use in builder order, the order the per-builder lookups made the streams.
 */
export function builderSources(rt: ModelRuntime, world: WorldState, prefix: string): readonly Source[] {
  let byPrefix = sourcesByRuntime.get(rt);
  if (byPrefix === undefined) sourcesByRuntime.set(rt, (byPrefix = new Map()));
  // Keyed by the world's builder list as well: a runtime handed another world gets its builders' streams.
  const made = byPrefix.get(prefix);
  if (made !== undefined && made.builders === world.builders) return made.sources;
  const sources: Source[] = [];
  for (const b of world.builders) sources.push(rt.distOf(prefix, b.id).source);
  byPrefix.set(prefix, { builders: world.builders, sources });
  return sources;
}

/** The source searcher `s` draws its bids from: its stream `bidding/searcher/<id>`; one that throws for a fixed-fraction bidder, which draws nothing. */
export function searcherBidSource(world: WorldState, rt: ModelRuntime, s: SearcherState): Source {
  return world.config.searchers[s.index]!.strategy.name === 'fixed-fraction' ? noDraws : rt.distOf(SEARCHER_STREAM, s.id).source;
}

/**
 * Searcher `s`'s bidding for this slot: each opportunity its kind finds is one decision, appended
 * to `decisions`. An equilibrium bidder bids its value here; `equilibriumRebids` sets its bid once
 * every searcher has shown what it competes for. `source` is `searcherBidSource`'s, which a caller
 * bidding every slot looks up once.
 */
export function searcherBidder(world: WorldState, rt: ModelRuntime, s: SearcherState, decisions: SearcherDecision[], source = searcherBidSource(world, rt, s)): BidStrategy {
  const cfg = world.config.searchers[s.index]!;
  return {
    bid(o) {
      const choice = cfg.strategy.name === 'equilibrium'
        ? { bidY: o.valueY, action: -1, context: 0, probability: undefined }
        : decideBid(cfg.strategy, s.bidding, { valueY: o.valueY, fixedBidY: o.valueY * cfg.bidFraction, mechanism: positionMechanism(world, o.rollup), values: () => [o.valueY], me: 0, source });
      const bidY = Math.max(0, Math.min(o.valueY, choice.bidY));
      decisions.push({ searcher: s.index, valueY: o.valueY, bidY, action: choice.action, context: choice.context, probability: choice.probability });
      return { bidY, decision: decisions.length - 1 };
    },
  };
}

/** The other searchers' decisions whose bundles want a position one of `own` wants. */
export function rivalDecisions(bundles: readonly Bundle[], own: readonly Bundle[], searcher: number): Set<number> {
  const rivals = new Set<number>();
  for (const b of bundles) {
    if (b.searcher === searcher || b.decision === undefined || b.decision < 0 || rivals.has(b.decision)) continue;
    if (own.some((o) => conflicts(o, b))) rivals.add(b.decision);
  }
  return rivals;
}

/**
 * Equilibrium searchers' bids, now that every searcher has proposed: for each such decision, the
 * position mechanism's complete-information equilibrium among it and the rival decisions that want
 * the same positions (their values as the searchers computed them; a rival's bid is its own
 * strategy's). Its bundles' bids are scaled to it (both legs of a split opportunity alike).
 */
export function equilibriumRebids(world: WorldState, rt: ModelRuntime, bundles: readonly Bundle[], decisions: SearcherDecision[]): readonly Bundle[] {
  if (!world.config.searchers.some((c) => c.strategy.name === 'equilibrium')) return bundles;
  const byDecision = bundlesByDecision(bundles);
  const scale = new Map<number, number>();
  decisions.forEach((d, i) => {
    if (world.config.searchers[d.searcher]!.strategy.name !== 'equilibrium' || !(d.valueY > 0)) return;
    const own = byDecision.get(i) ?? [];
    const values = [d.valueY, ...[...rivalDecisions(bundles, own, d.searcher)].map((j) => decisions[j]!.valueY)];
    const searcher = world.searchers[d.searcher]!;
    const mechanism = own[0] === undefined ? positionMechanism(world) : bundleMechanism(world, own[0]);
    const bidY = Math.max(0, Math.min(d.valueY, equilibriumBidFor(mechanism, values, 0, rt.distOf(SEARCHER_STREAM, searcher.id).source)));
    scale.set(i, d.bidY > 0 ? bidY / d.bidY : 0);
    decisions[i] = { ...d, bidY };
  });
  if (scale.size === 0) return [...bundles];
  return bundles.map((b) => {
    const k = b.decision === undefined ? undefined : scale.get(b.decision);
    if (k === undefined) return b;
    const bidY = b.bidY * k;
    const gasToken = world.rollups[b.bidRollup]!.gasToken;
    return { ...b, bidY, bidGas: yToGas(bidY, gasToken, world.refPriceYPerX) };
  });
}

/** The builders' bids for a block as the mechanism takes them (each with its id and bid time: drawn, or `bidTimeMs`). */
export function builderBids(world: WorldState, bidsY: ArrayLike<number>, bidTimesMs?: readonly number[]): Bid[] {
  // A loop, not `map` with a closure: every block auction and its replay build these.
  const bids: Bid[] = [];
  for (let i = 0; i < bidsY.length; i++) bids.push({ bidderId: world.builders[i]!.id, amount: bidsY[i]!, timeMs: bidTimesMs?.[i] ?? world.config.builders[i]!.bidTimeMs });
  return bids;
}

/** Each choice's bid, in order (`choices.map((c) => c.bidY)` without the closure). */
export function bidsOf(choices: readonly BidChoice[]): number[] {
  const bidsY: number[] = [];
  for (const c of choices) bidsY.push(c.bidY);
  return bidsY;
}

/** Bundles by the bid decision they carry (bundles without one left out). */
export function bundlesByDecision(bundles: readonly Bundle[]): Map<number, Bundle[]> {
  const by = new Map<number, Bundle[]>();
  for (const b of bundles) {
    if (b.decision === undefined || b.decision < 0) continue;
    const list = by.get(b.decision);
    if (list) list.push(b);
    else by.set(b.decision, [b]);
  }
  return by;
}

/** A `history` equilibrium builder's view of the values: its own, and its estimates of the rivals' (its own value before it has any). */
function estimatedValues(record: BidderRecord, own: number, me: number): number[] {
  return record.rivalValueY.map((v, j) => (j === me || record.auctions === 0 ? own : v));
}

/**
 * Every builder's value for a block worth `grossY[i]` to it (less its cost) and its bid by its
 * strategy, drawing from `sourceOf(i)` (its own stream in the real auction; the counterfactual's
 * stream in a revenue-sharing counterfactual, so those never move the real run's draws).
 */
export function builderChoices(world: WorldState, grossY: readonly number[], sourceOf: (i: number) => Source): { valuesY: number[]; choices: BidChoice[] } {
  // Loops, not `map` with closures: this runs for every block auction (three a slot when sold ahead).
  const configs = world.config.builders;
  const valuesY: number[] = [];
  for (let i = 0; i < grossY.length; i++) valuesY.push(Math.max(0, grossY[i]! - configs[i]!.costY));
  const mechanism = blockMechanism(world);
  let exact: (() => number[]) | null = null; // one closure for every builder that knows the values, made when first needed
  const choices: BidChoice[] = [];
  for (let i = 0; i < world.builders.length; i++) {
    const b = world.builders[i]!;
    const cfg = configs[i]!;
    const fixedBidY = builderBidY(grossY[i]!, cfg.margin, cfg.costY);
    // What `decideBid` answers a fixed-fraction bidder, without its context object (every block auction, every builder).
    if (cfg.strategy.name === 'fixed-fraction') {
      choices.push(fixedChoice(fixedBidY));
      continue;
    }
    const known = cfg.strategy.name === 'equilibrium' && cfg.strategy.rivals === 'history' ? () => estimatedValues(b.bidding, valuesY[i]!, i) : (exact ??= () => valuesY);
    choices.push(decideBid(cfg.strategy, b.bidding, { valueY: valuesY[i]!, fixedBidY, mechanism, values: known, me: i, source: sourceOf(i) }));
  }
  return { valuesY, choices };
}

/** `decideBid`'s choice for a `fixed-fraction` bidder: its fixed bid, no learner action (the same fields in the same order). */
function fixedChoice(bidY: number): BidChoice {
  return { bidY, action: -1, context: 0, probability: undefined };
}

/** The source searcher `id`'s bandit draws its arms from: its own stream `bidding/searcher/<id>/choices`. */
export function choiceSource(rt: ModelRuntime, id: string): Source {
  return rt.dist(`${bidderStream('searcher', id)}/choices`).source;
}

/**
 * Searcher `s`'s arm of its choices this slot, drawn by its bandit from its own stream; −1 without
 * choices. `source`, when given, is that stream's (`choiceSource`), looked up once by the caller.
 */
export function chooseArm(world: WorldState, rt: ModelRuntime, s: SearcherState, source?: Source): number {
  const choices = world.config.searchers[s.index]!.choices;
  if (choices === undefined) return -1;
  return chooseAction(choices.learner, s.bidding.choiceLearner!, source ?? choiceSource(rt, s.id));
}

const armsByRun = new WeakMap<WorldState, (readonly ChoiceArm[] | undefined)[]>();

/**
 * The arms of searcher `index`'s choices, listed once per run rather than every slot. Keyed by the
 * run's world, not by the config object, which a library user may edit between two runs.
 */
function armsOf(world: WorldState, index: number, choices: NonNullable<SearcherConfig['choices']>): readonly ChoiceArm[] {
  let bySearcher = armsByRun.get(world);
  if (bySearcher === undefined) armsByRun.set(world, (bySearcher = []));
  return (bySearcher[index] ??= choiceArms(choices));
}

/** Searcher `index`'s config with this slot's arm of its choices applied (unchanged for −1). */
export function withChoice(world: WorldState, index: number, arm: number): SearcherConfig {
  const cfg = world.config.searchers[index]!;
  if (arm < 0 || cfg.choices === undefined) return cfg;
  const chosen = armsOf(world, index, cfg.choices)[arm]!;
  // Object.assign, not spreads (the same keys in the same order): spreading several objects into one literal is a V8 slow path (bench/README.md), and this runs per searcher and slot.
  return Object.assign(
    {},
    cfg,
    chosen.bundling === undefined ? null : { bundling: chosen.bundling },
    chosen.payOn === undefined ? null : { payOn: chosen.payOn },
    chosen.exclusiveBuilder === undefined ? null : { exclusiveBuilder: chosen.exclusiveBuilder ?? undefined },
  );
}
