import { herfindahlIndex } from './herfindahlIndex.js';
import { nakamotoCoefficient } from './nakamotoCoefficient.js';
import { normalizedEntropy } from './normalizedEntropy.js';
import { topKShare } from './topKShare.js';

/** Concentration of wins (or revenue) over participants (DESIGN.md §8). */
export interface Concentration {
  /** Σ sᵢ² of the shares, in [1/n, 1]. */
  readonly hhi: number;
  /** Share of the three largest. */
  readonly top3_share: number;
  /** Fewest participants whose combined share exceeds 1/2. */
  readonly nakamoto_coefficient: number;
  /** Shannon entropy of the shares over ln n, in [0, 1] (1 = equal shares). */
  readonly normalized_entropy: number;
}

/** All concentration measures of non-negative weights at once; zeros when nothing was won. */
export function concentration(weights: readonly number[]): Concentration {
  if (weights.reduce((a, w) => a + w, 0) <= 0) return { hhi: 0, top3_share: 0, nakamoto_coefficient: 0, normalized_entropy: 0 };
  return {
    hhi: herfindahlIndex(weights),
    top3_share: topKShare(weights, 3),
    nakamoto_coefficient: nakamotoCoefficient(weights),
    normalized_entropy: normalizedEntropy(weights),
  };
}
