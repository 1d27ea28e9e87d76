import { toShares } from './shares.js';

/**
 * Combined share of the k largest participants (e.g. DESIGN.md §8's top-3 builder share), in
 * [0, 1]. k larger than n counts everyone. Throws a RangeError unless k is an integer ≥ 1.
 */
export function topKShare(weights: readonly number[], k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer >= 1, got ${k}`);
  const sorted = toShares(weights).sort((a, b) => b - a);
  return sorted.slice(0, k).reduce((s, x) => s + x, 0);
}
