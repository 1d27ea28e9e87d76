import { describe, expect, it } from 'vitest';
import { coefficientOfVariation } from '../../../src/market/metrics/coefficientOfVariation.js';
import { giniCoefficient } from '../../../src/market/metrics/giniCoefficient.js';

describe('reward dispersion', () => {
  it('Gini: 0 for equal values, (n−1)/n when one holds everything, 1/4 for (1, 3) (mean absolute difference ÷ 2·mean = 2·2/(2²·2·2))', () => {
    expect(giniCoefficient([5, 5, 5, 5])).toBe(0);
    expect(giniCoefficient([0, 0, 0, 7])).toBeCloseTo(3 / 4, 15);
    expect(giniCoefficient([1, 3])).toBeCloseTo(1 / 4, 15);
    expect(giniCoefficient([3, 1])).toBeCloseTo(1 / 4, 15);
    expect(giniCoefficient([])).toBe(0);
  });

  it('coefficient of variation: σ/μ with the population σ — (1, 3) has σ = 1, μ = 2', () => {
    expect(coefficientOfVariation([1, 3])).toBeCloseTo(0.5, 15);
    expect(coefficientOfVariation([4, 4, 4])).toBe(0);
    expect(coefficientOfVariation([0, 0])).toBe(0);
  });
});
