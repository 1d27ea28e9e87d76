import { requirePositive } from '../amm/checks.js';
import { spotPrice } from '../amm/spotPrice.js';
import { swapExactIn } from '../amm/swapExactIn.js';
import type { Pool, Token } from '../amm/types.js';
import { noArbitrageBand } from './noArbitrageBand.js';
import type { ArbTrade } from './types.js';

/**
 * The profit-maximising single swap on `pool` against an external price `priceYPerX`, with the
 * profit valued at that price. No trade (tokenIn null, zeros) when the price lies inside the
 * no-arbitrage band [spot·γ, spot/γ] (edges included), γ = 1 − fee.
 *
 * Closed form (Angeris, Kao, Chiang, Noyes, Chitra 2019, "An analysis of Uniswap markets",
 * arXiv:1911.03380, optimal arbitrage of a constant-product market with fee): the profit P·out(a) − a of paying a of Y is concave,
 * and its first-order condition P·out'(a) = 1, with out'(a) = γxy/(y + γa)², gives
 *   buy X  (P > spot/γ): a* = (√(γPxy) − y)/γ,   profit* = (√(γPx) − √y)²/γ,
 *   sell X (P < spot·γ): b* = (√(γxy/P) − x)/γ,  profit* = (√(γy) − √(Px))²/γ.
 * At the optimum the post-fee marginal price of the last unit traded equals P. Square-root
 * differences are evaluated as (r − 1)/(√r + 1) to avoid cancellation near the band edges.
 *
 * @throws RangeError if `priceYPerX` is not finite and > 0.
 */
export function optimalArbAgainstPrice(pool: Pool, priceYPerX: number): ArbTrade {
  requirePositive('priceYPerX', priceYPerX);
  const spot = spotPrice(pool);
  const gamma = 1 - pool.fee;
  const band = noArbitrageBand(pool);
  if (priceYPerX > band.upper) {
    // Pool's X is cheap: pay Y, receive X. r = γP/spot > 1, a* = y(√r − 1)/γ.
    const r = (gamma * priceYPerX) / spot;
    const amountIn = (pool.reserveY * ((gamma * priceYPerX - spot) / spot)) / ((Math.sqrt(r) + 1) * gamma);
    return executeArb(pool, priceYPerX, 'Y', amountIn);
  }
  if (priceYPerX < band.lower) {
    // Pool's X is dear: pay X, receive Y. r = γ·spot/P > 1, b* = x(√r − 1)/γ.
    const r = (gamma * spot) / priceYPerX;
    const amountIn = (pool.reserveX * ((gamma * spot - priceYPerX) / priceYPerX)) / ((Math.sqrt(r) + 1) * gamma);
    return executeArb(pool, priceYPerX, 'X', amountIn);
  }
  return noTrade(pool);
}

function noTrade(pool: Pool): ArbTrade {
  return { tokenIn: null, amountIn: 0, amountOut: 0, profitY: 0, poolAfter: pool };
}

/** Swaps `amountIn` of `tokenIn` and values both legs at `priceYPerX`; no trade if rounding left nothing to do. */
function executeArb(pool: Pool, priceYPerX: number, tokenIn: Token, amountIn: number): ArbTrade {
  if (!(amountIn > 0)) return noTrade(pool);
  const swap = swapExactIn(pool, tokenIn, amountIn);
  const profitY = tokenIn === 'Y' ? priceYPerX * swap.amountOut - amountIn : swap.amountOut - priceYPerX * amountIn;
  return { tokenIn, amountIn, amountOut: swap.amountOut, profitY: Math.max(0, profitY), poolAfter: swap.pool };
}
