import { defineMechanism } from './defineMechanism.js';
import {
  committeeParamsSchema,
  validateCommitteeParams,
  type CommitteeParams,
} from './committee.js';
import { allocateMevBurn, splitAtFloor } from './mevBurn.js';
import type { Allocation, Bid, Payments } from './types.js';

/** Parameters of `mev-smoothing`: the committee's (see `committeeParamsSchema`). */
export const mevSmoothingParamsSchema = committeeParamsSchema;
/** Parameters of `mev-smoothing`. */
export type MevSmoothingParams = CommitteeParams;

/**
 * Committee-driven MEV smoothing (Francesco D'Amato, ethresear.ch/t/10408): allocation as mev-burn
 * (`allocateMevBurn`); the floor is shared equally among the committee instead of burned, the
 * proposer keeps b_w − floor.
 */
export function payMevSmoothing(
  bids: readonly Bid[],
  allocation: Allocation,
  params: CommitteeParams,
): Payments {
  validateCommitteeParams(params);
  return splitAtFloor(bids, allocation, 'toCommittee');
}

/** Each committee member's equal share of `toCommittee`, in numéraire: toCommittee / size. */
export function committeeMemberShare(payments: Payments, params: CommitteeParams): number {
  validateCommitteeParams(params);
  return payments.toCommittee / params.committeeSize;
}

/** The `mev-smoothing` mechanism. */
export const mevSmoothing = defineMechanism({
  name: 'mev-smoothing',
  // Feedback: bids are gossiped to the committee in public; the floor depends on every bid seen.
  reveals: 'all-bids',
  counterfactualFrom: 'all-bids',
  losersPay: false,
  summary: 'as mev-burn, but the floor is shared equally among the committee instead of burned.',
  params: mevSmoothingParamsSchema,
  validateParams: validateCommitteeParams,
  allocate: allocateMevBurn,
  pay: payMevSmoothing,
});
