import { bindDistributions, type Distributions } from '../engine/distributions.js';
import { EventQueue, type Scheduled } from '../engine/eventQueue.js';
import { createStream } from '../engine/randomStreams.js';
import type { BuilderView } from '../agents/relay/types.js';
import {
  auctionStreamPath,
  drawCallTimeMs,
  ensureStepCapacity,
  setUpBuilder,
  type AuctionBuilder,
  type BiddingWarContext,
} from './context.js';
import type { AuctionRecord } from './types.js';

type AuctionEvent =
  | { readonly kind: 'public' }
  | { readonly kind: 'private' }
  | { readonly kind: 'call' }
  | { readonly kind: 'bid'; readonly builder: number; readonly bidEth: number | null; readonly valueEth: number };

const PUBLIC_ITEM: AuctionEvent = { kind: 'public' };
const PRIVATE_ITEM: AuctionEvent = { kind: 'private' };
const CALL: AuctionEvent = { kind: 'call' };

// At equal times: arrivals (order flow, bids reaching the relay) first, then the builders decide
// (an implicit tick, not queued, to keep the step loop allocation-free), then the proposer calls.
// So a zero-delay bid sent at the call time still counts.
const ARRIVAL_PRIORITY = 0;
const TICK_PRIORITY = 1;
const CALL_PRIORITY = 2;

/** Sees every builder decision (for tests and diagnostics; the view is reused, copy what you keep). */
export type DecisionObserver = (builder: number, view: Readonly<BuilderView>, bidEth: number | null) => void;

export interface RunAuctionOptions {
  readonly onDecision?: DecisionObserver;
  /** Each builder's shading factor for this auction, by config index (undefined: the margin rule). */
  readonly shades?: readonly (number | undefined)[];
}

/** The mutable state of one slot's auction. */
class Slot {
  readonly queue = new EventQueue<AuctionEvent>();
  publicEth = 0;
  privateEth = 0;
  publicArrivals = 0;
  privateArrivals = 0;
  bidsSent = 0;
  record: AuctionRecord | null = null;

  constructor(
    readonly ctx: BiddingWarContext,
    readonly auction: number,
    readonly builders: readonly AuctionBuilder[],
    readonly publicFlow: Distributions,
    readonly privateFlow: Distributions,
    readonly callTimeMs: number,
  ) {}

  /** Schedules the next item of a Poisson flow after `fromMs` (exponential gaps). */
  scheduleNext(item: AuctionEvent, dist: Distributions, ratePerSecond: number, fromMs: number): void {
    if (ratePerSecond > 0) this.queue.push(fromMs + dist.exponential(ratePerSecond / 1000), item, ARRIVAL_PRIORITY);
  }

  /** Handles every event before `(timeMs, priority)`; true once the proposer has called. */
  drainBefore(timeMs: number, priority: number): boolean {
    for (let head = this.queue.peek(); head; head = this.queue.peek()) {
      if (head.timeMs > timeMs || (head.timeMs === timeMs && head.priority >= priority)) return false;
      this.handle(this.queue.pop()!);
      if (this.record) return true;
    }
    return false;
  }

  handle({ timeMs, event }: Scheduled<AuctionEvent>): void {
    const flow = this.ctx.config.flow;
    switch (event.kind) {
      case 'public':
        this.publicEth += this.publicFlow.logNormal(flow.publicSizeLogMean, flow.publicSizeLogSd);
        this.publicArrivals++;
        this.scheduleNext(PUBLIC_ITEM, this.publicFlow, flow.publicRatePerSecond, timeMs);
        return;
      case 'private':
        this.receivePrivate(this.privateFlow.logNormal(flow.privateSizeLogMean, flow.privateSizeLogSd));
        this.scheduleNext(PRIVATE_ITEM, this.privateFlow, flow.privateRatePerSecond, timeMs);
        return;
      case 'bid':
        this.ctx.book.receive(event.builder, event.bidEth, event.valueEth, timeMs);
        return;
      case 'call':
        this.record = this.close();
        return;
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
      const bid = this.builders[i]!.decide(view);
      onDecision?.(i, view, bid);
      if (bid === view.lastBidEth) continue;
      if (bid !== null && !(bid >= 0 && bid < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`builder ${ctx.config.builders[i]!.id} bid ${bid} at ${timeMs} ms`);
      }
      ctx.lastBidEth[i] = bid ?? Number.NaN;
      this.bidsSent++;
      const arrivalMs = timeMs + ctx.submissionDelayMs[i]!;
      this.queue.push(arrivalMs, { kind: 'bid', builder: i, bidEth: bid, valueEth: view.valueEth }, ARRIVAL_PRIORITY);
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
 * Runs auction number `auction` (one slot) on `ctx`: order flow arrives as two Poisson processes
 * on an EventQueue, builders update their bids every `stepMs` from what they see, bids reach the
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
  const slot = new Slot(ctx, auction, builders, stream('flow/public'), stream('flow/private'), callTimeMs);
  ctx.book.reset();
  ctx.privateValueEth.fill(0);
  ctx.lastBidEth.fill(Number.NaN);
  slot.scheduleNext(PUBLIC_ITEM, slot.publicFlow, config.flow.publicRatePerSecond, 0);
  slot.scheduleNext(PRIVATE_ITEM, slot.privateFlow, config.flow.privateRatePerSecond, 0);
  slot.queue.push(callTimeMs, CALL, CALL_PRIORITY);
  for (let step = 0; ; step++) {
    const timeMs = step * config.stepMs;
    if (slot.drainBefore(timeMs, TICK_PRIORITY)) break;
    ensureStepCapacity(ctx, step);
    ctx.bestBidByStep[step] = ctx.book.bestBidEth;
    ctx.bestOwnerByStep[step] = ctx.book.bestBuilder;
    slot.decideAll(step, timeMs, options.onDecision);
  }
  return slot.record!;
}
