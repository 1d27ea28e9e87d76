import { requirePositive } from '../amm/checks.js';
import { spotPrice } from '../amm/spotPrice.js';
import { swapAmountOut, swapExactIn } from '../amm/swapExactIn.js';
import type { Pool, Token } from '../amm/types.js';
import { noArbitrageBand } from './noArbitrageBand.js';
import type { ArbQuote, ArbTrade } from './types.js';

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
  const q = optimalArbQuote(pool, priceYPerX);
  if (q.tokenIn === null) return noTrade(pool);
  const swap = swapExactIn(pool, q.tokenIn, q.amountIn);
  return { tokenIn: q.tokenIn, amountIn: q.amountIn, amountOut: swap.amountOut, profitY: q.profitY, poolAfter: swap.pool };
}

/** No trade: a price inside the band (one shared object). */
const NO_QUOTE: ArbQuote = Object.freeze({ tokenIn: null, amountIn: 0, amountOut: 0, profitY: 0 });

/**
 * `optimalArbAgainstPrice` without the pool after the trade (what a searcher pricing the trade
 * reads): the same figures from the same operations, and no pool built.
 */
export function optimalArbQuote(pool: Pool, priceYPerX: number): ArbQuote {
  requirePositive('priceYPerX', priceYPerX);
  const spot = spotPrice(pool);
  const gamma = 1 - pool.fee;
  const band = noArbitrageBand(pool);
  if (priceYPerX > band.upper) {
    // Pool's X is cheap: pay Y, receive X. r = γP/spot > 1, a* = y(√r − 1)/γ.
    const r = (gamma * priceYPerX) / spot;
    const amountIn = (pool.reserveY * ((gamma * priceYPerX - spot) / spot)) / ((Math.sqrt(r) + 1) * gamma);
    return quoteArb(pool, priceYPerX, 'Y', amountIn);
  }
  if (priceYPerX < band.lower) {
    // Pool's X is dear: pay X, receive Y. r = γ·spot/P > 1, b* = x(√r − 1)/γ.
    const r = (gamma * spot) / priceYPerX;
    const amountIn = (pool.reserveX * ((gamma * spot - priceYPerX) / priceYPerX)) / ((Math.sqrt(r) + 1) * gamma);
    return quoteArb(pool, priceYPerX, 'X', amountIn);
  }
  return NO_QUOTE;
}

function noTrade(pool: Pool): ArbTrade {
  return { tokenIn: null, amountIn: 0, amountOut: 0, profitY: 0, poolAfter: pool };
}

function quoteArb(pool: Pool, priceYPerX: number, tokenIn: Token, amountIn: number): ArbQuote {
  if (!(amountIn > 0)) return NO_QUOTE;
  const amountOut = swapAmountOut(pool, tokenIn, amountIn);
  const profitY = tokenIn === 'Y' ? priceYPerX * amountOut - amountIn : amountOut - priceYPerX * amountIn;
  return { tokenIn, amountIn, amountOut, profitY: Math.max(0, profitY) };
}
