import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPool,
  otherToken,
  quoteExactIn,
  swapExactIn,
  swapExactOut,
} from '../../../src/market/amm/index.js';
import { poolArb, relClose, relativeSizeArb, reserveOf, tokenArb } from './arbitraries.js';

describe('swapExactOut: hand-computed values', () => {
  it('buying 10 Y from (100, 200) costs 100·10/190 X without fee, and 1/0.997 times that at 0.3%', () => {
    expect(swapExactOut(createPool(100, 200, 0), 'Y', 10).amountIn).toBeCloseTo(1000 / 190, 13);
    const r = swapExactOut(createPool(100, 200, 0.003), 'Y', 10);
    expect(r.amountIn).toBeCloseTo(1000 / 190 / 0.997, 13); // 5.27899487937...
    expect(r.amountOut).toBe(10);
    expect(r.pool.reserveY).toBe(190);
    expect(r.pool.reserveX).toBeCloseTo(100 + 1000 / 190 / 0.997, 12);
  });

  it('rejects an output of the whole reserve or more, and negative outputs', () => {
    const pool = createPool(100, 200, 0.003);
    expect(() => swapExactOut(pool, 'Y', 200)).toThrow(RangeError);
    expect(() => swapExactOut(pool, 'X', 150)).toThrow(RangeError);
    expect(() => swapExactOut(pool, 'X', -1)).toThrow(RangeError);
    expect(swapExactOut(pool, 'X', 0)).toStrictEqual({ pool, amountIn: 0, amountOut: 0 });
  });
});

describe('swapExactIn and swapExactOut are inverses', () => {
  it('exactOut of the quoted output needs exactly the original input and lands on the same pool', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, relativeSizeArb, (pool, tokenIn, rel) => {
        const a = rel * reserveOf(pool, tokenIn);
        const forward = swapExactIn(pool, tokenIn, a);
        const inverse = swapExactOut(pool, otherToken(tokenIn), forward.amountOut);
        expect(relClose(inverse.amountIn, a, 1e-9)).toBe(true);
        expect(relClose(inverse.pool.reserveX, forward.pool.reserveX, 1e-9)).toBe(true);
        expect(relClose(inverse.pool.reserveY, forward.pool.reserveY, 1e-9)).toBe(true);
      }),
    );
  });

  it('exactIn of the input exactOut asked for returns the requested output', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, fc.double({ min: 1e-9, max: 0.999, noNaN: true }), (pool, tokenOut, frac) => {
        const want = frac * reserveOf(pool, tokenOut);
        const r = swapExactOut(pool, tokenOut, want);
        expect(relClose(quoteExactIn(pool, otherToken(tokenOut), r.amountIn), want, 1e-9)).toBe(true);
        expect(r.pool.reserveX * r.pool.reserveY).toBeGreaterThanOrEqual(pool.reserveX * pool.reserveY * (1 - 1e-12));
      }),
    );
  });
});
