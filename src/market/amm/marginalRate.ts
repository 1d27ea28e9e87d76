import { requireNonNegative } from './checks.js';
import { reservesFor } from './reserves.js';
import type { Pool, Token } from './types.js';

/**
 * The marginal rate of a swap that has already put `amountIn` of `tokenIn` into the pool:
 * d(amountOut)/d(amountIn), in units of the output token per unit of `tokenIn`.
 *
 * Derivative of Uniswap v2's out(a) = R_out·γa/(R_in + γa):
 *   out'(a) = γ · R_in · R_out / (R_in + γ·a)²,  γ = 1 − fee.
 * At `amountIn` = 0 it is γ·R_out/R_in, i.e. the spot price net of the fee. Its reciprocal is the
 * post-fee marginal price the trader pays for the last unit of output. Profit-maximising trades
 * stop where this rate equals the price obtainable elsewhere.
 *
 * @throws RangeError if `amountIn` is not finite and ≥ 0.
 */
export function marginalRateExactIn(pool: Pool, tokenIn: Token, amountIn: number): number {
  requireNonNegative('amountIn', amountIn);
  const { reserveIn, reserveOut } = reservesFor(pool, tokenIn);
  const gamma = 1 - pool.fee;
  const denominator = reserveIn + gamma * amountIn;
  return (gamma * reserveIn * reserveOut) / (denominator * denominator);
}
