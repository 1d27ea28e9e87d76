/** One bin of a histogram: values v with start ≤ v < end (the last bin also holds v = end). */
export interface HistogramBin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/**
 * Counts finite `values` into `bins` equal bins over [min, max] (or the given `domain`). Values
 * outside the domain are dropped. An empty input gives no bins.
 */
export function histogram(values: readonly number[], bins = 30, domain?: readonly [number, number]): HistogramBin[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || bins < 1) return [];
  const [lo, top] = domain ?? [finite.reduce((a, v) => Math.min(a, v)), finite.reduce((a, v) => Math.max(a, v))];
  const hi = top > lo ? top : lo + 1;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) {
    if (v < lo || v > hi) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
  }
  return counts.map((count, i) => ({ start: lo + i * width, end: lo + (i + 1) * width, count }));
}
