import { proportionalShares } from './proportionalShares.js';

/**
 * `variable` rule: s_r = v({r}) / Σ_j v({j}), the standalone winning bids from the per-rollup
 * auctions ("run auctions for A alone, B alone and A+B together", DESIGN.md §6); equal shares when
 * all are 0. Cross-rollup synergy v(N) − Σ_j v({j}) is split in the same proportions, unlike
 * Shapley, which splits each synergy equally among the rollups that create it.
 */
export function variableShares(standaloneByRollup: readonly number[]): number[] {
  return proportionalShares(standaloneByRollup, 'standaloneByRollup');
}
