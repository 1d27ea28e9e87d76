/**
 * Two-player fairness of an allocation, `sqrt(x1 · x2)` — the geometric mean of the allocations,
 * exactly as defined in Neuder, Garimidi & Roughgarden, "On block-space distribution mechanisms"
 * (2024), §3 "Comparing the outcomes". Unnormalised: with x1 + x2 = 1 it lies in [0, 1/2], 1/2 at
 * x1 = x2 and 0 if either is 0. The essay's example: (2/3, 1/3) → sqrt(2/9) ≈ 0.471; (1, 0) → 0.
 * Throws a RangeError unless both allocations are in [0, 1].
 */
export function fairness(x1: number, x2: number): number {
  for (const [name, x] of [['x1', x1], ['x2', x2]] as const) {
    if (!(x >= 0 && x <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${x}`);
  }
  return Math.sqrt(x1 * x2);
}

/**
 * The n-player extension of `fairness`: the geometric mean (Π x_i)^(1/n) of the allocations
 * (equal to `fairness` for n = 2). In [0, 1/n] when Σ x_i = 1; 0 if anyone gets nothing.
 * Throws a RangeError on an empty list or an allocation outside [0, 1].
 */
export function geometricMeanAllocation(allocations: readonly number[]): number {
  if (allocations.length === 0) throw new RangeError('allocations must not be empty');
  allocations.forEach((x, i) => {
    if (!(x >= 0 && x <= 1)) throw new RangeError(`allocation ${i} must be in [0, 1], got ${x}`);
  });
  if (allocations.some((x) => x === 0)) return 0;
  const meanLog = allocations.reduce((s, x) => s + Math.log(x), 0) / allocations.length;
  return Math.exp(meanLog);
}
