import { requireParam, fraction } from '../mechanisms/paramChecks.js';
import { requireRollupCount, toValueTable, type CoalitionGame } from './coalitionValue.js';
import { requireExactSize, semivalue } from './semivalue.js';

/** Weights p_k = q^k (1−q)^(n−1−k), k = 0..n−1: P(S) when each other rollup is kept w.p. q. */
export function banzhafWeights(n: number, q: number): number[] {
  requireRollupCount(n);
  requireParam(fraction, 'q', q);
  // Math.pow(0, 0) = 1, so q = 0 (only S = ∅) and q = 1 (only S = N∖{i}) come out right.
  return Array.from({ length: n }, (_, k) => q ** k * (1 - q) ** (n - 1 - k));
}

/**
 * Exact Banzhaf-type value with keep probability q (the "binomial semivalue"; q = ½ is the Banzhaf
 * value, Banzhaf 1965, Rutgers Law Rev. 19; Owen 1975, "Multilinear extensions and the Banzhaf
 * value", Naval Res. Logist. Q. 22(4)):
 *
 *   φ^B_i(q) = Σ_{S ⊆ N∖{i}} q^|S| (1−q)^(n−1−|S|) · (v(S ∪ {i}) − v(S)),   in numéraire.
 *
 * It is ∂f/∂x_i at x = (q, …, q) of Owen's multilinear extension f, i.e. the expected marginal
 * contribution when every other rollup independently stays with probability q: what the
 * `drop-out` estimator with a fixed q converges to. Unlike Shapley it is NOT efficient:
 * Σ_i φ^B_i(q) ≠ v(N) in general (symmetry, null player and additivity do hold).
 *
 * Throws a RangeError naming `q` unless q ∈ [0, 1], and for n > `MAX_EXACT_ROLLUPS` (12).
 */
export function banzhaf(n: number, v: CoalitionGame, q = 0.5): number[] {
  requireRollupCount(n);
  requireParam(fraction, 'q', q);
  requireExactSize(n, 'Banzhaf', "the 'drop-out' sampling estimator with a fixed q");
  return semivalue(n, toValueTable(n, v), banzhafWeights(n, q));
}
