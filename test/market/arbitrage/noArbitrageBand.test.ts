import { describe, expect, it } from 'vitest';
import { createPool } from '../../../src/market/amm/index.js';
import { noArbitrageBand } from '../../../src/market/arbitrage/index.js';

describe('noArbitrageBand', () => {
  it('is [spot·(1−f), spot/(1−f)]', () => {
    const band = noArbitrageBand(createPool(100, 200, 0.003));
    expect(band.lower).toBeCloseTo(1.994, 15);
    expect(band.upper).toBeCloseTo(2 / 0.997, 15);
  });

  it('collapses to the spot price without fee', () => {
    expect(noArbitrageBand(createPool(4, 2, 0))).toStrictEqual({ lower: 0.5, upper: 0.5 });
  });
});
