import { quoteExactIn } from '../../market/amm/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { SizedTrade } from './cutToCapital.js';

/** The CEX venue a hedging searcher trades on: fee (bp of proceeds) and depth (Y; absent, infinite). */
export interface CexVenue {
  readonly feeBp: number;
  readonly depthY?: number | undefined;
}

/** Y realised by selling value `v` (Y at the reference) on `cex`: (min(v, D) − min(v, D)²/(2D))·(1 − fee); see marketModel/capital.ts `hedgeOnCex`. */
export function realisedY(v: number, cex: CexVenue): number {
  const d = cex.depthY;
  const sold = d === undefined ? v : Math.min(v, d);
  return (sold - (d === undefined ? 0 : (sold * sold) / (2 * d))) * (1 - cex.feeBp / 10_000);
}

/** Golden-section iterations: the bracket shrinks by 0.618 each, to 1e-13 of its width after 62. */
const ITERATIONS = 62;

/**
 * The swap of `tokenIn` on `pool`, at most `maxIn`, whose hedge on `cex` nets the most: Y-in buys
 * X sold on the CEX, X-in sells X for Y sold on the CEX for X. Its net value at the reference price
 * `p`, realisedY(value received) − value paid, is concave in the input (a concave swap output
 * composed with a concave, non-decreasing realisation), so a golden-section search (Kiefer 1953)
 * over [0, maxIn] finds its maximum with a fixed number of quotes. Null when it nets nothing.
 */
export function bestHedgedTrade(pool: Pool, tokenIn: Token, maxIn: number, p: number, cex: CexVenue): SizedTrade | null {
  const net = (a: number) => {
    const out = quoteExactIn(pool, tokenIn, a);
    return tokenIn === 'Y' ? realisedY(out * p, cex) - a : realisedY(out, cex) - a * p;
  };
  const g = (Math.sqrt(5) - 1) / 2;
  let [lo, hi] = [0, maxIn];
  for (let i = 0; i < ITERATIONS && hi - lo > 0; i++) {
    const [m1, m2] = [hi - g * (hi - lo), lo + g * (hi - lo)];
    if (net(m1) < net(m2)) lo = m1;
    else hi = m2;
  }
  const amountIn = (lo + hi) / 2;
  const profitY = net(amountIn);
  if (!(amountIn > 0) || !(profitY > 0)) return null;
  return { tokenIn, amountIn, amountOut: quoteExactIn(pool, tokenIn, amountIn), profitY };
}
