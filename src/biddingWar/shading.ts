import { createBidderRecord, recordAuction, summariseBidder } from '../agents/bidding/bidderRecord.js';
import { chooseLearnerAction } from '../agents/bidding/decideBid.js';
import { learnFromAuction } from '../agents/bidding/learnFromAuction.js';
import { isLearning, type BidderRecord, type StrategySpec } from '../agents/bidding/types.js';
import { createStream } from '../engine/randomStreams.js';
import type { BiddingWarConfig, ShadingConfig } from '../config/biddingWarSchema.js';
import { auctionStreamPath, type BiddingWarContext } from './context.js';
import type { ShadingSummary } from './types.js';

/*
 * Learned bid shading in the bidding war, with the market's strategy interface (src/agents/bidding):
 * a builder with `shading` keeps a BidderRecord across auctions (its learner's state and its
 * statistics). Before an auction its learner picks a shading factor s of its grid (decide); its
 * strategy then bids at most s × value (capEth.ts); after the call it records the auction and
 * learns from its payoff ÷ value (apply).
 *
 * Counterfactuals (Hedge's feedback, and everyone's regret): grid action s′ would have had the
 * builder bid s′ × v at the call, v being the value behind its standing bid (else its value at its
 * last decision); that bid wins when it is positive and beats the best rival bid standing at the
 * call, and then pays itself. Mev-boost relays publish the bids they receive (the data API's
 * `builder_blocks_received`), so the best rival bid is public: the winning bid for a loser, the
 * runner-up for the winner. A tie goes by the book's rule, the counterfactual bid arriving when its
 * standing bid did (so a naive builder's played action earns exactly its realised payoff).
 * Approximations: the rivals' bids are held fixed (they would have reacted to another bid in an
 * open auction); and the builder's own rule is taken to bid its cap at the call, which holds for
 * naive (and for the timing strategies after their reveal) but overstates what adaptive pays when
 * it wins below its cap (best + δ), and ignores that last-minute may not have revealed by the call.
 */

/** Auctions per window of `shadeByWindow` in the summary. */
export const SHADE_WINDOW_AUCTIONS = 100;

/** The market's spec for a shading config: a learner as is; `fixed` as today's rule, which records but never learns. */
function specOf(shading: ShadingConfig): StrategySpec {
  return shading.name === 'fixed' ? { name: 'fixed-fraction' } : shading;
}

/** One record per builder with `shading` (by config index), null for the others. */
export function createShadingRecords(config: BiddingWarConfig): (BidderRecord | null)[] {
  return config.builders.map((b) => (b.shading ? createBidderRecord(specOf(b.shading)) : null));
}

/** Each builder's grid action (−1: none) and the shading factor it caps its bids with (undefined: the margin rule). */
export interface ShadeChoice {
  readonly actions: readonly number[];
  readonly shades: readonly (number | undefined)[];
}

/**
 * The decide step: every learning builder's shading factor for `auction`, from its record (not
 * changed) and its own stream `biddingWar/auction/<k>/learner/<id>`, so builders without a learner
 * keep their draws and an auction's draws depend on (seed, auction, id) and the learners' states
 * only. Null when no builder learns (today's path).
 */
export function chooseShades(config: BiddingWarConfig, records: readonly (BidderRecord | null)[], auction: number): ShadeChoice | null {
  if (!config.builders.some((b) => b.shading && b.shading.name !== 'fixed')) return null;
  const actions = config.builders.map((b, i) => {
    const spec = b.shading ? specOf(b.shading) : null;
    if (spec === null || !isLearning(spec)) return -1;
    const source = createStream(config.seed, auctionStreamPath(auction, `learner/${b.id}`)).next;
    return chooseLearnerAction(spec, records[i]!, source);
  });
  const shades = actions.map((a, i) => {
    const shading = config.builders[i]!.shading;
    return a < 0 || !shading || shading.name === 'fixed' ? undefined : shading.grid[a]!;
  });
  return { actions, shades };
}

/** The best bid of a builder's rivals standing at the call, with what breaks a tie with it. */
export interface RivalBid {
  readonly bidEth: number;
  readonly arrivalMs: number;
  readonly builder: number;
}

/** What one builder takes from an auction's close. */
export interface ShadingOutcome {
  readonly builder: number;
  /** The value behind its standing bid at the call, else its value at its last decision, ETH. */
  readonly valueEth: number;
  /** Its bid standing at the call (0: none), ETH. */
  readonly bidEth: number;
  /** When that bid reached the relay (NaN: none), ms. */
  readonly arrivalMs: number;
  readonly won: boolean;
  /** The best of the others' bids standing at the call, by the book's order (null: none). */
  readonly bestRival: RivalBid | null;
  /** The winning bid (null: no winner), ETH. */
  readonly winningBidEth: number | null;
}

/** Every builder's outcome, read from the book and the context as the proposer's call left them (call right after `runAuction`). */
export function shadingOutcomes(ctx: BiddingWarContext): ShadingOutcome[] {
  const { book } = ctx;
  const best = book.bestBuilder;
  const second = best < 0 ? -1 : book.bestExcept(best);
  const rivalOf = (j: number): RivalBid | null =>
    j < 0 ? null : { bidEth: book.standingBidEth(j)!, arrivalMs: book.standingArrivalMs(j), builder: j };
  return Array.from(ctx.decisionValueEth, (decisionValueEth, i) => {
    const bid = book.standingBidEth(i);
    return {
      builder: i,
      valueEth: bid === null ? decisionValueEth : book.standingValueEth(i),
      bidEth: bid ?? 0,
      arrivalMs: bid === null ? Number.NaN : book.standingArrivalMs(i),
      won: i === best,
      bestRival: rivalOf(i === best ? second : best),
      winningBidEth: best < 0 ? null : book.bestBidEth,
    };
  });
}

/**
 * Whether a bid of `bidEth` by the builder of `o`, arriving when its standing bid did, would beat
 * its best rival by the book's order (higher amount; on a tie the earlier arrival, then the lower
 * index). A builder without a standing bid loses ties.
 */
export function beatsBestRival(o: ShadingOutcome, bidEth: number): boolean {
  const r = o.bestRival;
  if (!(bidEth > 0)) return false;
  if (r === null || bidEth > r.bidEth) return true;
  return bidEth === r.bidEth && (o.arrivalMs < r.arrivalMs || (o.arrivalMs === r.arrivalMs && o.builder < r.builder));
}

/**
 * What each shading factor s of `grid` would have earned the builder of `o` (see the approximations
 * above): v − s·v when s·v beats its best rival, else 0, with v = `o.valueEth`. ETH.
 */
export function counterfactualPayoffs(grid: readonly number[], o: ShadingOutcome): number[] {
  return grid.map((_, a) => {
    // As capEth.ts caps the real bid: s × value, a factor above 1 bidding above the value.
    const bid = grid[a]! * o.valueEth;
    return beatsBestRival(o, bid) ? o.valueEth - bid : 0;
  });
}

/** The worst payoff ÷ value a shading grid can earn (a factor above 1 bids above the value): see `normalisedReward`. */
function rewardFloor(grid: readonly number[]): number {
  return Math.min(0, 1 - Math.max(1, ...grid));
}

/**
 * The apply step after auction `auction`: every builder with `shading` and a positive value records
 * the auction (bid, payoff, each grid action's counterfactual payoff) and its learner learns from
 * payoff ÷ value: the bandits from their own payoff, Hedge from every action's, Q-learning with
 * the winning bid's shade of its value as its next state. Mutates `records`.
 */
export function learnShading(
  config: BiddingWarConfig,
  records: readonly (BidderRecord | null)[],
  outcomes: readonly ShadingOutcome[],
  choice: ShadeChoice | null,
  auction: number,
): void {
  config.builders.forEach((b, i) => {
    const record = records[i];
    if (!record || !b.shading) return;
    const o = outcomes[i]!;
    if (!(o.valueEth > 0)) return;
    const counterfactualY = counterfactualPayoffs(record.regretGrid, o);
    const payoffY = o.won ? o.valueEth - o.bidEth : 0;
    recordAuction(record, SHADE_WINDOW_AUCTIONS, { slot: auction, valueY: o.valueEth, bidY: o.bidEth, won: o.won, payoffY, counterfactualY });
    learnFromAuction(specOf(b.shading), record, {
      action: choice?.actions[i] ?? -1,
      // One auction at a time: the state it chose in is the one it learns in.
      context: record.context,
      probability: undefined,
      valueY: o.valueEth,
      payoffY,
      counterfactualY,
      winningBidY: o.winningBidEth,
      rewardFloor: rewardFloor(record.regretGrid),
    });
  });
}

/** A builder's shading fields of summary.json. */
export function summariseShading(shading: ShadingConfig, record: BidderRecord): ShadingSummary {
  const s = summariseBidder(record, SHADE_WINDOW_AUCTIONS);
  const learner = record.learner;
  let played = 0;
  let factors = 0;
  if (learner && shading.name !== 'fixed') {
    learner.counts.forEach((n, a) => {
      played += n;
      factors += n * shading.grid[a]!;
    });
  }
  return {
    shadingStrategy: shading.name,
    auctionsWithValue: s.auctions,
    meanShadingFactor: played > 0 ? factors / played : null,
    meanShade: s.meanShade,
    payoffEth: s.payoffY,
    regretEth: s.regretY ?? 0, // always measured in the bidding war
    regretPerAuctionEth: s.regretPerAuctionY,
    bestFixedShade: s.bestFixedAction,
    convergedAtAuction: s.convergedAtSlot,
    shadeByWindow: s.shadeByWindow,
  };
}
