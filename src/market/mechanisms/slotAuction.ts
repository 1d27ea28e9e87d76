import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { positiveInteger, requireParam, zParam } from './paramChecks.js';
import { allocateFirstPrice, payFirstPrice, runFirstPrice } from './firstPrice.js';
import type { Allocation, Bid, MechanismOutcome, Payments, Source } from './types.js';

/**
 * Parameters of the slot auction: `leadSlots`, how many slots before the sold slot the auction
 * clears (integer ≥ 1; default 32, the essay's "e.g., 32" slots ahead). The simulation uses it to
 * decide when bids are formed, and hence what bidders can know.
 */
export const slotAuctionParamsSchema = z.strictObject({
  leadSlots: zParam(positiveInteger, 'leadSlots')
    .default(32)
    .describe('How many slots before the sold slot the auction clears; integer >= 1 (bids are on expected value).'),
});
/** Parameters of `slot-auction`. */
export type SlotAuctionParams = z.output<typeof slotAuctionParamsSchema>;

/** Throws a RangeError naming `leadSlots` unless it is an integer ≥ 1. */
export function validateSlotAuctionParams(params: SlotAuctionParams): SlotAuctionParams {
  requireParam(positiveInteger, 'leadSlots', params.leadSlots);
  return params;
}

/**
 * Slot auction (Ma, "Block vs. Slot Auction PBS"; the essay's "Slot-auction PBS"): the right to
 * build slot t is sold `leadSlots` ahead, with no commitment to block contents. Bidders therefore
 * bid on their *expected* value of the slot, E[v], formed at t − leadSlots; the winner learns its
 * realised value only in slot t and bears the difference (utility = realised v − price). The
 * allocation and payment rules are first-price (ties uniform, one draw); only the timing and the
 * value bidders bid on differ from `block-auction`.
 */
export function allocateSlotAuction(
  bids: readonly Bid[],
  params: SlotAuctionParams,
  source: Source,
): Allocation {
  validateSlotAuctionParams(params);
  return allocateFirstPrice(bids, {}, source);
}

/** The winner pays its bid to the proposer, at clearing time (t − leadSlots). */
export function paySlotAuction(
  bids: readonly Bid[],
  allocation: Allocation,
  params: SlotAuctionParams,
): Payments {
  validateSlotAuctionParams(params);
  return payFirstPrice(bids, allocation, {});
}

/** `allocateSlotAuction` then `paySlotAuction`, the parameters and bids checked once (see `runFirstPrice`). */
export function runSlotAuction(bids: readonly Bid[], params: SlotAuctionParams, source: Source): MechanismOutcome {
  validateSlotAuctionParams(params);
  return runFirstPrice(bids, source);
}

/** The `slot-auction` mechanism. */
export const slotAuction = defineMechanism({
  name: 'slot-auction',
  // Feedback: a sealed first-price sale.
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: 'the right to build a slot is sold first-price leadSlots ahead, without commitment to its contents.',
  params: slotAuctionParamsSchema,
  validateParams: validateSlotAuctionParams,
  timing: (params) => ({ leadSlots: params.leadSlots }),
  allocate: allocateSlotAuction,
  pay: paySlotAuction,
  run: runSlotAuction,
});
