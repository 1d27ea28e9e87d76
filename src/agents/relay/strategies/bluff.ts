import type { BluffParams, StrategyFn } from '../types.js';
import { naive } from './naive.js';
import { revealTimeMs } from './revealTime.js';

/** The bluff's decoy for this auction: uniform in `[bluffMinEth, bluffMaxEth]`, ETH. */
export function bluffDecoyEth(params: BluffParams, bluffU: number): number {
  // min() guards the bound against rounding when bluffU is just below 1.
  return Math.min(params.bluffMaxEth, params.bluffMinEth + bluffU * (params.bluffMaxEth - params.bluffMinEth));
}

/**
 * Bluff: until the reveal time, show a decoy bid (to push adaptive bidders to their value), then
 * replace it by the naive bid. Bounded: before the reveal the bid is the decoy, at most
 * `bluffMaxEth`; from the reveal on it never exceeds the value. If the proposer calls before the
 * reveal, the decoy can win and the builder pays more than its block is worth. A learned shade caps
 * the naive bid after the reveal, not the decoy (capping the decoy would remove the bluff).
 */
export const bluff: StrategyFn<BluffParams> = (view, params, draws) =>
  view.timeMs < revealTimeMs(view, params, draws)
    ? bluffDecoyEth(params, draws.bluffU)
    : naive(view, params, draws);
