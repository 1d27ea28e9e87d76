import { describe, expect, it } from 'vitest';
import {
  tullockActiveCount,
  tullockEquilibrium,
  tullockPayoff,
} from '../../../src/market/theory/tullock.js';
import { fairness } from '../../../src/market/metrics/fairness.js';
import { bestDeviationGain, grid } from './deviation.js';

describe('Tullock α = 1 equilibrium (Hillman & Riley 1989; Stein 2002)', () => {
  it("reproduces the essay's example, values (4, 2)", () => {
    // Neuder, Garimidi & Roughgarden (2024): bids (8/9, 4/9), allocations (2/3, 1/3),
    // revenue 4/3, fairness sqrt(1/3 · 2/3) ≈ 0.471.
    const eq = tullockEquilibrium([4, 2]);
    expect(eq.bids[0]).toBeCloseTo(8 / 9, 12);
    expect(eq.bids[1]).toBeCloseTo(4 / 9, 12);
    expect(eq.winProbabilities[0]).toBeCloseTo(2 / 3, 12);
    expect(eq.winProbabilities[1]).toBeCloseTo(1 / 3, 12);
    expect(eq.revenue).toBeCloseTo(4 / 3, 12);
    expect(fairness(eq.winProbabilities[0]!, eq.winProbabilities[1]!)).toBeCloseTo(0.4714, 4);
    // payoffs v_i x_i − b_i: 4·2/3 − 8/9 = 16/9, 2·1/3 − 4/9 = 2/9
    expect(eq.payoffs[0]).toBeCloseTo(16 / 9, 12);
    expect(eq.payoffs[1]).toBeCloseTo(2 / 9, 12);
  });

  it('two players match the essay closed form b_i = v_i² v_j / (v_i + v_j)²', () => {
    const [v1, v2] = [5, 3];
    const eq = tullockEquilibrium([v1, v2]);
    expect(eq.bids[0]).toBeCloseTo((v1 * v1 * v2) / (v1 + v2) ** 2, 12); // 75/64
    expect(eq.bids[1]).toBeCloseTo((v2 * v2 * v1) / (v1 + v2) ** 2, 12); // 45/64
  });

  it('symmetric n = 3, v = 1: b* = (n − 1) v / n² = 2/9 each, revenue 2/3', () => {
    const eq = tullockEquilibrium([1, 1, 1]);
    for (const b of eq.bids) expect(b).toBeCloseTo(2 / 9, 12);
    expect(eq.revenue).toBeCloseTo(2 / 3, 12);
  });

  it('Stein-style example (4, 2, 1): the low-value player is inactive', () => {
    // Player 3 is active iff v3 (1/v1 + 1/v2) > 3 − 2, i.e. 1 · 3/4 > 1: false.
    // So k = 2, X = 1/(1/4 + 1/2) = 4/3 > v3 = 1, and the outcome equals the two-player one.
    const eq = tullockEquilibrium([1, 4, 2]); // any order
    expect(eq.activeSet).toEqual([1, 2]);
    expect(eq.bids).toEqual([0, expect.closeTo(8 / 9, 12), expect.closeTo(4 / 9, 12)]);
    expect(eq.winProbabilities[0]).toBe(0);
    expect(eq.payoffs[0]).toBe(0);
  });

  it('(3, 3, 3, 1): three active, X = 2, b = 2/3 each, the 1-value player out', () => {
    // j = 4: v4 · Σ_{i<4} 1/v_i = 1 · 1 = 1 ≤ 4 − 2 → inactive; X = (3 − 1)/(3 · 1/3) = 2.
    const eq = tullockEquilibrium([3, 3, 3, 1]);
    expect(eq.totalSpend).toBeCloseTo(2, 12);
    for (const b of eq.bids.slice(0, 3)) expect(b).toBeCloseTo(2 / 3, 12);
    expect(eq.bids[3]).toBe(0);
  });

  it('(4, 2, 2): all three active, X = 2 / (1/4 + 1/2 + 1/2) = 1.6, b = (0.96, 0.32, 0.32)', () => {
    const eq = tullockEquilibrium([4, 2, 2]);
    expect(tullockActiveCount([4, 2, 2])).toBe(3);
    expect(eq.totalSpend).toBeCloseTo(1.6, 12);
    expect(eq.bids[0]).toBeCloseTo(0.96, 12);
    expect(eq.bids[1]).toBeCloseTo(0.32, 12);
    expect(eq.bids[2]).toBeCloseTo(0.32, 12);
  });

  it('no player gains by a unilateral deviation on a fine grid', () => {
    for (const values of [[4, 2], [4, 2, 1], [4, 2, 2], [3, 3, 3, 1], [10, 7, 6, 2, 1]]) {
      const eq = tullockEquilibrium(values);
      values.forEach((v, i) => {
        const payoffAt = (b: number) => {
          const bids = [...eq.bids];
          bids[i] = b;
          return tullockPayoff(i, bids, values, 1);
        };
        const b = eq.bids[i]!;
        const local = [b * 0.999, b * 1.001, b + 1e-4];
        expect(bestDeviationGain(payoffAt, b, grid(v, 4000, local))).toBeLessThanOrEqual(1e-12);
      });
    }
  });

  it('rejects fewer than two or non-positive values', () => {
    expect(() => tullockEquilibrium([4])).toThrow(RangeError);
    expect(() => tullockEquilibrium([4, 0])).toThrow(/value 1/);
  });
});
