import type { Distributions } from '../../engine/distributions.js';
import type { Pool } from '../../market/amm/types.js';
import { quoteExactIn } from '../../market/amm/index.js';
import type { UserSwap } from '../../market/orders/types.js';

/** How a rollup's users trade (the config's `rollups[].users`). */
export interface UserFlowParams {
  /** Probability that a swap buys X with Y. */
  readonly buyXProbability: number;
  /** Median swap size, Y at the reference price. */
  readonly medianSizeY: number;
  /** Standard deviation of the log swap size. */
  readonly sizeLogSd: number;
  /** Accepted shortfall against the arrival quote, as a fraction (capped at 1). */
  readonly slippageTolerance: number;
  /** Share of swaps sent to a private channel. */
  readonly privateFraction: number;
}

/**
 * Draws one user's swap: direction (buy X with probability `buyXProbability`), a log-normal size
 * with median `medianSizeY` in Y at the reference price, a channel, and a minimum output set by the
 * slippage tolerance against a quote on the pool as the user sees it on arrival.
 */
export function drawUserSwap(
  d: Distributions,
  users: UserFlowParams,
  pool: Pool,
  refPriceYPerX: number,
  ids: { id: number; rollup: number; arrivalMs: number },
): UserSwap {
  const buysX = d.bernoulli(users.buyXProbability);
  const sizeY = users.medianSizeY * Math.exp(users.sizeLogSd * d.normal());
  const tokenIn = buysX ? 'Y' : 'X';
  const amountIn = buysX ? sizeY : sizeY / refPriceYPerX;
  const quote = quoteExactIn(pool, tokenIn, amountIn);
  return {
    id: ids.id,
    rollup: ids.rollup,
    arrivalMs: ids.arrivalMs,
    tokenIn,
    amountIn,
    minAmountOut: quote * (1 - Math.min(users.slippageTolerance, 1)),
    isPrivate: d.bernoulli(users.privateFraction),
  };
}
