import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { validateAllocationFor, validateBids } from './validateBids.js';
import { winnerTakeAllAllocation } from './selectWinner.js';
import type { Allocation, Bid, NoParams, Payments, Source } from './types.js';

/** The (winner-take-all) all-pay auction has no parameters. */
export const allPayParamsSchema = z.strictObject({});
/** Parameters of `all-pay` (none). */
export type AllPayParams = NoParams;

/**
 * All-pay auction allocation (Baye, Kovenock & de Vries 1996): the highest bid wins, ties broken
 * uniformly with one draw from `source` (so all-zero bids give a uniformly drawn winner).
 */
export function allocateAllPay(
  bids: readonly Bid[],
  _params: AllPayParams,
  source: Source,
): Allocation {
  validateBids(bids);
  return winnerTakeAllAllocation(bids, source, 0, 1);
}

/** Everyone pays their bid, win or lose: p_i = b_i; revenue Σ b_i goes to the proposer. */
export function payAllPay(
  bids: readonly Bid[],
  allocation: Allocation,
  _params: AllPayParams,
): Payments {
  validateBids(bids);
  validateAllocationFor(bids, allocation);
  const perBidder = bids.map((b) => b.amount);
  const total = perBidder.reduce((s, p) => s + p, 0);
  return { perBidder, toProposer: total, burned: 0, toCommittee: 0, rebateToUser: 0 };
}

/** The `all-pay` mechanism. */
export const allPay = defineMechanism({
  name: 'all-pay',
  // Feedback: sealed bids; winner-take-all, so the best rival bid decides any own bid's outcome.
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: true,
  summary: 'the highest bid wins (ties uniform); every bidder pays its bid, win or lose, to the proposer.',
  params: allPayParamsSchema,
  allocate: allocateAllPay,
  pay: payAllPay,
});
