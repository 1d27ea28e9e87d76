import { bindDistributions, type Distributions } from '../engine/distributions.js';
import { createStream } from '../engine/randomStreams.js';
import type { BuilderView, StrategyDraws } from '../agents/relay/types.js';
import { adaptive } from '../agents/relay/strategies/adaptive.js';
import { bluff } from '../agents/relay/strategies/bluff.js';
import { lastMinute } from '../agents/relay/strategies/lastMinute.js';
import { naive } from '../agents/relay/strategies/naive.js';
import { stealth } from '../agents/relay/strategies/stealth.js';
import {
  auctionStreamPath,
  drawCallTimeMs,
  ensureStepCapacity,
  setUpBuilder,
  type AuctionBuilder,
  type BiddingWarContext,
  type BoundStrategy,
} from './context.js';
import type { AuctionRecord } from './types.js';

/** Sees every builder decision (for tests and diagnostics; the view is reused, copy what you keep). */
export type DecisionObserver = (builder: number, view: Readonly<BuilderView>, bidEth: number | null) => void;

export interface RunAuctionOptions {
  readonly onDecision?: DecisionObserver;
  /** Each builder's shading factor for this auction, by config index (undefined: the margin rule). */
  readonly shades?: readonly (number | undefined)[];
}

/**
 * The bid a builder's strategy wants standing after this step. One call site per strategy, so
 * each stays monomorphic and inlinable in the step loop (a strategy added to the registry must be
 * added here: the switch is exhaustive).
 */
function decideBid(strategy: BoundStrategy, view: Readonly<BuilderView>, draws: StrategyDraws): number | null {
  switch (strategy.name) {
    case 'naive':
      return naive(view, strategy.params, draws);
    case 'adaptive':
      return adaptive(view, strategy.params, draws);
    case 'last-minute':
      return lastMinute(view, strategy.params, draws);
    case 'stealth':
      return stealth(view, strategy.params, draws);
    case 'bluff':
      return bluff(view, strategy.params, draws);
  }
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
    readonly publicFlow: Distributions,
    readonly privateFlow: Distributions,
    readonly callTimeMs: number,
  ) {
    const flow = ctx.config.flow;
    this.nextPublicMs = nextArrivalMs(publicFlow, flow.publicRatePerSecond, 0);
    this.nextPrivateMs = nextArrivalMs(privateFlow, flow.privateRatePerSecond, 0);
  }

  /** Takes in every item and bid that has arrived by `timeMs` (arrival ≤ timeMs). */
  takeArrivals(timeMs: number): void {
    const flow = this.ctx.config.flow;
    while (this.nextPublicMs <= timeMs) {
      this.publicEth += this.publicFlow.logNormal(flow.publicSizeLogMean, flow.publicSizeLogSd);
      this.publicArrivals++;
      this.nextPublicMs = nextArrivalMs(this.publicFlow, flow.publicRatePerSecond, this.nextPublicMs);
    }
    while (this.nextPrivateMs <= timeMs) {
      this.receivePrivate(this.privateFlow.logNormal(flow.privateSizeLogMean, flow.privateSizeLogSd));
      this.nextPrivateMs = nextArrivalMs(this.privateFlow, flow.privateRatePerSecond, this.nextPrivateMs);
    }
    const { book, inFlight } = this.ctx;
    for (let i = 0; i < this.builders.length; i++) {
      if (!inFlight.takeArrived(i, timeMs)) continue;
      const bid = inFlight.arrivedBidEth;
      book.receive(i, Number.isNaN(bid) ? null : bid, inFlight.arrivedValueEth, inFlight.arrivedMs);
    }
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

  /** Every builder looks at its view and sends a bid update when its wanted bid changes. */
  decideAll(step: number, timeMs: number, onDecision?: DecisionObserver): void {
    const { ctx } = this;
    for (let i = 0; i < this.builders.length; i++) {
      const view = ctx.views[i]!;
      view.timeMs = timeMs;
      view.publicValueEth = this.publicEth;
      view.valueEth = this.publicEth + ctx.privateValueEth[i]!;
      const seen = step - ctx.lagSteps[i]!;
      const owner = seen < 0 ? -1 : ctx.bestOwnerByStep[seen]!;
      view.visibleBestBidEth = owner < 0 ? null : ctx.bestBidByStep[seen]!;
      view.visibleBestIsOwn = owner === i;
      const last = ctx.lastBidEth[i]!;
      view.lastBidEth = Number.isNaN(last) ? null : last;
      const builder = this.builders[i]!;
      const bid = decideBid(builder.strategy, view, builder.draws);
      if (onDecision) onDecision(i, view, bid);
      if (bid === view.lastBidEth) continue;
      if (bid !== null && !(bid >= 0 && bid < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`builder ${ctx.config.builders[i]!.id} bid ${bid} at ${timeMs} ms`);
      }
      ctx.lastBidEth[i] = bid ?? Number.NaN;
      this.bidsSent++;
      ctx.inFlight.push(i, timeMs + ctx.submissionDelayMs[i]!, bid ?? Number.NaN, view.valueEth);
    }
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
  const stream = (component: string) =>
    bindDistributions(createStream(config.seed, auctionStreamPath(auction, component)).next);
  const callTimeMs = drawCallTimeMs(config.proposerCall, stream('proposer'));
  const builders = config.builders.map((b, i) => setUpBuilder(b, config.seed, auction, options.shades?.[i]));
  ctx.book.reset();
  ctx.inFlight.reset();
  ctx.privateValueEth.fill(0);
  ctx.lastBidEth.fill(Number.NaN);
  const slot = new Slot(ctx, auction, builders, stream('flow/public'), stream('flow/private'), callTimeMs);
  // At equal times: arrivals first, then the builders decide, then the proposer calls; so the
  // builders decide at every step up to and including the call time, and a zero-delay bid sent at
  // the call time still counts.
  for (let step = 0; ; step++) {
    const timeMs = step * config.stepMs;
    if (timeMs > callTimeMs) break;
    slot.takeArrivals(timeMs);
    ensureStepCapacity(ctx, step);
    ctx.bestBidByStep[step] = ctx.book.bestBidEth;
    ctx.bestOwnerByStep[step] = ctx.book.bestBuilder;
    slot.decideAll(step, timeMs, options.onDecision);
  }
  slot.takeArrivals(callTimeMs);
  return slot.close();
}

/** When the next item of a Poisson flow arrives after `fromMs` (exponential gaps); Infinity at rate 0. */
function nextArrivalMs(dist: Distributions, ratePerSecond: number, fromMs: number): number {
  return ratePerSecond > 0 ? fromMs + dist.exponential(ratePerSecond / 1000) : Number.POSITIVE_INFINITY;
}
