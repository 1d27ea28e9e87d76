import { z } from 'zod';
import { defineMechanism } from '../../../../src/market/mechanisms/defineMechanism.js';
import { drawByWeight, winnerPays } from '../../../../src/market/mechanisms/selectWinner.js';
import { validateAllocationFor, validateBids } from '../../../../src/market/mechanisms/validateBids.js';

/** Parameters of `random-winner`: a reserve price. */
export const randomWinnerParamsSchema = z.strictObject({
  reserve: z
    .number()
    .min(0)
    .default(0)
    .describe('Minimum bid that enters the draw, in Y (the bid numéraire); finite, >= 0.'),
});

/** A lottery: each bid at or above the reserve wins with equal probability, paying the reserve. */
export const randomWinner = defineMechanism({
  name: 'random-winner',
  summary: 'a uniform lottery among the bids at or above the reserve; the winner pays the reserve.',
  params: randomWinnerParamsSchema,
  // Who is eligible depends only on one's own bid; the bids are announced with the draw.
  reveals: 'all-bids',
  counterfactualFrom: 'all-bids',
  losersPay: false,
  allocate(bids, params, source) {
    validateBids(bids);
    const u = source(); // exactly one draw, whatever the bids
    const weights = bids.map((b) => (b.amount >= params.reserve ? 1 : 0));
    const entrants = weights.filter((w) => w > 0).length;
    const winProbabilities = weights.map((w) => (entrants > 0 ? w / entrants : 0));
    return { winProbabilities, winnerIndex: drawByWeight(weights, u), floor: 0, auctionedShare: 1 };
  },
  pay(bids, allocation, params) {
    validateBids(bids);
    validateAllocationFor(bids, allocation);
    const w = allocation.winnerIndex;
    return winnerPays(bids.length, w, w === null ? 0 : params.reserve);
  },
});
