import { spotPrice } from './spotPrice.js';
import { swapExactIn } from './swapExactIn.js';
import type { Pool, Token } from './types.js';

/**
 * The pool's spot price (Y per X) after swapping `amountIn` of `tokenIn` into it. Paying Y (buying
 * X) raises it; paying X lowers it.
 *
 * @throws RangeError as `swapExactIn` does.
 */
export function priceAfterSwap(pool: Pool, tokenIn: Token, amountIn: number): number {
  return spotPrice(swapExactIn(pool, tokenIn, amountIn).pool);
}
