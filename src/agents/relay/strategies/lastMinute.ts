import type { LastMinuteParams, StrategyFn } from '../types.js';
import { naive } from './naive.js';
import { revealTimeMs } from './revealTime.js';

/** Last-minute: no bid until the reveal time, then naive (value minus margin). Never above the value. */
export const lastMinute: StrategyFn<LastMinuteParams> = (view, params, draws) =>
  view.timeMs < revealTimeMs(view, params, draws) ? null : naive(view, params, draws);
