import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPool, marginalRateExactIn, quoteExactIn } from '../../../src/market/amm/index.js';
import { poolArb, relClose, relativeSizeArb, reserveOf, tokenArb } from './arbitraries.js';

describe('marginalRateExactIn', () => {
  it('at zero size is the spot price net of the fee', () => {
    expect(marginalRateExactIn(createPool(100, 200, 0.003), 'X', 0)).toBeCloseTo(2 * 0.997, 15);
    expect(marginalRateExactIn(createPool(100, 200, 0.003), 'Y', 0)).toBeCloseTo(0.5 * 0.997, 15);
  });

  it('is the derivative of quoteExactIn (central difference)', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, fc.double({ min: 1e-3, max: 10, noNaN: true }), (pool, t, rel) => {
        const a = rel * reserveOf(pool, t);
        const h = a * 1e-5;
        const numeric = (quoteExactIn(pool, t, a + h) - quoteExactIn(pool, t, a - h)) / (2 * h);
        expect(relClose(marginalRateExactIn(pool, t, a), numeric, 1e-6)).toBe(true);
      }),
    );
  });

  it('decreases with size (the output is concave)', () => {
    fc.assert(
      fc.property(poolArb, tokenArb, relativeSizeArb, (pool, t, rel) => {
        const a = rel * reserveOf(pool, t);
        expect(marginalRateExactIn(pool, t, a)).toBeLessThanOrEqual(marginalRateExactIn(pool, t, 0));
      }),
    );
  });
});
