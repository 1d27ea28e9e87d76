import type { NaiveParams, StrategyFn } from '../types.js';
import { capEth } from './capEth.js';

/**
 * Naive: bid its cap, the current value minus the margin (or a learned shade of the value), whenever
 * that is positive (Wu et al. 2024, arXiv:2312.14510 §IV: "bid aggressively"). Never above the value
 * for a shade ≤ 1.
 */
export const naive: StrategyFn<NaiveParams> = (view, params) => {
  const cap = capEth(view.valueEth, params);
  return cap > 0 ? cap : null;
};
