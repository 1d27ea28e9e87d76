import { z } from 'zod';
import { committeeParamsSchema, validateCommitteeParams } from './committee.js';
import { defineMechanism } from './defineMechanism.js';
import { allocateMevBurn, payMevBurn } from './mevBurn.js';
import { positiveInteger, requireParam, zParam } from './paramChecks.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/**
 * Parameters of APS-burn: the slot auction's `leadSlots` and mev-burn's committee (see
 * `committeeParamsSchema`).
 */
export const apsBurnParamsSchema = committeeParamsSchema.extend({
  leadSlots: zParam(positiveInteger, 'leadSlots')
    .default(32)
    .describe('How many slots before the sold slot the auction clears; integer >= 1 (bids are on expected value).'),
});
/** Parameters of `aps-burn`. */
export type ApsBurnParams = z.output<typeof apsBurnParamsSchema>;

/** Throws a RangeError naming the first invalid parameter. */
export function validateApsBurnParams(params: ApsBurnParams): ApsBurnParams {
  validateCommitteeParams(params);
  requireParam(positiveInteger, 'leadSlots', params.leadSlots);
  return params;
}

/**
 * APS-burn (attester-proposer separation with mev-burn; Drake, "MEV burn—a simple design",
 * ethresear.ch/t/15590, applied to an execution auction sold ahead as in the essay's slot auction):
 * the right to build slot t is sold `leadSlots` ahead, on expected value, and a committee watching
 * the bids sets a floor that is burned. Allocation and payments are mev-burn's (`allocateMevBurn`,
 * `payMevBurn`); only the timing (the market's `leadSlots`) is the slot auction's.
 */
export function allocateApsBurn(bids: readonly Bid[], params: ApsBurnParams, source: Source): Allocation {
  validateApsBurnParams(params);
  return allocateMevBurn(bids, params, source);
}

/** The winner pays its bid: the floor is burned, the excess goes to the proposer. */
export function payApsBurn(bids: readonly Bid[], allocation: Allocation, params: ApsBurnParams): Payments {
  validateApsBurnParams(params);
  return payMevBurn(bids, allocation, params);
}

/** The `aps-burn` mechanism. */
export const apsBurn = defineMechanism({
  name: 'aps-burn',
  // Feedback: mev-burn's (bids are public to the committee).
  reveals: 'all-bids',
  counterfactualFrom: 'all-bids',
  losersPay: false,
  summary: 'the right to build a slot is sold leadSlots ahead (slot auction) with a committee floor that is burned (mev-burn).',
  params: apsBurnParamsSchema,
  validateParams: validateApsBurnParams,
  timing: (params) => ({ leadSlots: params.leadSlots }),
  allocate: allocateApsBurn,
  pay: payApsBurn,
});
