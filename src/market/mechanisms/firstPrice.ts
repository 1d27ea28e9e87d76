import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { validateAllocationFor, validateBids } from './validateBids.js';
import { winnerPays, winnerTakeAllAllocation } from './selectWinner.js';
import type { Allocation, Bid, MechanismOutcome, NoParams, Payments, Source } from './types.js';

/** First-price sealed bid has no parameters. */
export const firstPriceParamsSchema = z.strictObject({});
/** Parameters of `first-price` (none). */
export type FirstPriceParams = NoParams;

/**
 * Winner-take-all first-price sealed-bid allocation (mev-boost's outcome; the essay's
 * "Winner-take-all": x_i = 1 for the highest bid). Ties among the top bids are broken uniformly
 * with one draw from `source` (see `winnerTakeAll`); zero bids are valid bids. No bids → not sold.
 */
export function allocateFirstPrice(
  bids: readonly Bid[],
  _params: FirstPriceParams,
  source: Source,
): Allocation {
  validateBids(bids);
  return winnerTakeAllAllocation(bids, source, 0, 1);
}

/** The winner pays its own bid, to the proposer: p_w = b_w, p_i = 0 otherwise. */
export function payFirstPrice(
  bids: readonly Bid[],
  allocation: Allocation,
  _params: FirstPriceParams,
): Payments {
  validateBids(bids);
  validateAllocationFor(bids, allocation);
  const w = allocation.winnerIndex;
  return winnerPays(bids.length, w, w === null ? 0 : bids[w]!.amount);
}

/**
 * `allocateFirstPrice` then `payFirstPrice` with the bids checked once: the allocation is the one
 * just made from these bids, so `pay`'s checks cannot fail (every auction of a slot runs this).
 */
export function runFirstPrice(bids: readonly Bid[], source: Source): MechanismOutcome {
  validateBids(bids);
  const allocation = winnerTakeAllAllocation(bids, source, 0, 1);
  const w = allocation.winnerIndex;
  return { allocation, payments: winnerPays(bids.length, w, w === null ? 0 : bids[w]!.amount) };
}

/** The `first-price` mechanism. */
export const firstPrice = defineMechanism({
  name: 'first-price',
  // Feedback: sealed bids; the winning price is public and the minimum winning bid can be revealed (as Google's first-price auctions do).
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: 'sealed bids; the highest bid wins (ties uniform) and pays its own bid to the proposer.',
  params: firstPriceParamsSchema,
  allocate: allocateFirstPrice,
  pay: payFirstPrice,
  run: (bids, _params, source) => runFirstPrice(bids, source),
});
