import type { CrossRollupView } from '../../../src/agents/searchers/crossRollupArbitrageur.js';
import { createPool } from '../../../src/market/amm/index.js';

/*
 * The hand-derived zero-fee cycle the cross-rollup tests share: X costs 1 Y on `cheap` (100, 100) and
 * 4 Y on `dear` (100, 400). Composing the two swaps (Wang et al. 2022, arXiv:2105.02784):
 * E_in = x₂y₁/(x₂ + x₁) = 50, E_out = x₁y₂/(x₂ + x₁) = 200, a* = √(E_in·E_out) − E_in = 50 Y in,
 * profit = (√200 − √50)² = 50 Y.
 */
export const cheap = createPool(100, 100, 0);
export const dear = createPool(100, 400, 0);

/** A cross-rollup searcher's view of the cycle (searcher 4 on rollups 3 and 5, atomic, paying on the first), with `over` applied. */
export const cycleView = (over: Partial<CrossRollupView> = {}): CrossRollupView => ({
  searcher: 4,
  rollups: [3, 5],
  pools: [cheap, dear],
  gasTokens: ['X', 'Y'],
  refPriceYPerX: 2,
  bundling: 'atomic',
  payOn: 0,
  minProfitY: 0,
  group: 77,
  arrivalMs: 900,
  ...over,
});
