import type { StealthParams, StrategyFn } from '../types.js';
import { naive } from './naive.js';
import { revealTimeMs } from './revealTime.js';

/**
 * Stealth: until the reveal time, bid only the public value minus the margin, hiding the private
 * flow it has seen; then naive on its full value. Never above the value.
 */
export const stealth: StrategyFn<StealthParams> = (view, params, draws) => {
  if (view.timeMs >= revealTimeMs(view, params, draws)) return naive(view, params, draws);
  return view.publicValueEth > params.marginEth ? view.publicValueEth - params.marginEth : null;
};
