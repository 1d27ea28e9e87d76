/** Relative size of |Σ φ| below which the values are treated as summing to 0. */
export const VALUE_SUM_TOLERANCE = 1e-12;

/**
 * Shares of the remainder from per-rollup values φ (Shapley, Banzhaf-type, drop-out estimates):
 *
 *   s_i = φ_i / Σ_j φ_j.
 *
 * For exact Shapley Σ φ_j = v(N) (efficiency), so s_i = φ_i / v(N). For Banzhaf-type values and
 * Monte-Carlo estimates Σ φ_j ≠ v(N) in general; dividing by Σ φ_j (the "normalised Banzhaf
 * index" convention) still pays out exactly the remainder. When Σ φ_j ≤ 1e-12 · Σ |φ_j| (no
 * positive value to attribute, e.g. v ≡ 0) the shares are equal, 1/n.
 *
 * Shares sum to 1 but may be negative (or exceed 1) when v is not monotone: a rollup whose
 * presence lowers the winning bid has φ_i < 0 and pays into the pot. This is kept on purpose; a
 * caller that wants non-negative payouts must clamp and renormalise itself.
 */
export function valueShares(values: readonly number[]): number[] {
  if (values.length === 0) throw new RangeError('values must not be empty');
  const bad = values.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new RangeError(`values[${bad}] is ${values[bad]}: must be finite`);
  const sum = values.reduce((s, x) => s + x, 0);
  const scale = values.reduce((s, x) => s + Math.abs(x), 0);
  if (sum <= VALUE_SUM_TOLERANCE * scale) return values.map(() => 1 / values.length);
  return values.map((x) => x / sum);
}
