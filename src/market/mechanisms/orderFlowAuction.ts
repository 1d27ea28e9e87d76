import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { fraction, requireOneOf, requireParam, zParam } from './paramChecks.js';
import { highestOtherBid, winnerPays, winnerTakeAllAllocation } from './selectWinner.js';
import { validateAllocationFor, validateBids } from './validateBids.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/** Pricing rules of the order-flow auction. */
export const ofaPricingRules = ['first-price', 'second-price'] as const;
/** One of `ofaPricingRules`. */
export type OfaPricing = (typeof ofaPricingRules)[number];

/**
 * Parameters of the order-flow auction: `pricing` (default `second-price`),
 * `rebateFraction` ∈ [0, 1], the share of the clearing price rebated to the user (default 0.5, a
 * modelling default; e.g. Helius's backrun rebates pay users 50% of the MEV their transaction
 * creates, helius.dev/docs/sending-transactions/backrun-rebates; other OFAs use other shares), and
 * `userShare` ∈ [0, 1], the probability that a user swap is sent through the OFA's channel in the
 * market (default 1: every public swap).
 */
export const orderFlowAuctionParamsSchema = z.strictObject({
  pricing: z
    .enum(ofaPricingRules)
    .default('second-price')
    .describe('Clearing price: the winning bid (first-price) or the highest other bid (second-price).'),
  rebateFraction: zParam(fraction, 'rebateFraction')
    .default(0.5)
    .describe('Share of the clearing price rebated to the user whose order flow is sold, in [0, 1].'),
  userShare: zParam(fraction, 'userShare')
    .default(1)
    .describe('In the market: probability that a public user swap is sent through the OFA channel (drawn per swap from the stream `ofa/<rollup id>`) instead of the public mempool, in [0, 1].'),
});
/** Parameters of `order-flow-auction`. */
export type OrderFlowAuctionParams = z.output<typeof orderFlowAuctionParamsSchema>;

/** Throws a RangeError naming `rebateFraction` or `userShare` (outside [0, 1]) or `pricing`. */
export function validateOrderFlowAuctionParams(
  params: OrderFlowAuctionParams,
): OrderFlowAuctionParams {
  requireOneOf('pricing', params.pricing, ofaPricingRules);
  requireParam(fraction, 'rebateFraction', params.rebateFraction);
  requireParam(fraction, 'userShare', params.userShare);
  return params;
}

/**
 * Searchers bid for the right to backrun one user's transaction; the highest bid wins (ties
 * uniform, one draw).
 */
export function allocateOrderFlowAuction(
  bids: readonly Bid[],
  params: OrderFlowAuctionParams,
  source: Source,
): Allocation {
  validateBids(bids);
  validateOrderFlowAuctionParams(params);
  return winnerTakeAllAllocation(bids, source, 0, 1);
}

/** The clearing price: the winner's bid (first-price) or the highest other bid (second-price). */
export function ofaClearingPrice(
  bids: readonly Bid[],
  winnerIndex: number | null,
  pricing: OfaPricing,
): number {
  if (winnerIndex === null) return 0;
  return pricing === 'first-price' ? bids[winnerIndex]!.amount : highestOtherBid(bids, winnerIndex);
}

/**
 * The winner pays the clearing price c; the user receives rebate = rebateFraction · c and the
 * auctioneer (proposer/sequencer) keeps (1 − rebateFraction) · c.
 */
export function payOrderFlowAuction(
  bids: readonly Bid[],
  allocation: Allocation,
  params: OrderFlowAuctionParams,
): Payments {
  validateBids(bids);
  validateOrderFlowAuctionParams(params);
  validateAllocationFor(bids, allocation);
  const w = allocation.winnerIndex;
  const price = ofaClearingPrice(bids, w, params.pricing);
  const rebateToUser = params.rebateFraction * price;
  return winnerPays(bids.length, w, price, { toProposer: price - rebateToUser, rebateToUser });
}

/**
 * The `order-flow-auction` mechanism. As a pure pair (`seqsim validate`) it sells one user's
 * backrun. In the market model (`src/marketModel/orderFlow.ts`) each public user swap goes through
 * the OFA's channel with probability `userShare`: such a swap is visible to backrunners only (no
 * sandwiches), and the right to backrun it is sold per user by this rule — the winner pays the
 * clearing price, `rebateFraction` of it to that user (users' account on its rollup, counted in
 * users' surplus) and the rest to the proposer (the auctioneer). The rest of the block (top of
 * block, the public users' positions) is sold first-price: by the proposer to searchers without
 * builders, or by builders bidding first-price for the block, whose blocks all carry the OFA-sold
 * backruns right behind their targets (like fcfs bundles: not for builders to sell) — the OFA is
 * paid at settlement, not through the builder.
 */
export const orderFlowAuction = defineMechanism({
  name: 'order-flow-auction',
  // Feedback: the auctioneer announces the winner and its bid, not the others.
  reveals: 'winning-bid',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: "OFA users' backruns sold per user (top bid wins, part rebated to the user); the rest first-price; builders carry them",
  params: orderFlowAuctionParamsSchema,
  validateParams: validateOrderFlowAuctionParams,
  allocate: allocateOrderFlowAuction,
  pay: payOrderFlowAuction,
});
