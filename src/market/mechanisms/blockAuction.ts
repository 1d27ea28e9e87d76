import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { nonNegativeFinite, requireParam, zParam } from './paramChecks.js';
import { allocateFirstPrice, payFirstPrice } from './firstPrice.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/**
 * Parameters of the block auction: `bidDeadlineMs`, the time within the slot (ms after the slot
 * starts, ≥ 0, and before the slot's end: the config check compares it with `clock.slotMs`) at
 * which builders commit to their blocks and sealed bids close. In the market, user swaps arriving
 * after it wait for the next block and bundles arriving after it are left out of it. Default 1000 ms (half of the default 2 s slot),
 * a modelling default.
 */
export const blockAuctionParamsSchema = z.strictObject({
  bidDeadlineMs: zParam(nonNegativeFinite, 'bidDeadlineMs')
    .default(1000)
    .describe('When builders commit to their blocks and bids close, in ms after the slot starts; finite, >= 0 and below clock.slotMs. User swaps arriving later wait for the next block; bundles arriving later are left out (their searchers may bid again next slot).'),
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
  timing: (params) => ({ commitDeadlineMs: params.bidDeadlineMs }),
  allocate: allocateBlockAuction,
  pay: payBlockAuction,
});
