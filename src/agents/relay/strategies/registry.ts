import type {
  AdaptiveParams,
  BluffParams,
  LastMinuteParams,
  NaiveParams,
  StealthParams,
  StrategyFn,
} from '../types.js';
import { adaptive } from './adaptive.js';
import { bluff } from './bluff.js';
import { lastMinute } from './lastMinute.js';
import { naive } from './naive.js';
import { stealth } from './stealth.js';

/** Strategy names, in a fixed order (for `z.enum` and for stable summaries). */
export const STRATEGY_NAMES = ['naive', 'adaptive', 'last-minute', 'stealth', 'bluff'] as const;

export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** Each strategy's parameter type, by name. */
export interface StrategyParamsByName {
  naive: NaiveParams;
  adaptive: AdaptiveParams;
  'last-minute': LastMinuteParams;
  stealth: StealthParams;
  bluff: BluffParams;
}

/** Strategy functions by name: adding a strategy is one file and one line here. */
export const STRATEGIES: { readonly [K in StrategyName]: StrategyFn<StrategyParamsByName[K]> } = {
  naive,
  adaptive,
  'last-minute': lastMinute,
  stealth,
  bluff,
};
