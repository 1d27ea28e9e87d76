import { toShares } from './shares.js';

/**
 * Herfindahl–Hirschman index Σ s_i² of the shares, on the fraction scale (in [1/n, 1]; multiply
 * by 10 000 for the antitrust "points" scale). Weights are normalised by `toShares`.
 */
export function herfindahlIndex(weights: readonly number[]): number {
  return toShares(weights).reduce((s, x) => s + x * x, 0);
}
