import { describe, expect, it } from 'vitest';
import { createPool, poolValueInY } from '../../../src/market/amm/index.js';
import { lvrRatePerYear } from '../../../src/market/theory/lvr.js';

describe('lvrRatePerYear', () => {
  it('is σ²/8 × V (Milionis, Moallemi, Roughgarden, Zhang 2022, constant product)', () => {
    expect(lvrRatePerYear(0.8, 1000)).toBeCloseTo(80, 12); // 0.64/8·1000
    expect(lvrRatePerYear(0.5, 2)).toBeCloseTo(0.0625, 15);
  });

  it('is zero without volatility or without liquidity', () => {
    expect(lvrRatePerYear(0, 1000)).toBe(0);
    expect(lvrRatePerYear(1, 0)).toBe(0);
  });

  it('equals ½σ²P²|x*′(P)| for x*(P) = √(k/P), the general LVR formula', () => {
    const k = 40000;
    const price = 0.25;
    const sigma = 0.6;
    const dxdp = -0.5 * Math.sqrt(k) * price ** -1.5;
    const general = 0.5 * sigma ** 2 * price ** 2 * Math.abs(dxdp);
    const pool = createPool(Math.sqrt(k / price), Math.sqrt(k * price), 0.003);
    expect(lvrRatePerYear(sigma, poolValueInY(pool, price))).toBeCloseTo(general, 12);
  });

  it('rejects negative or non-finite arguments', () => {
    expect(() => lvrRatePerYear(-0.1, 1)).toThrow(RangeError);
    expect(() => lvrRatePerYear(0.1, Number.NaN)).toThrow(RangeError);
  });
});
