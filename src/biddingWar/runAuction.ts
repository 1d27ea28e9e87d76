import { createSources } from '../engine/randomStreams.js';
import { StreamDraws } from './streamDraws.js';
import type { BuilderView } from '../agents/relay/types.js';
import {
  auctionStreamPath,
  builderStreamPath,
  drawCallTimeMs,
  ensureStepCapacity,
  setUpBuilder,
  type AuctionBuilder,
  type BiddingWarContext,
} from './context.js';
import type { AuctionRecord } from './types.js';

/** Sees every builder decision (for tests and diagnostics; the view is reused, copy what you keep). */
export type DecisionObserver = (builder: number, view: Readonly<BuilderView>, bidEth: number | null) => void;

export interface RunAuctionOptions {
  readonly onDecision?: DecisionObserver;
  /** Each builder's shading factor for this auction, by config index (undefined: the margin rule). */
  readonly shades?: readonly (number | undefined)[];
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Shows builder `i`'s decision to an observer, as the view it decided on (NaN fields as null). */
function observe(onDecision: DecisionObserver, ctx: BiddingWarContext, i: number, timeMs: number, publicValueEth: number): void {
  const view = ctx.views[i]!;
  view.timeMs = timeMs;
  view.valueEth = ctx.decisionValueEth[i]!;
  view.publicValueEth = publicValueEth;
  view.visibleBestBidEth = orNull(ctx.visibleBestBidEth[i]!);
  view.visibleBestIsOwn = ctx.visibleBestIsOwn[i] === 1;
  view.lastBidEth = orNull(ctx.lastBidEth[i]!);
  onDecision(i, view, orNull(ctx.wantedBidEth[i]!));
}

/**
 * The mutable state of one slot's auction. Events in time order, without an event queue: each
 * Poisson flow keeps only the time of its next item, and each builder's bids travel in its own FIFO
 * (`BidsInFlight`; a builder's delay is fixed, so its bids arrive in the order it sent them). At a
 * step at time t, everything that has arrived by t (items, bids) is taken in first; which of them
 * came first does not matter, since flows only add up and the book keeps each builder's latest
 * bid, whose best is the same whatever order they came in.
 */
class Slot {
  publicEth = 0;
  privateEth = 0;
  publicArrivals = 0;
  privateArrivals = 0;
  bidsSent = 0;
  /** When the next public and private items arrive (Infinity: a flow with rate 0), ms. */
  nextPublicMs: number;
  nextPrivateMs: number;

  constructor(
    readonly ctx: BiddingWarContext,
    readonly auction: number,
    readonly builders: readonly AuctionBuilder[],
    readonly publicFlow: StreamDraws,
    readonly privateFlow: StreamDraws,
    readonly callTimeMs: number,
  ) {
    const flow = ctx.config.flow;
    this.nextPublicMs = nextArrivalMs(publicFlow, flow.publicRatePerSecond, 0);
    this.nextPrivateMs = nextArrivalMs(privateFlow, flow.privateRatePerSecond, 0);
  }

  /** Takes in every item and bid that has arrived by `timeMs` (arrival ≤ timeMs); true when an item did (builders' values changed). */
  takeArrivals(timeMs: number): boolean {
    const flow = this.ctx.config.flow;
    const items = this.publicArrivals + this.privateArrivals;
    while (this.nextPublicMs <= timeMs) {
      this.publicEth += this.publicFlow.logNormal(flow.publicSizeLogMean, flow.publicSizeLogSd);
      this.publicArrivals++;
      this.nextPublicMs = nextArrivalMs(this.publicFlow, flow.publicRatePerSecond, this.nextPublicMs);
    }
    while (this.nextPrivateMs <= timeMs) {
      this.receivePrivate(this.privateFlow.logNormal(flow.privateSizeLogMean, flow.privateSizeLogSd));
      this.nextPrivateMs = nextArrivalMs(this.privateFlow, flow.privateRatePerSecond, this.nextPrivateMs);
    }
    this.ctx.inFlight.deliver(timeMs, this.ctx.book);
    return this.publicArrivals + this.privateArrivals > items;
  }

  /** A private item reaches each builder with its own probability (one draw per builder per item). */
  receivePrivate(sizeEth: number): void {
    this.privateEth += sizeEth;
    this.privateArrivals++;
    for (let i = 0; i < this.builders.length; i++) {
      const b = this.builders[i]!;
      if (b.dist.bernoulli(b.privateFlowProbability)) this.ctx.privateValueEth[i]! += sizeEth;
    }
  }

  /** Every builder looks at what it sees and sends a bid update when its wanted bid changes; true when one did. */
  decideAll(step: number, timeMs: number, onDecision?: DecisionObserver): boolean {
    const sentBefore = this.bidsSent;
    const { ctx } = this;
    const { lastBidEth, decisionValueEth: valueEth, visibleBestBidEth: visibleEth, visibleBestIsOwn: isOwn, wantedBidEth } = ctx;
    const { privateValueEth, lagSteps, bestOwnerByStep, bestBidByStep, submissionDelayMs, inFlight } = ctx;
    const n = this.builders.length;
    const publicEth = this.publicEth;
    for (let i = 0; i < n; i++) {
      valueEth[i] = publicEth + privateValueEth[i]!;
      // It sees the book as it stood `lagSteps` steps ago.
      const seen = step - lagSteps[i]!;
      const owner = seen < 0 ? -1 : bestOwnerByStep[seen]!;
      visibleEth[i] = owner < 0 ? Number.NaN : bestBidByStep[seen]!;
      isOwn[i] = owner === i ? 1 : 0;
    }
    if (onDecision) {
      // The view each builder decides on, before its bid updates below.
      ctx.strategies.wantedBids(timeMs, publicEth, valueEth, visibleEth, isOwn, lastBidEth, wantedBidEth);
      for (let i = 0; i < n; i++) observe(onDecision, ctx, i, timeMs, publicEth);
    } else ctx.strategies.wantedBids(timeMs, publicEth, valueEth, visibleEth, isOwn, lastBidEth, wantedBidEth);
    for (let i = 0; i < n; i++) {
      const bid = wantedBidEth[i]!;
      const last = lastBidEth[i]!;
      if (bid === last || (Number.isNaN(bid) && Number.isNaN(last))) continue;
      if (!Number.isNaN(bid) && !(bid >= 0 && bid < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`builder ${ctx.config.builders[i]!.id} bid ${bid} at ${timeMs} ms`);
      }
      lastBidEth[i] = bid;
      this.bidsSent++;
      inFlight.push(i, timeMs + submissionDelayMs[i]!, bid, valueEth[i]!);
    }
    return this.bidsSent > sentBefore;
  }

  /** The proposer calls: the best standing bid wins and pays itself (first price). */
  close(): AuctionRecord {
    const { ctx } = this;
    const { book, config } = ctx;
    const w = book.bestBuilder;
    let runnerUp: number | null = null;
    for (let i = 0; i < book.builders; i++) {
      const bid = book.standingBidEth(i);
      if (i !== w && bid !== null && (runnerUp === null || bid > runnerUp)) runnerUp = bid;
    }
    const totalSignalEth = this.publicEth + this.privateEth;
    const winningBidEth = book.bestBidEth;
    const winnerValueEth = book.bestValueEth;
    return {
      auction: this.auction,
      seed: config.seed,
      winner: w < 0 ? null : config.builders[w]!.id,
      winnerStrategy: w < 0 ? null : config.builders[w]!.strategy,
      winningBidEth,
      runnerUpBidEth: runnerUp,
      winnerValueEth,
      winnerProfitEth: winnerValueEth - winningBidEth,
      decoyWin: w >= 0 && winningBidEth > winnerValueEth,
      winningBidArrivalMs: w < 0 ? null : book.bestArrivalMs,
      totalSignalEth,
      publicSignalEth: this.publicEth,
      efficiency: totalSignalEth > 0 ? winningBidEth / totalSignalEth : 0,
      callTimeMs: this.callTimeMs,
      publicArrivals: this.publicArrivals,
      privateArrivals: this.privateArrivals,
      bidsSent: this.bidsSent,
    };
  }
}

/**
 * Runs auction number `auction` (one slot) on `ctx`: order flow arrives as two Poisson processes,
 * builders update their bids every `stepMs` from what they see, bids reach the
 * relay after each builder's submission delay, and the proposer calls at a random time and takes
 * the best standing bid. Deterministic in (seed, auction, builder ids).
 */
export function runAuction(
  ctx: BiddingWarContext,
  auction: number,
  options: RunAuctionOptions = {},
): AuctionRecord {
  const { config } = ctx;
  // Every stream of the auction, seeded together (the same draws as one by one, faster).
  const paths = ['proposer', 'flow/public', 'flow/private'].map((c) => auctionStreamPath(auction, c));
  const [proposer, publicFlow, privateFlow, ...own] = createSources(config.seed, [...paths, ...config.builders.map((b) => builderStreamPath(auction, b.id))]);
  const callTimeMs = drawCallTimeMs(config.proposerCall, new StreamDraws(proposer!));
  const builders = config.builders.map((b, i) => setUpBuilder(b, own[i]!, options.shades?.[i]));
  ctx.book.reset();
  ctx.inFlight.reset();
  ctx.privateValueEth.fill(0);
  ctx.lastBidEth.fill(Number.NaN);
  builders.forEach((b, i) => ctx.strategies.set(i, b.strategy, b.draws, ctx.views[i]!));
  ctx.strategies.prepare();
  const slot = new Slot(ctx, auction, builders, new StreamDraws(publicFlow!), new StreamDraws(privateFlow!), callTimeMs);
  // A step is quiet when no builder's view can differ from the previous step's: no item arrived, no
  // reveal time passed, nobody sent a bid at the previous step, and the book's best did not change
  // at any step a builder now sees (its last `maxLag` + 1 steps). Every builder then wants the bid
  // it wanted before, which it already sent, so the quiet step's decisions are skipped (not with
  // an observer, which sees every decision). Today's strategies want the bid they just sent, so
  // the condition on sends is only a guard for a strategy that reads its last bid otherwise.
  const maxLag = ctx.lagSteps.reduce((m, l) => Math.max(m, l), 0);
  let lastChangeStep = 0;
  let lastActiveStep = 0;
  let lastSendStep = 0;
  // At equal times: arrivals first, then the builders decide, then the proposer calls; so the
  // builders decide at every step up to and including the call time, and a zero-delay bid sent at
  // the call time still counts.
  for (let step = 0; ; step++) {
    const timeMs = step * config.stepMs;
    if (timeMs > callTimeMs) break;
    const itemArrived = slot.takeArrivals(timeMs);
    if (step >= ctx.bestBidByStep.length) ensureStepCapacity(ctx, step);
    const bid = ctx.book.bestBidEth;
    const owner = ctx.book.bestBuilder;
    ctx.bestBidByStep[step] = bid;
    ctx.bestOwnerByStep[step] = owner;
    if (step > 0 && (bid !== ctx.bestBidByStep[step - 1] || owner !== ctx.bestOwnerByStep[step - 1])) lastChangeStep = step;
    if (ctx.strategies.passesReveal(timeMs) || itemArrived) lastActiveStep = step;
    const quiet = step > 0 && lastActiveStep < step && lastSendStep < step - 1 && lastChangeStep < step - maxLag;
    if (quiet && !options.onDecision) continue;
    if (slot.decideAll(step, timeMs, options.onDecision)) lastSendStep = step;
  }
  slot.takeArrivals(callTimeMs);
  return slot.close();
}

/** When the next item of a Poisson flow arrives after `fromMs` (exponential gaps); Infinity at rate 0. */
function nextArrivalMs(dist: StreamDraws, ratePerSecond: number, fromMs: number): number {
  return ratePerSecond > 0 ? fromMs + dist.exponential(ratePerSecond / 1000) : Number.POSITIVE_INFINITY;
}
