/** Revenue split rules among rollups sharing a sequencer (DESIGN.md §6, issue 7 item 2). */
export {
  MAX_TABLE_ROLLUPS,
  maskOf,
  membersOf,
  requireRollupCount,
  standaloneValues,
  toValueTable,
  valueTable,
  type CoalitionGame,
  type CoalitionValue,
  type CoalitionValueTable,
} from './coalitionValue.js';
export { MAX_EXACT_ROLLUPS, semivalue } from './semivalue.js';
export { shapley, shapleyWeights } from './shapley.js';
export { banzhaf, banzhafWeights } from './banzhaf.js';
export { dropOut, type DropOutEstimate, type DropOutParams } from './dropOut.js';
export { SHARES_SUM_TOLERANCE, checkShares, fixedShares } from './fixedShares.js';
export { proportionalShares } from './proportionalShares.js';
export { proportionalToFees } from './proportionalToFees.js';
export { variableShares } from './variableShares.js';
export { VALUE_SUM_TOLERANCE, valueShares } from './valueShares.js';
export {
  DEFAULT_DROP_OUT_ROUNDS,
  splitRuleSchema,
  type SplitRule,
  type SplitRuleInput,
  type SplitRuleName,
} from './config.js';
export { ruleShares } from './ruleShares.js';
export { splitRevenue } from './splitRevenue.js';
export type { RevenueSplit, SplitInput } from './types.js';
