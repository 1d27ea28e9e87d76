import type { Source } from '../engine/randomStreams.js';
import { checkProbability, StreamDraws } from './streamDraws.js';
import { RelayBook } from '../agents/relay/relayBook.js';
import { BidsInFlight } from './bidsInFlight.js';
import { StrategyTable } from './strategyTable.js';
import type { StrategyName, StrategyParamsByName } from '../agents/relay/strategies/registry.js';
import type { BuilderView, StrategyDraws } from '../agents/relay/types.js';
import type { BiddingWarConfig, BuilderConfig, ProposerCallConfig } from '../config/biddingWarSchema.js';

// Compile-time check: the schema's strategies are exactly the registry's (bindStrategy below
// builds each strategy's parameters from its builder variant, field by field).
type SchemaStrategy = BuilderConfig['strategy'];
const _sameNames: [SchemaStrategy] extends [StrategyName]
  ? [StrategyName] extends [SchemaStrategy]
    ? true
    : never
  : never = true;

/**
 * Random stream path of one component in one auction. Every auction has its own streams, so an
 * auction replays alone (and runs on any worker), and the flow of auction k does not depend on when
 * the proposer called in earlier auctions. Builders' streams are keyed by id: adding a builder never
 * shifts another builder's draws (DESIGN.md §9).
 */
export function auctionStreamPath(auction: number, component: string): string {
  return `biddingWar/auction/${auction}/${component}`;
}

/**
 * A builder's strategy bound to its parameters for one auction, tagged by name so that the step
 * loop calls each strategy function from its own call site (`decideBid` in runAuction.ts), which V8
 * can inline, instead of through one closure per builder.
 */
export type BoundStrategy = {
  [K in StrategyName]: { readonly name: K; readonly params: StrategyParamsByName[K] };
}[StrategyName];

/** The stream of builder `id` in auction `auction`. */
export function builderStreamPath(auction: number, id: string): string {
  return auctionStreamPath(auction, `builder/${id}`);
}

/** A builder as set up for one auction: its drawn margin and flow access, and its bound strategy. */
export interface AuctionBuilder {
  readonly marginEth: number;
  readonly privateFlowProbability: number;
  readonly draws: StrategyDraws;
  /** Its own stream, positioned for the private-flow observations (one Bernoulli per item). */
  readonly dist: StreamDraws;
  readonly strategy: BoundStrategy;
}

/** The parameters `builder`'s strategy reads, with this auction's margin and shade (field by field: one shape per strategy). */
function bindStrategy(builder: BuilderConfig, marginEth: number, shade: number | undefined): BoundStrategy {
  switch (builder.strategy) {
    case 'naive':
      return { name: 'naive', params: { marginEth, shade } };
    case 'adaptive':
      return { name: 'adaptive', params: { marginEth, shade, deltaEth: builder.deltaEth, outbidSelf: builder.outbidSelf } };
    case 'last-minute':
    case 'stealth': {
      const { expectedCallMs, revealLeadMinMs, revealLeadMaxMs } = builder;
      const params = { marginEth, shade, expectedCallMs, revealLeadMinMs, revealLeadMaxMs };
      return builder.strategy === 'stealth' ? { name: 'stealth', params } : { name: 'last-minute', params };
    }
    case 'bluff': {
      const { expectedCallMs, revealLeadMinMs, revealLeadMaxMs, bluffMinEth, bluffMaxEth } = builder;
      return { name: 'bluff', params: { marginEth, shade, expectedCallMs, revealLeadMinMs, revealLeadMaxMs, bluffMinEth, bluffMaxEth } };
    }
  }
}

/**
 * Draws a builder's per-auction parameters from its own stream (`source`, the stream
 * `builderStreamPath`), always in the same order and
 * number — margin ~ N(marginEth, marginSdEth) clamped at 0, a uniform for the flow probability,
 * `revealU`, `bluffU` — so that the private-flow observations that follow depend only on
 * (seed, auction, id), whatever the parameter values. `shade`, a factor its learner chose for this
 * auction, caps its bids at shade × value instead of value − margin (the margin is drawn all the
 * same, so a shade changes no draw).
 */
export function setUpBuilder(builder: BuilderConfig, source: Source, shade?: number): AuctionBuilder {
  const dist = new StreamDraws(source);
  const marginEth = Math.max(0, dist.normal(builder.marginEth, builder.marginSdEth));
  const u = dist.uniform();
  const p = builder.privateFlowProbability;
  const privateFlowProbability = checkProbability(typeof p === 'number' ? p : p.min + u * (p.max - p.min));
  const draws: StrategyDraws = { revealU: dist.uniform(), bluffU: dist.uniform() };
  return { marginEth, privateFlowProbability, draws, dist, strategy: bindStrategy(builder, marginEth, shade) };
}

/** The proposer's call time for one auction, ms (a normal draw below 0 is clamped to 0). */
export function drawCallTimeMs(call: ProposerCallConfig, dist: StreamDraws): number {
  switch (call.kind) {
    case 'normal':
      return Math.max(0, dist.normal(call.meanMs, call.sdMs));
    case 'uniform':
      return dist.uniform(call.minMs, call.maxMs);
    case 'fixed':
      return call.atMs;
  }
}

/**
 * Working memory of a run, allocated once and reused by every auction (struct-of-arrays, one slot
 * per builder): the hot loop allocates nothing per step.
 */
export interface BiddingWarContext {
  readonly config: BiddingWarConfig;
  /** Own latency plus the relay delay, per builder, ms. */
  readonly submissionDelayMs: Float64Array;
  /** Steps by which a builder's view of the relay lags: it sees the book as of step `k - lag`. */
  readonly lagSteps: Int32Array;
  readonly book: RelayBook;
  /** Bids sent and not yet at the relay, a FIFO per builder. */
  readonly inFlight: BidsInFlight;
  /** Private flow each builder has seen in the current auction (left in place after it), ETH. */
  readonly privateValueEth: Float64Array;
  /** Each builder's last sent bid (NaN: none), ETH. */
  readonly lastBidEth: Float64Array;
  /** Each builder's strategy for the current auction, struct-of-arrays. */
  readonly strategies: StrategyTable;
  /** Each builder's value at its last decision in the current auction (left in place after it), ETH. */
  readonly decisionValueEth: Float64Array;
  /** What each builder saw at its last decision: the visible best bid (NaN: none), ETH, and whether it was its own (1). */
  readonly visibleBestBidEth: Float64Array;
  readonly visibleBestIsOwn: Uint8Array;
  /** The bid each builder wanted at its last decision (NaN: none), ETH. */
  readonly wantedBidEth: Float64Array;
  /**
   * One view per builder, filled only for a `DecisionObserver` (and holding each builder's
   * submission delay, which the reveal time reads); the step loop itself reads the arrays above.
   */
  readonly views: BuilderView[];
  /** The relay's best bid and its holder (-1: none) after each step's arrivals. */
  bestBidByStep: Float64Array;
  bestOwnerByStep: Int32Array;
}

export function createContext(config: BiddingWarConfig): BiddingWarContext {
  const n = config.builders.length;
  const submissionDelayMs = Float64Array.from(config.builders, (b) => b.latencyMs + config.relayDelayMs);
  // floor((k·step − latency) / step) = k − ceil(latency / step); the epsilon absorbs float noise.
  const lagSteps = Int32Array.from(config.builders, (b) => Math.ceil(b.latencyMs / config.stepMs - 1e-9));
  const views: BuilderView[] = config.builders.map((_, i) => ({
    timeMs: 0,
    valueEth: 0,
    publicValueEth: 0,
    visibleBestBidEth: null,
    visibleBestIsOwn: false,
    lastBidEth: null,
    submissionDelayMs: submissionDelayMs[i]!,
  }));
  const steps = Math.ceil(config.slotMs / config.stepMs) * 2 + 1;
  return {
    config,
    submissionDelayMs,
    lagSteps,
    book: new RelayBook(n),
    inFlight: new BidsInFlight(n),
    privateValueEth: new Float64Array(n),
    lastBidEth: new Float64Array(n),
    strategies: new StrategyTable(config),
    decisionValueEth: new Float64Array(n),
    visibleBestBidEth: new Float64Array(n),
    visibleBestIsOwn: new Uint8Array(n),
    wantedBidEth: new Float64Array(n),
    views,
    bestBidByStep: new Float64Array(steps),
    bestOwnerByStep: new Int32Array(steps),
  };
}

/** Grows the per-step history so that step index `step` fits. */
export function ensureStepCapacity(ctx: BiddingWarContext, step: number): void {
  if (step < ctx.bestBidByStep.length) return;
  const size = Math.max(step + 1, ctx.bestBidByStep.length * 2);
  const bids = new Float64Array(size);
  bids.set(ctx.bestBidByStep);
  const owners = new Int32Array(size);
  owners.set(ctx.bestOwnerByStep);
  ctx.bestBidByStep = bids;
  ctx.bestOwnerByStep = owners;
}
