import { quoteExactIn, swapExactOut } from '../../market/amm/index.js';
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

/** A two-pool cycle: Y paid on the buy pool, X bought and sold on the other pool, Y received. */
export interface SizedCycle {
  readonly amountYIn: number;
  readonly amountX: number;
  readonly amountYOut: number;
  readonly profitY: number;
}

/**
 * A cross-pool cycle paying `amountYIn` on `buyPool`, cut so it spends at most `maxY` of Y there and
 * sells at most `maxX` of X on `sellPool` (what the searcher holds on each rollup: the two legs run
 * on different rollups, so the X sold must already be held on the selling one). The cycle's profit
 * is concave in the Y paid in (a composition of two constant-product swaps, Wang et al. 2022,
 * arXiv:2105.02784), so the largest fundable size is the best one below the optimum. Null when
 * nothing can be funded.
 */
export function cutCycleToCapital(buyPool: Pool, sellPool: Pool, amountYIn: number, maxY: number, maxX: number): SizedCycle | null {
  if (!(maxY > 0) || !(maxX > 0)) return null;
  // Y it takes to buy maxX of X on the buy pool (none can be bought past its reserve).
  const yForMaxX = maxX < buyPool.reserveX ? swapExactOut(buyPool, 'X', maxX).amountIn : Infinity;
  const yIn = Math.min(amountYIn, maxY, yForMaxX);
  const amountX = Math.min(quoteExactIn(buyPool, 'Y', yIn), maxX);
  const amountYOut = quoteExactIn(sellPool, 'X', amountX);
  return { amountYIn: yIn, amountX, amountYOut, profitY: amountYOut - yIn };
}
