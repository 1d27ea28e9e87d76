/** Market-level measures: revenue, fairness, concentration (DESIGN.md §8). */
export { toShares } from './shares.js';
export { revenue, mevOracleAccuracy } from './revenue.js';
export { fairness, geometricMeanAllocation } from './fairness.js';
export { normalizedEntropy } from './normalizedEntropy.js';
export { herfindahlIndex } from './herfindahlIndex.js';
export { topKShare } from './topKShare.js';
export { nakamotoCoefficient } from './nakamotoCoefficient.js';
export { concentration, type Concentration } from './concentration.js';
export { giniCoefficient } from './giniCoefficient.js';
export { coefficientOfVariation } from './coefficientOfVariation.js';
