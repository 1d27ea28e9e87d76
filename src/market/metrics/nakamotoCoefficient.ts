import { toShares } from './shares.js';

/**
 * Nakamoto coefficient: the minimum number of participants whose combined share strictly exceeds
 * 1/2 (Srinivasan & Lee, "Quantifying decentralization", 2017, say "51%"; we use "> 1/2").
 * Shares (0.5, 0.5) give 2, (2/3, 1/3) give 1. The comparison allows 1e-12 of floating-point slack
 * so that sums like 0.1 + 0.2 + 0.2 do not count as > 1/2.
 */
export function nakamotoCoefficient(weights: readonly number[]): number {
  const sorted = toShares(weights).sort((a, b) => b - a);
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    cumulative += sorted[i]!;
    if (cumulative > 0.5 + 1e-12) return i + 1;
  }
  // Unreachable: shares sum to 1 > 1/2 (up to rounding, caught by the last iteration).
  return sorted.length;
}
