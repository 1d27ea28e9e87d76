import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { validateAllocationFor, validateBids } from './validateBids.js';
import { highestOtherBid, winnerPays, winnerTakeAllAllocation } from './selectWinner.js';
import type { Allocation, Bid, NoParams, Payments, Source } from './types.js';

/** Second-price sealed bid has no parameters (no reserve price). */
export const secondPriceParamsSchema = z.strictObject({});
/** Parameters of `second-price` (none). */
export type SecondPriceParams = NoParams;

/**
 * Second-price (Vickrey 1961) allocation: identical to first-price — the highest bid wins, ties
 * broken uniformly with one draw from `source`.
 */
export function allocateSecondPrice(
  bids: readonly Bid[],
  _params: SecondPriceParams,
  source: Source,
): Allocation {
  validateBids(bids);
  return winnerTakeAllAllocation(bids, source, 0, 1);
}

/**
 * The winner pays the highest *other* bid, i.e. the second-highest bid (equal to the top bid
 * when the top is tied; 0 for a lone bidder, as there is no reserve). Paid to the proposer.
 */
export function paySecondPrice(
  bids: readonly Bid[],
  allocation: Allocation,
  _params: SecondPriceParams,
): Payments {
  validateBids(bids);
  validateAllocationFor(bids, allocation);
  const w = allocation.winnerIndex;
  return winnerPays(bids.length, w, w === null ? 0 : highestOtherBid(bids, w));
}

/** The `second-price` mechanism. */
export const secondPrice = defineMechanism({
  name: 'second-price',
  // Feedback: the price paid is the best rival bid, which is the minimum bid that would have won.
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: 'sealed bids (Vickrey); the highest bid wins (ties uniform) and pays the highest other bid.',
  params: secondPriceParamsSchema,
  allocate: allocateSecondPrice,
  pay: paySecondPrice,
});
