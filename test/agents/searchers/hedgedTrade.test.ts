import { describe, expect, it } from 'vitest';
import { bestHedgedTrade, realisedY } from '../../../src/agents/searchers/hedgedTrade.js';
import { createPool, quoteExactIn } from '../../../src/market/amm/index.js';

const P = 2000;
const pool = createPool(1000, 1000 * P * 0.95, 0); // 5 % below the reference: buy X with Y

describe('bestHedgedTrade: sizing a CEX-DEX trade for the hedge net of fee and depth', () => {
  it('fee only: the closed-form optimum against the net price P(1 − f), a* = √(P(1 − f)xy) − y (Angeris et al. 2019)', () => {
    const t = bestHedgedTrade(pool, 'Y', 1e9, P, { feeBp: 50 })!;
    expect(t.amountIn / (Math.sqrt(P * 0.995 * pool.reserveX * pool.reserveY) - pool.reserveY)).toBeCloseTo(1, 6);
    expect(t.profitY).toBeCloseTo(realisedY(t.amountOut * P, { feeBp: 50 }) - t.amountIn, 9);
  });

  it('depth D: first-order condition — the net is maximal at the chosen size, and smaller than without depth', () => {
    const cex = { feeBp: 0, depthY: 20_000 };
    const t = bestHedgedTrade(pool, 'Y', 1e9, P, cex)!;
    const net = (a: number) => realisedY(quoteExactIn(pool, 'Y', a) * P, cex) - a;
    expect(net(t.amountIn)).toBeGreaterThanOrEqual(net(t.amountIn * 1.001));
    expect(net(t.amountIn)).toBeGreaterThanOrEqual(net(t.amountIn * 0.999));
    expect(t.amountIn).toBeLessThan(bestHedgedTrade(pool, 'Y', 1e9, P, { feeBp: 0 })!.amountIn);
  });

  it('selling X (pool above the reference): the same optimum against P/(1 − f), b* = (√(xy(1 − f)/P) − x)', () => {
    const dear = createPool(1000, 1000 * P * 1.05, 0);
    const t = bestHedgedTrade(dear, 'X', 1e9, P, { feeBp: 50 })!;
    expect(t.amountIn / (Math.sqrt((dear.reserveX * dear.reserveY * 0.995) / P) - dear.reserveX)).toBeCloseTo(1, 6);
  });

  it('a fee larger than the gap: no trade', () => {
    expect(bestHedgedTrade(pool, 'Y', 1e9, P, { feeBp: 600 })).toBeNull();
  });
});
