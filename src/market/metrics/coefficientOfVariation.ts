/**
 * Coefficient of variation σ ÷ μ of values (population standard deviation over the mean); 0 for
 * fewer than one value or a mean of 0 (nothing to disperse).
 */
export function coefficientOfVariation(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const mean = values.reduce((a, x) => a + x, 0) / n;
  if (mean === 0) return 0;
  const variance = values.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  return Math.sqrt(variance) / Math.abs(mean);
}
