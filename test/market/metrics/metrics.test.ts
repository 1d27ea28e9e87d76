import { describe, expect, it } from 'vitest';
import { fairness, geometricMeanAllocation } from '../../../src/market/metrics/fairness.js';
import { herfindahlIndex } from '../../../src/market/metrics/herfindahlIndex.js';
import { nakamotoCoefficient } from '../../../src/market/metrics/nakamotoCoefficient.js';
import { normalizedEntropy } from '../../../src/market/metrics/normalizedEntropy.js';
import { mevOracleAccuracy, revenue } from '../../../src/market/metrics/revenue.js';
import { toShares } from '../../../src/market/metrics/shares.js';
import { topKShare } from '../../../src/market/metrics/topKShare.js';

describe('fairness sqrt(x1·x2) (Neuder, Garimidi & Roughgarden 2024, §3)', () => {
  it("reproduces the essay: Proportional-all-pay (2/3, 1/3) ≈ 0.471, Winner-take-all (1, 0) = 0", () => {
    expect(fairness(2 / 3, 1 / 3)).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(fairness(2 / 3, 1 / 3)).toBeCloseTo(0.471, 3);
    expect(fairness(1, 0)).toBe(0);
    expect(fairness(0.5, 0.5)).toBe(0.5); // the maximum for x1 + x2 = 1
  });

  it('generalises to the geometric mean of n allocations', () => {
    expect(geometricMeanAllocation([2 / 3, 1 / 3])).toBeCloseTo(fairness(2 / 3, 1 / 3), 12);
    expect(geometricMeanAllocation([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(0.25, 12);
    expect(geometricMeanAllocation([0.5, 0.5, 0])).toBe(0);
  });

  it('rejects allocations outside [0, 1]', () => {
    expect(() => fairness(1.2, 0)).toThrow(/x1/);
    expect(() => geometricMeanAllocation([])).toThrow(RangeError);
  });
});

describe('concentration measures', () => {
  it('normalised entropy: 1 for equal shares, 0 for a monopoly, H/ln n otherwise', () => {
    expect(normalizedEntropy([1, 1, 1, 1])).toBeCloseTo(1, 12);
    expect(normalizedEntropy([5, 0, 0])).toBe(0);
    // shares (1/2, 1/4, 1/4): H = 1.5 ln 2, normalised by ln 3
    expect(normalizedEntropy([2, 1, 1])).toBeCloseTo((1.5 * Math.LN2) / Math.log(3), 12);
    expect(normalizedEntropy([3])).toBe(0);
  });

  it('HHI = Σ s²: 1/n for equal shares, 5/9 for (2/3, 1/3)', () => {
    expect(herfindahlIndex([1, 1, 1, 1, 1])).toBeCloseTo(0.2, 12);
    expect(herfindahlIndex([2, 1])).toBeCloseTo(5 / 9, 12);
    expect(herfindahlIndex([7])).toBe(1);
  });

  it('top-k share', () => {
    expect(topKShare([5, 3, 1, 1], 1)).toBeCloseTo(0.5, 12);
    expect(topKShare([5, 3, 1, 1], 3)).toBeCloseTo(0.9, 12);
    expect(topKShare([1, 1], 5)).toBe(1);
    expect(() => topKShare([1], 0)).toThrow(/k must/);
  });

  it('Nakamoto coefficient: fewest participants with a combined share > 1/2', () => {
    expect(nakamotoCoefficient([2, 1])).toBe(1);
    expect(nakamotoCoefficient([1, 1])).toBe(2); // exactly 1/2 is not a majority
    expect(nakamotoCoefficient([0.4, 0.3, 0.3])).toBe(2);
    expect(nakamotoCoefficient([0.2, 0.1, 0.2, 0.1, 0.2, 0.2])).toBe(3); // 0.2 + 0.2 + 0.2
    expect(nakamotoCoefficient([0.1, 0.2, 0.2, 0.5])).toBe(2); // 0.5 alone is not > 1/2
  });

  it('shares reject negative weights and all-zero weights', () => {
    expect(() => toShares([1, -1])).toThrow(/weight 1/);
    expect(() => toShares([0, 0])).toThrow(RangeError);
    expect(() => herfindahlIndex([])).toThrow(RangeError);
  });
});

describe('revenue', () => {
  it("is the sum of payments: the essay's Tullock revenue 8/9 + 4/9 = 4/3", () => {
    const payments = { perBidder: [8 / 9, 4 / 9], toProposer: 4 / 3, burned: 0, toCommittee: 0, rebateToUser: 0 };
    expect(revenue(payments)).toBeCloseTo(4 / 3, 12);
  });

  it('MEV-oracle accuracy = revenue / value of the winning block', () => {
    expect(mevOracleAccuracy(2, 4)).toBe(0.5);
    expect(() => mevOracleAccuracy(1, 0)).toThrow(/winningValue/);
  });
});

describe('concentration (all measures at once)', () => {
  it('matches the definitions on a hand-computed case: wins (5, 3, 1, 1)', async () => {
    const { concentration } = await import('../../../src/market/metrics/concentration.js');
    const c = concentration([5, 3, 1, 1]);
    // shares 0.5, 0.3, 0.1, 0.1: HHI = 0.25 + 0.09 + 0.01 + 0.01 = 0.36; top-3 = 0.9;
    // Nakamoto: 0.5 is not > 1/2, 0.5 + 0.3 is, so 2; entropy −Σ s ln s / ln 4.
    expect(c.hhi).toBeCloseTo(0.36, 12);
    expect(c.top3_share).toBeCloseTo(0.9, 12);
    expect(c.nakamoto_coefficient).toBe(2);
    const h = -(0.5 * Math.log(0.5) + 0.3 * Math.log(0.3) + 2 * 0.1 * Math.log(0.1)) / Math.log(4);
    expect(c.normalized_entropy).toBeCloseTo(h, 12);
    expect(concentration([0, 0])).toEqual({ hhi: 0, top3_share: 0, nakamoto_coefficient: 0, normalized_entropy: 0 });
  });
});
