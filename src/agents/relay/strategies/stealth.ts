import type { StealthParams, StrategyFn } from '../types.js';
import { capEth } from './capEth.js';
import { naive } from './naive.js';
import { revealTimeMs } from './revealTime.js';

/**
 * Stealth: until the reveal time, bid only its cap on the public value (minus the margin, or a
 * learned shade of it), hiding the private flow it has seen; then naive on its full value. Never above the value.
 */
export const stealth: StrategyFn<StealthParams> = (view, params, draws) => {
  if (view.timeMs >= revealTimeMs(view, params, draws)) return naive(view, params, draws);
  const cap = capEth(view.publicValueEth, params);
  return cap > 0 ? cap : null;
};
