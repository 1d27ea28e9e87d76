import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { nonNegativeFinite, requireParam, zParam } from './paramChecks.js';
import { allocateFirstPrice, payFirstPrice } from './firstPrice.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/**
 * Parameters of the block auction: `bidDeadlineMs`, the time within the slot (ms after the slot
 * starts, ≥ 0; default 0, i.e. bids close as the slot begins, as when a proposer calls mev-boost
 * at its slot) at which sealed bids close. The simulation uses it to decide which information
 * builders have when they commit to contents.
 */
export const blockAuctionParamsSchema = z.strictObject({
  bidDeadlineMs: zParam(nonNegativeFinite, 'bidDeadlineMs')
    .default(0)
    .describe('When sealed bids close, in ms after the slot starts; finite, >= 0 (0 = as the slot begins).'),
});
/** Parameters of `block-auction`. */
export type BlockAuctionParams = z.output<typeof blockAuctionParamsSchema>;

/** Throws a RangeError naming `bidDeadlineMs` unless it is finite and ≥ 0. */
export function validateBlockAuctionParams(params: BlockAuctionParams): BlockAuctionParams {
  requireParam(nonNegativeFinite, 'bidDeadlineMs', params.bidDeadlineMs);
  return params;
}

/**
 * Block auction (the essay's "Block-auction PBS"; mev-boost and ePBS): sold in the slot, and each
 * bid commits to a specific block, so a builder bids on the *realised* value of the block it has
 * built by `bidDeadlineMs`, not on an expectation (contrast `slot-auction`). Allocation and payment
 * are first-price (ties uniform, one draw).
 */
export function allocateBlockAuction(
  bids: readonly Bid[],
  params: BlockAuctionParams,
  source: Source,
): Allocation {
  validateBlockAuctionParams(params);
  return allocateFirstPrice(bids, {}, source);
}

/** The winner pays its bid to the proposer. */
export function payBlockAuction(
  bids: readonly Bid[],
  allocation: Allocation,
  params: BlockAuctionParams,
): Payments {
  validateBlockAuctionParams(params);
  return payFirstPrice(bids, allocation, {});
}

/** The `block-auction` mechanism. */
export const blockAuction = defineMechanism({
  name: 'block-auction',
  // Feedback: a sealed first-price sale.
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: 'each bid commits to a built block; sold first-price in the slot (mev-boost, ePBS).',
  params: blockAuctionParamsSchema,
  validateParams: validateBlockAuctionParams,
  allocate: allocateBlockAuction,
  pay: payBlockAuction,
});
