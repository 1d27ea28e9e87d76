import type { AdaptiveParams, StrategyFn } from '../types.js';
import { capEth } from './capEth.js';

/**
 * Adaptive: bid just above the visible best bid (`best + deltaEth`) while its cap allows it, else
 * bid the cap: the value minus the margin (Wu et al. 2024, arXiv:2312.14510), or a learned
 * `shade × value` (capEth.ts). Never above the cap. While its own bid is the visible best and
 * `outbidSelf` is false, it keeps that bid.
 */
export const adaptive: StrategyFn<AdaptiveParams> = (view, params) => {
  const ceiling = capEth(view.valueEth, params);
  if (ceiling <= 0) return null;
  if (view.visibleBestIsOwn && !params.outbidSelf && view.lastBidEth !== null) {
    return Math.min(view.lastBidEth, ceiling);
  }
  const target = (view.visibleBestBidEth ?? 0) + params.deltaEth;
  return target < ceiling ? target : ceiling;
};
