import type { Token } from '../../market/amm/types.js';

/** An amount of Y expressed in `gasToken` at the reference price (Y per X). */
export function yToGas(amountY: number, gasToken: Token, refPriceYPerX: number): number {
  return gasToken === 'X' ? amountY / refPriceYPerX : amountY;
}
