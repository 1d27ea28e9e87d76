import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPool,
  marginalRateExactIn,
  quoteExactIn,
  spotPrice,
} from '../../../src/market/amm/index.js';
import type { Pool } from '../../../src/market/amm/index.js';
import { noArbitrageBand, optimalArbAgainstPrice } from '../../../src/market/arbitrage/index.js';
import { poolArb, relClose } from '../amm/arbitraries.js';
import { gridThenGoldenMax } from './maximize.js';

/**
 * Closed-form optimal profit against external price P, γ = 1 − fee (Angeris, Kao, Chiang, Noyes,
 * Chitra 2019, "An analysis of Uniswap markets", optimal arbitrage of a CPMM with fee):
 * buying X it is (√(γPx) − √y)²/γ, selling X it is (√(γy) − √(Px))²/γ.
 */
function closedFormProfitY(pool: Pool, price: number): number {
  const g = 1 - pool.fee;
  const { reserveX: x, reserveY: y } = pool;
  if (g * price > spotPrice(pool)) return (Math.sqrt(g * price * x) - Math.sqrt(y)) ** 2 / g;
  if (price < g * spotPrice(pool)) return (Math.sqrt(g * y) - Math.sqrt(price * x)) ** 2 / g;
  return 0;
}

/** Profit in Y of paying `amountIn` of `tokenIn` against external price P. */
function profitOf(pool: Pool, price: number, tokenIn: 'X' | 'Y', amountIn: number): number {
  const out = quoteExactIn(pool, tokenIn, amountIn);
  return tokenIn === 'Y' ? price * out - amountIn : out - price * amountIn;
}

/** External prices outside the band: spot·10^k for |k| ≥ a bit more than the band's log-width. */
const outsidePriceArb = fc
  .tuple(poolArb, fc.double({ min: 0.001, max: 3, noNaN: true }), fc.boolean())
  .map(([pool, log10Gap, up]) => {
    const band = noArbitrageBand(pool);
    const price = up ? band.upper * 10 ** log10Gap : band.lower / 10 ** log10Gap;
    return { pool, price };
  });

describe('optimalArbAgainstPrice: hand-computed', () => {
  it('(100, 200) at 0.3% against P = 2.5: a* = (√(0.997·2.5·20000) − 200)/0.997', () => {
    const pool = createPool(100, 200, 0.003);
    const trade = optimalArbAgainstPrice(pool, 2.5);
    expect(trade.tokenIn).toBe('Y');
    expect(trade.amountIn).toBeCloseTo((Math.sqrt(49850) - 200) / 0.997, 10); // 23.3411590949
    expect(trade.amountOut).toBeCloseTo(10.422814195522148, 10);
    expect(trade.profitY).toBeCloseTo((Math.sqrt(249.25) - Math.sqrt(200)) ** 2 / 0.997, 10); // 2.7158763939
  });

  it('without fee, sells X until the pool price equals P: (100, 200) against P = 0.5 → (200, 100)', () => {
    const trade = optimalArbAgainstPrice(createPool(100, 200, 0), 0.5);
    expect(trade.tokenIn).toBe('X');
    expect(trade.amountIn).toBeCloseTo(100, 10);
    expect(trade.amountOut).toBeCloseTo(100, 10);
    expect(trade.profitY).toBeCloseTo(50, 10); // 100 Y received for 100 X worth 50 Y
    expect(spotPrice(trade.poolAfter)).toBeCloseTo(0.5, 12);
  });

  it('rejects a non-positive price', () => {
    expect(() => optimalArbAgainstPrice(createPool(1, 1, 0), 0)).toThrow(RangeError);
  });
});

describe('optimalArbAgainstPrice: properties', () => {
  it('does not trade for any price inside the no-arbitrage band (edges included)', () => {
    fc.assert(
      fc.property(poolArb, fc.double({ min: 0, max: 1, noNaN: true }), (pool, u) => {
        const { lower, upper } = noArbitrageBand(pool);
        const price = Math.min(upper, Math.max(lower, lower * (upper / lower) ** u));
        const trade = optimalArbAgainstPrice(pool, price);
        expect(trade).toStrictEqual({ tokenIn: null, amountIn: 0, amountOut: 0, profitY: 0, poolAfter: pool });
      }),
    );
  });

  it('earns the closed-form profit outside the band', () => {
    fc.assert(
      fc.property(outsidePriceArb, ({ pool, price }) => {
        const trade = optimalArbAgainstPrice(pool, price);
        expect(trade.tokenIn).toBe(price > spotPrice(pool) ? 'Y' : 'X');
        const scale = price * pool.reserveX + pool.reserveY;
        expect(Math.abs(trade.profitY - closedFormProfitY(pool, price))).toBeLessThanOrEqual(1e-9 * scale);
        expect(trade.profitY).toBeGreaterThan(0);
      }),
    );
  });

  it('matches a numerical maximisation of the same profit function', () => {
    fc.assert(
      fc.property(outsidePriceArb, ({ pool, price }) => {
        const trade = optimalArbAgainstPrice(pool, price);
        const tokenIn = trade.tokenIn ?? 'Y';
        // a* ≤ R_in·r/γ with r the price ratio, so this bracket contains the maximiser.
        const ratio = Math.max(price / spotPrice(pool), spotPrice(pool) / price);
        const reserveIn = tokenIn === 'Y' ? pool.reserveY : pool.reserveX;
        const hi = (reserveIn * ratio) / (1 - pool.fee) + reserveIn;
        const best = gridThenGoldenMax((a) => profitOf(pool, price, tokenIn, a), 0, hi);
        const scale = price * pool.reserveX + pool.reserveY;
        expect(best.value).toBeLessThanOrEqual(trade.profitY + 1e-12 * scale);
        expect(Math.abs(best.value - trade.profitY)).toBeLessThanOrEqual(1e-9 * scale);
        expect(relClose(best.x, trade.amountIn, 1e-4)).toBe(true);
      }),
    );
  });

  it('stops where the post-fee marginal price of the last unit equals the external price', () => {
    // First-order condition: buying X, P·out'(a*) = 1; selling X, out'(b*) = P.
    fc.assert(
      fc.property(outsidePriceArb, ({ pool, price }) => {
        const trade = optimalArbAgainstPrice(pool, price);
        if (trade.tokenIn === null) throw new Error('expected a trade');
        const rate = marginalRateExactIn(pool, trade.tokenIn, trade.amountIn);
        const marginalPriceYPerX = trade.tokenIn === 'Y' ? 1 / rate : rate;
        expect(relClose(marginalPriceYPerX, price, 1e-9)).toBe(true);
      }),
    );
  });

  it('leaves no further arbitrage: the external price lies inside the new band', () => {
    fc.assert(
      fc.property(outsidePriceArb, ({ pool, price }) => {
        const after = optimalArbAgainstPrice(pool, price).poolAfter;
        const { lower, upper } = noArbitrageBand(after);
        expect(price).toBeGreaterThanOrEqual(lower * (1 - 1e-12));
        expect(price).toBeLessThanOrEqual(upper * (1 + 1e-12));
        const scale = price * pool.reserveX + pool.reserveY;
        expect(optimalArbAgainstPrice(after, price).profitY).toBeLessThanOrEqual(1e-12 * scale);
      }),
    );
  });
});
