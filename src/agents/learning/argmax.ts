/**
 * Index of the largest of `values` (−1 for an empty list). Ties go to the lowest index, so a
 * greedy choice never depends on a draw or on object identity.
 */
export function argmax(values: readonly number[]): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i]!;
    if (best < 0 || v > bestValue) {
      best = i;
      bestValue = v;
    }
  }
  return best;
}

/** The index ⌊u·K⌋ of a uniform `u` ∈ [0, 1), kept below K should rounding reach it. */
export function uniformIndex(u: number, size: number): number {
  return Math.min(Math.floor(u * size), size - 1);
}
