import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { validateBids } from './validateBids.js';
import { drawByWeight } from './selectWinner.js';
import { positiveFinite, requireParam, zParam } from './paramChecks.js';
import type { Allocation, Bid, Payments, Source } from './types.js';
import { payAllPay } from './allPay.js';

/** Parameters of the Tullock contest: the exponent (decisiveness) `alpha` > 0, default 1. */
export const tullockParamsSchema = z.strictObject({
  alpha: zParam(positiveFinite, 'alpha')
    .default(1)
    .describe(
      'Decisiveness exponent α of the contest x_i = b_i^α / Σ b_j^α (dimensionless, finite, > 0): ' +
        '1 is a proportional lottery, larger values approach highest-bid-wins.',
    ),
});
/** Parameters of `tullock`. `alpha = 1` is the essay's `Proportional-all-pay`. */
export type TullockParams = z.output<typeof tullockParamsSchema>;

/** Throws a RangeError naming `alpha` unless it is finite and > 0. */
export function validateTullockParams(params: TullockParams): TullockParams {
  requireParam(positiveFinite, 'alpha', params.alpha);
  return params;
}

/**
 * Tullock (1980) contest success function x_i = b_i^α / Σ_j b_j^α (DESIGN.md §5; the essay's
 * Aside #2). Computed as (b_i/max b)^α to avoid overflow for large α. When every bid is 0 the
 * ratio is undefined; we return all zeros — the slot is not sold — rather than Skaperdas's
 * (1996) 1/n convention, so that zero spend buys nothing.
 */
export function tullockWinProbabilities(amounts: readonly number[], alpha: number): number[] {
  const max = amounts.reduce((m, a) => Math.max(m, a), 0);
  if (!(max > 0)) return amounts.map(() => 0);
  const weights = amounts.map((a) => (a / max) ** alpha);
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/**
 * Proportional all-pay allocation: the winner is drawn with probability b_i^α / Σ b_j^α using
 * exactly one draw from `source` (inverse CDF over bids in index order). All-zero bids → no winner.
 */
export function allocateTullock(
  bids: readonly Bid[],
  params: TullockParams,
  source: Source,
): Allocation {
  validateBids(bids);
  validateTullockParams(params);
  const u = source();
  const winProbabilities = tullockWinProbabilities(
    bids.map((b) => b.amount),
    params.alpha,
  );
  const winnerIndex = drawByWeight(winProbabilities, u);
  return { winProbabilities, winnerIndex, floor: 0, auctionedShare: 1 };
}

/** All pay their bids, win or lose (p_i = b_i); revenue Σ b_i goes to the proposer. */
export function payTullock(
  bids: readonly Bid[],
  allocation: Allocation,
  params: TullockParams,
): Payments {
  validateTullockParams(params);
  return payAllPay(bids, allocation, {});
}

/** The `tullock` mechanism. */
export const tullock = defineMechanism({
  name: 'tullock',
  // Feedback: the lottery's weights are published so that the draw can be checked; a win probability needs every bid.
  reveals: 'all-bids',
  counterfactualFrom: 'all-bids',
  losersPay: true,
  summary: 'a contest: bidder i wins with probability b_i^α / Σ b_j^α; everyone pays its bid.',
  params: tullockParamsSchema,
  validateParams: validateTullockParams,
  allocate: allocateTullock,
  pay: payTullock,
});
