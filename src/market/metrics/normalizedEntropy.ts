import { toShares } from './shares.js';

/**
 * Normalised Shannon entropy of shares, H(s) / ln n with H(s) = −Σ s_i ln s_i (0 ln 0 = 0),
 * dimensionless in [0, 1]: 1 for equal shares, 0 when one participant has everything. The n
 * participants include those with zero weight. Weights are normalised by `toShares`. For n = 1
 * the ratio is 0/0; we return 0 (a single participant is a monopoly).
 */
export function normalizedEntropy(weights: readonly number[]): number {
  const shares = toShares(weights);
  if (shares.length === 1) return 0;
  const h = shares.reduce((s, x) => (x > 0 ? s - x * Math.log(x) : s), 0);
  return h / Math.log(shares.length);
}
