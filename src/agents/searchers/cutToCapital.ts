import { quoteExactIn } from '../../market/amm/index.js';
import type { Pool, Token } from '../../market/amm/types.js';

/** A single swap against the reference price: its input, output and profit (Y at the reference). */
export interface SizedTrade {
  readonly tokenIn: Token;
  readonly amountIn: number;
  readonly amountOut: number;
  readonly profitY: number;
}

/**
 * A swap of `amountIn` of `tokenIn` on `pool` cut to at most `maxIn` (what the searcher can fund:
 * `capital.negative: "forbid"`), with its output quoted on the pool and its profit at the reference
 * price `p`. The profit of a swap against a fixed price is concave in its size (Angeris et al. 2019,
 * arXiv:1911.03380), so below the optimum the largest fundable size is the best one. Null when
 * nothing can be funded.
 */
export function cutToCapital(pool: Pool, tokenIn: Token, amountIn: number, maxIn: number, p: number): SizedTrade | null {
  const size = Math.min(amountIn, maxIn);
  if (!(size > 0)) return null;
  const out = quoteExactIn(pool, tokenIn, size);
  const profitY = tokenIn === 'Y' ? out * p - size : out - size * p;
  return { tokenIn, amountIn: size, amountOut: out, profitY };
}
