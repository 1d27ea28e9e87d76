import { requireNonNegative } from './checks.js';
import { reservesFor, withReserves } from './reserves.js';
import type { Pool, SwapResult, Token } from './types.js';

/**
 * Amount of the other token paid out for `amountIn` of `tokenIn` (fee included in `amountIn`).
 *
 * Uniswap v2 `getAmountOut` with γ = 1 − fee (Adams, Zinsmeister, Robinson 2020, "Uniswap v2
 * Core"; Angeris, Kao, Chiang, Noyes, Chitra 2019, "An analysis of Uniswap markets"):
 *   out = R_out · γ·a / (R_in + γ·a).
 * Increasing and strictly concave in `amountIn`, always < R_out.
 *
 * @throws RangeError if `amountIn` is not finite and ≥ 0.
 */
export function quoteExactIn(pool: Pool, tokenIn: Token, amountIn: number): number {
  requireNonNegative('amountIn', amountIn);
  const { reserveIn, reserveOut } = reservesFor(pool, tokenIn);
  const effectiveIn = (1 - pool.fee) * amountIn;
  return (reserveOut * effectiveIn) / (reserveIn + effectiveIn);
}

/**
 * Swaps exactly `amountIn` of `tokenIn` (fee included) into the pool and returns the new pool.
 *
 * The whole `amountIn` joins the input reserve (the fee stays in the pool), and the output
 * reserve falls to R_out·R_in / (R_in + γ·a), so that (R_in + γ·a)·R_out' = R_in·R_out and the
 * product of the actual reserves, (R_in + a)·R_out', never decreases (it is constant when
 * fee = 0). The output reserve is computed directly rather than as R_out − out, so it stays
 * positive for any finite input.
 *
 * @throws RangeError if `amountIn` is not finite and ≥ 0, or the input is so large that a
 *   reserve would overflow or underflow.
 */
export function swapExactIn(pool: Pool, tokenIn: Token, amountIn: number): SwapResult {
  requireNonNegative('amountIn', amountIn);
  if (amountIn === 0) return { pool, amountIn: 0, amountOut: 0 };
  const { reserveIn, reserveOut } = reservesFor(pool, tokenIn);
  const effectiveIn = (1 - pool.fee) * amountIn;
  const newReserveOut = outputReserveAfter(reserveIn, reserveOut, amountIn, effectiveIn);
  const amountOut = (reserveOut * effectiveIn) / (reserveIn + effectiveIn);
  return { pool: withReserves(pool, tokenIn, reserveIn + amountIn, newReserveOut), amountIn, amountOut };
}

/**
 * `swapExactIn(pool, tokenIn, amountIn).amountOut` without building the pool after the swap (for
 * callers that only price a trade): the same operations, checks and `RangeError`s.
 */
export function swapAmountOut(pool: Pool, tokenIn: Token, amountIn: number): number {
  requireNonNegative('amountIn', amountIn);
  if (amountIn === 0) return 0;
  const reserveIn = tokenIn === 'X' ? pool.reserveX : pool.reserveY;
  const reserveOut = tokenIn === 'X' ? pool.reserveY : pool.reserveX;
  const effectiveIn = (1 - pool.fee) * amountIn;
  outputReserveAfter(reserveIn, reserveOut, amountIn, effectiveIn);
  return (reserveOut * effectiveIn) / (reserveIn + effectiveIn);
}

/**
 * The output reserve after `amountIn` (of which `effectiveIn` after the fee) joins `reserveIn`,
 * R_out·R_in / (R_in + γ·a); throws when a reserve would overflow or underflow.
 */
function outputReserveAfter(reserveIn: number, reserveOut: number, amountIn: number, effectiveIn: number): number {
  const newReserveOut = (reserveOut * reserveIn) / (reserveIn + effectiveIn);
  if (!(Number.isFinite(reserveIn + amountIn) && newReserveOut > 0)) {
    throw new RangeError(`amountIn ${amountIn} is too large for this pool`);
  }
  return newReserveOut;
}
