import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, spotPrice, swapExactIn, swapToPrice } from '../../../src/market/amm/index.js';
import { poolArb, relClose } from './arbitraries.js';

describe('swapToPrice', () => {
  it('without fee, moving (100, 200) from price 2 to 8 pays 200 Y for 50 X (x = √(k/P))', () => {
    const r = swapToPrice(createPool(100, 200, 0), 8);
    expect(r.tokenIn).toBe('Y');
    expect(r.amountIn).toBeCloseTo(200, 10);
    expect(r.amountOut).toBeCloseTo(50, 10);
    expect(spotPrice(r.pool)).toBeCloseTo(8, 12);
  });

  it('without fee, moving (100, 200) from price 2 to 0.5 pays 100 X for 100 Y', () => {
    const r = swapToPrice(createPool(100, 200, 0), 0.5);
    expect(r.tokenIn).toBe('X');
    expect(r.amountIn).toBeCloseTo(100, 10);
    expect(r.amountOut).toBeCloseTo(100, 10);
  });

  it('with fee, solves (y + a)(y + γa) = T·x·y: from (100, 200) to price 8 at 0.3%', () => {
    // Hand-solved quadratic: 0.997a² + 200·1.997·a + 40000 − 8·100·200 = 0.
    const a = (-399.4 + Math.sqrt(399.4 ** 2 + 4 * 0.997 * 120000)) / (2 * 0.997);
    const r = swapToPrice(createPool(100, 200, 0.003), 8);
    expect(r.amountIn).toBeCloseTo(a, 9);
    expect(spotPrice(r.pool)).toBeCloseTo(8, 12);
  });

  it('does nothing when the pool is already at the target', () => {
    const pool = createPool(100, 200, 0.003);
    expect(swapToPrice(pool, 2)).toStrictEqual({ pool, amountIn: 0, amountOut: 0, tokenIn: 'Y' });
  });

  it('rejects a non-positive target', () => {
    expect(() => swapToPrice(createPool(1, 1, 0), 0)).toThrow(RangeError);
  });

  it('lands on the target price, trading in the right direction', () => {
    fc.assert(
      fc.property(poolArb, fc.double({ min: -7, max: 7, noNaN: true }), (pool, log10Multiple) => {
        const target = spotPrice(pool) * 10 ** log10Multiple;
        const r = swapToPrice(pool, target);
        expect(relClose(spotPrice(r.pool), target, 1e-9)).toBe(true);
        if (target > spotPrice(pool)) expect(r.tokenIn).toBe('Y');
        if (target < spotPrice(pool)) expect(r.tokenIn).toBe('X');
        expect(r.pool).toStrictEqual(swapExactIn(pool, r.tokenIn, r.amountIn).pool);
      }),
    );
  });
});
