export type { ArbQuote, ArbTrade, CrossArb, PoolSide } from './types.js';
export type { PriceBand } from './noArbitrageBand.js';
export { noArbitrageBand } from './noArbitrageBand.js';
export { optimalArbAgainstPrice, optimalArbQuote } from './optimalArbAgainstPrice.js';
export { crossArbProfitY, optimalCrossPoolArb } from './crossPoolArb.js';
export { optimalSandwich, simulateSandwich, type Sandwich, type VictimSwap } from './sandwich.js';
