/**
 * Gini coefficient of non-negative values, in [0, 1 − 1/n]: the mean absolute difference over all
 * ordered pairs divided by twice the mean, G = Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2 n² x̄) (Gini 1912; the sorted
 * form G = Σᵢ (2i − n − 1) x₍ᵢ₎ ÷ (n Σ x), i = 1…n, used here). 0 for equal values, and when all are 0.
 */
export function giniCoefficient(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, x) => a + x, 0);
  if (n === 0 || total <= 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => { weighted += (2 * (i + 1) - n - 1) * x; });
  return weighted / (n * total);
}
