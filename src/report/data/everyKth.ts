/**
 * The stride that keeps at most `maxPoints` of `n` points when taking every k-th one:
 * k = ⌈n / maxPoints⌉ (1 when everything fits).
 */
export function strideFor(n: number, maxPoints: number): number {
  if (!(maxPoints >= 1)) throw new RangeError(`maxPoints must be >= 1, got ${maxPoints}`);
  return Math.max(1, Math.ceil(n / maxPoints));
}

/**
 * Deterministic downsampling: keeps items 0, k, 2k, … and always the last one, so a series keeps
 * its end point. With k = {@link strideFor}(n, maxPoints) the result has at most maxPoints + 1 items.
 */
export function everyKth<T>(items: readonly T[], k: number): T[] {
  if (k <= 1) return [...items];
  const out: T[] = [];
  for (let i = 0; i < items.length; i += k) out.push(items[i]!);
  if ((items.length - 1) % k !== 0 && items.length > 0) out.push(items[items.length - 1]!);
  return out;
}
