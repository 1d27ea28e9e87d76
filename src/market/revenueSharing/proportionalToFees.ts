import { proportionalShares } from './proportionalShares.js';

/**
 * `proportional-to-fees` rule: s_r = fees_r / Σ_j fees_j, where fees_r (numéraire, ≥ 0) are the
 * transaction fees paid on rollup r this slot; equal shares when all fees are 0. The transparent
 * part of a rollup's contribution ("for basic fees, it's straightforward", seed talk 003).
 */
export function proportionalToFees(feesByRollup: readonly number[]): number[] {
  return proportionalShares(feesByRollup, 'feesByRollup');
}
