import { describe, expect, it } from 'vitest';
import {
  createPool,
  otherToken,
  poolValueInY,
  spotPrice,
} from '../../../src/market/amm/index.js';

describe('createPool', () => {
  it('returns the reserves and fee it was given', () => {
    expect(createPool(100, 200, 0.003)).toStrictEqual({ reserveX: 100, reserveY: 200, fee: 0.003 });
  });

  it.each([
    [0, 1, 0],
    [-1, 1, 0],
    [1, 0, 0],
    [1, Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 1, 0],
    [1, 1, -0.01],
    [1, 1, 1],
    [1, 1, Number.NaN],
  ])('rejects reserveX=%s reserveY=%s fee=%s with a RangeError', (x, y, f) => {
    expect(() => createPool(x, y, f)).toThrow(RangeError);
  });
});

describe('spotPrice', () => {
  it('is reserveY / reserveX, in Y per X', () => {
    expect(spotPrice(createPool(100, 250, 0.003))).toBe(2.5);
  });
});

describe('otherToken', () => {
  it('swaps X and Y', () => {
    expect(otherToken('X')).toBe('Y');
    expect(otherToken('Y')).toBe('X');
  });
});

describe('poolValueInY', () => {
  it('is reserveX·price + reserveY', () => {
    expect(poolValueInY(createPool(100, 200, 0), 3)).toBe(500);
  });

  it('equals 2√(k·P) when the pool is priced at P (the V of the LVR formulas)', () => {
    const pool = createPool(400, 100, 0.003); // spot 0.25, k = 40000
    expect(poolValueInY(pool, 0.25)).toBeCloseTo(2 * Math.sqrt(40000 * 0.25), 12);
  });

  it('rejects a negative price', () => {
    expect(() => poolValueInY(createPool(1, 1, 0), -1)).toThrow(RangeError);
  });
});
