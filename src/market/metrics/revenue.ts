import type { Payments } from '../mechanisms/types.js';

/**
 * Revenue of one mechanism run, in numéraire: the sum of all payments collected, Σ_i p_i (the
 * essay's "revenue (or the sum of the bids collected by the mechanism)"). By the conservation
 * invariant it equals toProposer + burned + toCommittee + rebateToUser.
 */
export function revenue(payments: Payments): number {
  return payments.perBidder.reduce((s, p) => s + p, 0);
}

/**
 * MEV-oracle accuracy (DESIGN.md §8): revenue ÷ value of the winning block, dimensionless, in
 * [0, 1] for individually rational bidders. Throws a RangeError unless `winningValue` > 0.
 */
export function mevOracleAccuracy(revenueAmount: number, winningValue: number): number {
  if (!(winningValue > 0) || !Number.isFinite(winningValue)) {
    throw new RangeError(`winningValue must be a finite number > 0, got ${winningValue}`);
  }
  return revenueAmount / winningValue;
}
