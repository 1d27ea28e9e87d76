import type { MarginParams } from '../types.js';

/**
 * The most a builder bids on a value of `valueEth`, ETH: `valueEth − marginEth` (Wu et al. 2024,
 * arXiv:2312.14510), or `shade × valueEth` when a learner chose a shading factor for this auction.
 * A strategy bids only while its cap is positive (for the margin rule, value − margin > 0 holds
 * exactly when value > margin in floating point, so the check is the paper's `value > margin`).
 */
export function capEth(valueEth: number, params: MarginParams): number {
  return params.shade === undefined ? valueEth - params.marginEth : params.shade * valueEth;
}
