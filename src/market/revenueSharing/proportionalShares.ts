/**
 * Shares w_i / Σ_j w_j of non-negative weights (fees, standalone values); an equal split 1/n when
 * every weight is 0 (nothing to tell the rollups apart). Invariant: shares ≥ 0 and sum to 1.
 * Throws a RangeError naming `${name}[i]` for a negative or non-finite weight, or `name` if empty.
 */
export function proportionalShares(weights: readonly number[], name: string): number[] {
  if (weights.length === 0) throw new RangeError(`${name} must not be empty`);
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`${name}[${i}] is ${w}: must be a finite number >= 0`);
    }
  });
  const total = weights.reduce((s, w) => s + w, 0);
  if (total === 0) return weights.map(() => 1 / weights.length);
  return weights.map((w) => w / total);
}
