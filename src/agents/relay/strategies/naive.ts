import type { NaiveParams, StrategyFn } from '../types.js';

/**
 * Naive: bid the current value minus the margin, whenever that is positive (Wu et al. 2024,
 * arXiv:2312.14510 §IV: "bid aggressively"). Never above the value.
 */
export const naive: StrategyFn<NaiveParams> = (view, params) =>
  view.valueEth > params.marginEth ? view.valueEth - params.marginEth : null;
