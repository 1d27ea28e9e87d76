import type { Distributions } from '../../engine/distributions.js';
import type { Pool } from '../../market/amm/types.js';
import { quoteExactIn } from '../../market/amm/index.js';
import type { MarketConfig } from '../../config/schema.js';
import type { UserSwap } from '../../model/types.js';

type UsersConfig = MarketConfig['rollups'][number]['users'];

/**
 * Draws one user's swap: direction (buy X with probability `buyXProbability`), a log-normal size
 * with median `medianSizeY` in Y at the reference price, a channel, and a minimum output set by the
 * slippage tolerance against a quote on the pool as the user sees it on arrival.
 */
export function drawUserSwap(
  d: Distributions,
  users: UsersConfig,
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
