import { requireNonNegative } from './checks.js';
import { otherToken } from './otherToken.js';
import { reservesFor, withReserves } from './reserves.js';
import type { Pool, SwapResult, Token } from './types.js';

/**
 * Buys exactly `amountOut` of `tokenOut`, paying the other token (fee included), and returns the
 * new pool. The exact inverse of `swapExactIn` (Uniswap v2 `getAmountIn` without the integer
 * rounding; "Uniswap v2 Core", 2020):
 *   amountIn = R_in · out / ((R_out − out) · γ),  γ = 1 − fee.
 *
 * @throws RangeError unless 0 ≤ `amountOut` < the pool's reserve of `tokenOut`.
 */
export function swapExactOut(pool: Pool, tokenOut: Token, amountOut: number): SwapResult {
  requireNonNegative('amountOut', amountOut);
  const tokenIn = otherToken(tokenOut);
  const { reserveIn, reserveOut } = reservesFor(pool, tokenIn);
  if (!(amountOut < reserveOut)) {
    throw new RangeError(`amountOut must be < reserve${tokenOut} (${reserveOut}), got ${amountOut}`);
  }
  if (amountOut === 0) return { pool, amountIn: 0, amountOut: 0 };
  const newReserveOut = reserveOut - amountOut;
  const amountIn = (reserveIn * amountOut) / (newReserveOut * (1 - pool.fee));
  const newReserveIn = reserveIn + amountIn;
  if (!Number.isFinite(newReserveIn)) {
    throw new RangeError(`amountOut ${amountOut} needs an input too large to represent`);
  }
  return { pool: withReserves(pool, tokenIn, newReserveIn, newReserveOut), amountIn, amountOut };
}
