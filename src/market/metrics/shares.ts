/**
 * Normalises non-negative weights (wins, revenue, tickets, win probabilities …) to shares that
 * sum to 1. Throws a RangeError naming the first negative or non-finite weight, or if the weights
 * are empty or all zero (shares are then undefined).
 */
export function toShares(weights: readonly number[]): number[] {
  weights.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`weight ${i} is ${w}: must be a finite number >= 0`);
    }
  });
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new RangeError('shares need at least one positive weight');
  return weights.map((w) => w / total);
}
