import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPool,
  otherToken,
  priceAfterSwap,
  quoteExactIn,
  swapExactIn,
} from '../../../src/market/amm/index.js';
import {
  feelessPoolArb,
  poolArb,
  relClose,
  relativeSizeArb,
  reserveOf,
  tokenArb,
} from './arbitraries.js';

const product = (p: { reserveX: number; reserveY: number }): number => p.reserveX * p.reserveY;

describe('swapExactIn: hand-computed values', () => {
  it('matches Uniswap v2 getAmountOut: 1 in against 1000/1000 at 0.3% gives 997/1000.997', () => {
    const r = swapExactIn(createPool(1000, 1000, 0.003), 'X', 1);
    expect(r.amountOut).toBeCloseTo(997 / 1000.997, 15); // 0.99600698...
  });

  it('10 X into (100, 200) at 0.3%: out = 200·9.97/109.97, fee stays in the pool', () => {
    const r = swapExactIn(createPool(100, 200, 0.003), 'X', 10);
    expect(r.amountIn).toBe(10);
    expect(r.amountOut).toBeCloseTo(1994 / 109.97, 12); // 18.1322178776...
    expect(r.pool.reserveX).toBe(110);
    expect(r.pool.reserveY).toBeCloseTo(20000 / 109.97, 12); // 181.867782122...
    expect(product(r.pool)).toBeCloseTo(20005.456033463674, 9); // k grew by the fee
    expect(r.pool.fee).toBe(0.003);
  });

  it('without fee, 10 X into (100, 200) keeps k = 20000 and pays 2000/110', () => {
    const r = swapExactIn(createPool(100, 200, 0), 'X', 10);
    expect(r.amountOut).toBeCloseTo(2000 / 110, 13);
    expect(product(r.pool)).toBeCloseTo(20000, 9);
  });

  it('paying Y buys X and raises the price', () => {
    const pool = createPool(100, 200, 0);
    const r = swapExactIn(pool, 'Y', 200); // y doubles, x halves
    expect(r.amountOut).toBeCloseTo(50, 12);
    expect(priceAfterSwap(pool, 'Y', 200)).toBeCloseTo(8, 12);
  });

  it('a zero input changes nothing', () => {
    const pool = createPool(100, 200, 0.003);
    expect(swapExactIn(pool, 'Y', 0)).toStrictEqual({ pool, amountIn: 0, amountOut: 0 });
    expect(quoteExactIn(pool, 'Y', 0)).toBe(0);
  });

  it('rejects negative or non-finite inputs', () => {
    const pool = createPool(100, 200, 0.003);
    expect(() => swapExactIn(pool, 'X', -1)).toThrow(RangeError);
    expect(() => swapExactIn(pool, 'X', Number.NaN)).toThrow(RangeError);
    expect(() => quoteExactIn(pool, 'X', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('does not mutate the input pool', () => {
    const pool = Object.freeze(createPool(100, 200, 0.003));
    swapExactIn(pool, 'X', 5);
    expect(pool).toStrictEqual({ reserveX: 100, reserveY: 200, fee: 0.003 });
  });
});

describe('swapExactIn: properties', () => {
  it('x·y never decreases, reserves stay positive and finite', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, relativeSizeArb, (pool, t, rel) => {
        const r = swapExactIn(pool, t, rel * reserveOf(pool, t));
        expect(r.pool.reserveX).toBeGreaterThan(0);
        expect(r.pool.reserveY).toBeGreaterThan(0);
        expect(Number.isFinite(r.pool.reserveX) && Number.isFinite(r.pool.reserveY)).toBe(true);
        // Float tolerance: a few ulps of the product.
        expect(product(r.pool)).toBeGreaterThanOrEqual(product(pool) * (1 - 1e-12));
      }),
    );
  });

  it('x·y is constant without fee (to float tolerance)', () => {
    fc.assert(
      fc.property(feelessPoolArb, tokenArb, relativeSizeArb, (pool, t, rel) => {
        const r = swapExactIn(pool, t, rel * reserveOf(pool, t));
        expect(relClose(product(r.pool), product(pool), 1e-12)).toBe(true);
      }),
    );
  });

  it('the amount out equals what leaves the pool and never exceeds its reserve', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, relativeSizeArb, (pool, t, rel) => {
        const r = swapExactIn(pool, t, rel * reserveOf(pool, t));
        const out = otherToken(t);
        expect(r.amountOut).toBeLessThan(reserveOf(pool, out));
        const left = reserveOf(pool, out) - reserveOf(r.pool, out);
        expect(Math.abs(left - r.amountOut)).toBeLessThanOrEqual(1e-12 * reserveOf(pool, out));
        expect(r.amountOut).toBe(quoteExactIn(pool, t, r.amountIn));
      }),
    );
  });

  it('round trip X→Y→X returns a·γ²(x + a)/(x + γ²a): exactly the two fees are lost', () => {
    // Swap a of X for b = yγa/(x + γa); the pool is then (x + a, xy/(x + γa)). Swapping b back
    // gives (x + a)·γb/(xy/(x + γa) + γb) = a·γ²(x + a)/(x + γ²a), which is a when γ = 1 and
    // < a otherwise: the loss a·x(1 − γ²)/(x + γ²a) is the fees paid, left in the pool.
    fc.assert(
      fc.property(poolArb, relativeSizeArb, (pool, rel) => {
        const a = rel * pool.reserveX;
        const there = swapExactIn(pool, 'X', a);
        const back = swapExactIn(there.pool, 'Y', there.amountOut);
        const g2 = (1 - pool.fee) ** 2;
        const expected = (a * g2 * (pool.reserveX + a)) / (pool.reserveX + g2 * a);
        expect(relClose(back.amountOut, expected, 1e-9)).toBe(true);
        expect(back.amountOut).toBeLessThanOrEqual(a * (1 + 1e-12));
      }),
    );
  });

  it('hand-computed round trip: 10 X into (100, 200) at 0.3% returns 9.9455066846', () => {
    const pool = createPool(100, 200, 0.003);
    const there = swapExactIn(pool, 'X', 10);
    expect(swapExactIn(there.pool, 'Y', there.amountOut).amountOut).toBeCloseTo(9.945506684595218, 10);
  });

  it('output is increasing and concave in the input', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, relativeSizeArb, relativeSizeArb, (pool, t, r1, r2) => {
        const [lo, hi] = [Math.min(r1, r2) * reserveOf(pool, t), Math.max(r1, r2) * reserveOf(pool, t)];
        const outLo = quoteExactIn(pool, t, lo);
        const outHi = quoteExactIn(pool, t, hi);
        const outMid = quoteExactIn(pool, t, (lo + hi) / 2);
        expect(outHi).toBeGreaterThanOrEqual(outLo * (1 - 1e-12)); // strictly, up to rounding
        expect(outMid).toBeGreaterThanOrEqual(((outLo + outHi) / 2) * (1 - 1e-12));
      }),
    );
  });
});
