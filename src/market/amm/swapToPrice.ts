import { requirePositive } from './checks.js';
import { reservesFor } from './reserves.js';
import { spotPrice } from './spotPrice.js';
import { swapExactIn } from './swapExactIn.js';
import type { SwapResult, Pool, Token } from './types.js';

/** A swap together with the token that was paid in. */
export type DirectedSwapResult = SwapResult & { readonly tokenIn: Token };

/**
 * The single exact-input swap (fee included) after which the pool's spot price equals
 * `targetPriceYPerX`. Raising the price means paying Y for X; lowering it means paying X for Y.
 * When the pool is already at the target, nothing is traded: amounts are 0, the pool is
 * returned unchanged and `tokenIn` is 'Y' by convention.
 *
 * Derivation (Uniswap v2 swap with γ = 1 − fee, the fee staying in the pool): paying a of the
 * input token moves the reserves to (R_in + a, R_in·R_out/(R_in + γa)), so the output token's
 * spot price in input-token units becomes (R_in + a)(R_in + γa)/(R_in·R_out). Setting it to the
 * target π gives γa² + R_in(1+γ)a + R_in² − π·R_in·R_out = 0, whose positive root is taken in
 * the cancellation-free form a = 2D / (R_in(1+γ) + √(R_in²(1+γ)² + 4γD)), D = R_in(π·R_out − R_in).
 * Here π = target when paying Y and π = 1/target when paying X.
 *
 * @throws RangeError if `targetPriceYPerX` is not finite and > 0.
 */
export function swapToPrice(pool: Pool, targetPriceYPerX: number): DirectedSwapResult {
  requirePositive('targetPriceYPerX', targetPriceYPerX);
  const spot = spotPrice(pool);
  if (targetPriceYPerX === spot) return { pool, amountIn: 0, amountOut: 0, tokenIn: 'Y' };
  const tokenIn: Token = targetPriceYPerX > spot ? 'Y' : 'X';
  const targetOutPerIn = tokenIn === 'Y' ? targetPriceYPerX : 1 / targetPriceYPerX;
  const { reserveIn, reserveOut } = reservesFor(pool, tokenIn);
  const gamma = 1 - pool.fee;
  const d = reserveIn * (targetOutPerIn * reserveOut - reserveIn);
  const b = reserveIn * (1 + gamma);
  const amountIn = Math.max(0, (2 * d) / (b + Math.sqrt(b * b + 4 * gamma * d)));
  // Field by field, not `{ ...swap, tokenIn }` (a V8 slow path, bench/README.md): every arbitrageur sizes its trade here every slot.
  const swap = swapExactIn(pool, tokenIn, amountIn);
  return { pool: swap.pool, amountIn: swap.amountIn, amountOut: swap.amountOut, tokenIn };
}
