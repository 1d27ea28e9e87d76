import { describe, expect, it } from 'vitest';
import {
  binomialTail,
  committeeFloorMoments,
  expectedCommitteeFloor,
  seenProbability,
} from '../../../src/market/theory/committeeFloor.js';

describe('committee floor theory', () => {
  it('seen probability is the exponential CDF of the slack D − t − L', () => {
    expect(seenProbability(1200, 100, 200, 1500)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(seenProbability(1450, 100, 200, 1500)).toBe(0);
    expect(seenProbability(0, 100, 0, 1500)).toBe(1);
  });

  it('binomial tails: P(Bin(3, 1/2) >= 2) = 1/2, P(Bin(4, 1/2) >= 3) = 5/16, edge cases', () => {
    expect(binomialTail(3, 0.5, 2)).toBeCloseTo(0.5, 12);
    expect(binomialTail(4, 0.5, 3)).toBeCloseTo(5 / 16, 12);
    expect(binomialTail(5, 0.2, 0)).toBe(1);
    expect(binomialTail(5, 0.2, 6)).toBe(0);
    expect(binomialTail(5, 1, 5)).toBe(1);
    expect(binomialTail(5, 0, 1)).toBe(0);
  });

  it('one bid seen w.p. q: E[F] = a · P(Bin(n, q) >= r)', () => {
    // n = 3, q = 1/2, majority r = 2 → a/2; max rule r = 1 → a · (1 − 1/8); min rule r = 3 → a/8
    expect(expectedCommitteeFloor([{ amount: 4, seenProbability: 0.5 }], 3, 'majority')).toBeCloseTo(2, 12);
    expect(expectedCommitteeFloor([{ amount: 4, seenProbability: 0.5 }], 3, 'max')).toBeCloseTo(3.5, 12);
    expect(expectedCommitteeFloor([{ amount: 4, seenProbability: 0.5 }], 3, 'min')).toBeCloseTo(0.5, 12);
  });

  it('a late high bid over an always-seen low bid: F ∈ {1, 2} each with probability 1/2', () => {
    const bids = [
      { amount: 2, seenProbability: 0.5 },
      { amount: 1, seenProbability: 1 },
    ];
    const { mean, variance } = committeeFloorMoments(bids, 3, 'majority');
    expect(mean).toBeCloseTo(1.5, 12);
    expect(variance).toBeCloseTo(0.25, 12);
  });
});
