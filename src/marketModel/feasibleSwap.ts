import { swapExactIn, swapExactOut } from '../market/amm/index.js';
import type { Pool, SwapResult, Token } from '../market/amm/types.js';

/*
 * Swaps the model makes on behalf of agents. A swap the pool cannot carry out — an input or output
 * that is not a finite positive number, or one so large that a reserve would overflow, underflow or
 * leave the pool's finite range — does not happen: on chain it would revert. The pure AMM functions
 * throw a RangeError for these (their precondition); here that becomes `null`, and the caller treats
 * the transaction as reverted (a user's swap fails, a bundle does not execute, a bid purchase or a
 * disposal sale is not made).
 */

/**
 * The range a pool's reserves stay in (configs start them in [1e-6, 1e15]): beyond it prices and
 * the products of amounts leave floating point within a run, so a swap that would get there reverts.
 */
export const MIN_RESERVE = 1e-12;
export const MAX_RESERVE = 1e21;

const inRange = (r: number) => r >= MIN_RESERVE && r <= MAX_RESERVE;
const feasible = (res: SwapResult): boolean =>
  Number.isFinite(res.amountOut) && Number.isFinite(res.amountIn) && inRange(res.pool.reserveX) && inRange(res.pool.reserveY);

/** Whether a swap of `amount` may be attempted at all (a finite amount ≥ 0). */
const attemptable = (amount: number): boolean => Number.isFinite(amount) && amount >= 0;

/**
 * `swap(pool, token, amount)`, or null where the swap cannot happen (see above). The AMM function is
 * passed, not wrapped in a closure: this runs for every swap of every slot.
 */
function attempt(swap: typeof swapExactIn, pool: Pool, token: Token, amount: number): SwapResult | null {
  if (!attemptable(amount)) return null;
  try {
    const res = swap(pool, token, amount);
    return feasible(res) ? res : null;
  } catch (e) {
    // A RangeError from the AMM (its precondition) is a reverted swap; anything else is a bug.
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** `swapExactIn`, or null where the swap cannot happen (see above). */
export function trySwapExactIn(pool: Pool, tokenIn: Token, amountIn: number): SwapResult | null {
  return attempt(swapExactIn, pool, tokenIn, amountIn);
}

/** `swapExactOut`, or null where the swap cannot happen (see above). */
export function trySwapExactOut(pool: Pool, tokenOut: Token, amountOut: number): SwapResult | null {
  return attempt(swapExactOut, pool, tokenOut, amountOut);
}
