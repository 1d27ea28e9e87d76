import { requireRollupCount, toValueTable, type CoalitionGame } from './coalitionValue.js';
import { requireExactSize, semivalue } from './semivalue.js';

/**
 * Shapley weights p_k = k!(n−k−1)!/n! for k = 0..n−1: the probability that, in a uniformly random
 * order of the n rollups, the rollups before i are exactly a given set of size k. Computed as
 * 1 / (n · C(n−1, k)) with C built multiplicatively, exact enough for n ≤ 12.
 */
export function shapleyWeights(n: number): number[] {
  requireRollupCount(n);
  const weights: number[] = [];
  let binomial = 1; // C(n−1, k)
  for (let k = 0; k < n; k++) {
    weights.push(1 / (n * binomial));
    binomial = (binomial * (n - 1 - k)) / (k + 1);
  }
  return weights;
}

/** `shapleyWeights(n)` by n, computed once (the split runs every slot; semivalue only reads them). */
const weightsByN: number[][] = [];

/**
 * Exact Shapley value (Shapley 1953, "A value for n-person games", Contributions to the Theory of
 * Games II, Ann. Math. Studies 28):
 *
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S ∪ {i}) − v(S)),   in numéraire.
 *
 * Invariants (tested): efficiency Σ φ_i = v(N); symmetric rollups get equal values; a null rollup
 * (v(S ∪ {i}) = v(S) for all S) gets 0; additivity φ(v + w) = φ(v) + φ(w).
 * φ_i can be negative when v is not monotone (a rollup whose presence lowers the winning bid, e.g.
 * its transactions conflict with another rollup's bundles).
 *
 * Supports n ≤ `MAX_EXACT_ROLLUPS` (12); beyond that throws a RangeError suggesting `drop-out`.
 */
export function shapley(n: number, v: CoalitionGame): number[] {
  requireRollupCount(n);
  requireExactSize(n, 'Shapley', "the 'drop-out' sampling estimator (dropOut, q ~ U(0,1))");
  return semivalue(n, toValueTable(n, v), (weightsByN[n] ??= shapleyWeights(n)));
}
