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
  // Plain loops (the split runs every slot), summing in the same order as a reduce would.
  let sum = 0;
  let scale = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (!Number.isFinite(x)) throw new RangeError(`values[${i}] is ${x}: must be finite`);
    sum += x;
    scale += Math.abs(x);
  }
  const even = sum <= VALUE_SUM_TOLERANCE * scale;
  const shares: number[] = [];
  for (let i = 0; i < values.length; i++) shares.push(even ? 1 / values.length : values[i]! / sum);
  return shares;
}
