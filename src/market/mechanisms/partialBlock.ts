import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { positiveFraction, requireParam, zParam } from './paramChecks.js';
import { allocateFirstPrice, payFirstPrice } from './firstPrice.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/**
 * Parameters of the partial-block auction: `topOfBlockShare` ∈ (0, 1], the fraction of the
 * block's space (top of block) that is auctioned; default 0.25, a modelling choice.
 */
export const partialBlockParamsSchema = z.strictObject({
  topOfBlockShare: zParam(positiveFraction, 'topOfBlockShare')
    .default(0.25)
    .describe('Fraction of the block (top of block) that is auctioned, in (0, 1]; the rest follows the ordering policy.'),
});
/** Parameters of `partial-block`. */
export type PartialBlockParams = z.output<typeof partialBlockParamsSchema>;

/** Throws a RangeError naming `topOfBlockShare` unless it is in (0, 1]. */
export function validatePartialBlockParams(params: PartialBlockParams): PartialBlockParams {
  requireParam(positiveFraction, 'topOfBlockShare', params.topOfBlockShare);
  return params;
}

/**
 * Partial-block auction (the essay's "Partial-block auction": sell the top of block, keep the
 * rest; cf. Jito's block engine, Skip's MEV lane). Bids are for the top-of-block slice only; it is
 * sold first-price (ties uniform, one draw). `auctionedShare` reports the slice; the remaining
 * 1 − share of the block is not sold here and follows the rollup's ordering policy (fcfs,
 * encrypted, …), which the build phase applies.
 */
export function allocatePartialBlock(
  bids: readonly Bid[],
  params: PartialBlockParams,
  source: Source,
): Allocation {
  validatePartialBlockParams(params);
  return { ...allocateFirstPrice(bids, {}, source), auctionedShare: params.topOfBlockShare };
}

/** The top-of-block winner pays its bid to the proposer; the rest of the block pays nothing. */
export function payPartialBlock(
  bids: readonly Bid[],
  allocation: Allocation,
  params: PartialBlockParams,
): Payments {
  validatePartialBlockParams(params);
  return payFirstPrice(bids, allocation, {});
}

/** The `partial-block` mechanism. */
export const partialBlock = defineMechanism({
  name: 'partial-block',
  // Feedback: a sealed first-price sale of the auctioned share.
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: 'only the top-of-block share is sold, first-price; the rest of the block is not auctioned.',
  params: partialBlockParamsSchema,
  validateParams: validatePartialBlockParams,
  allocate: allocatePartialBlock,
  pay: payPartialBlock,
});
