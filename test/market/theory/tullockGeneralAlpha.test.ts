import { describe, expect, it } from 'vitest';
import { tullockPayoff } from '../../../src/market/theory/tullock.js';
import {
  hasSymmetricPureEquilibrium,
  hasTwoPlayerPureEquilibrium,
  tullockSymmetricEquilibrium,
  tullockTwoPlayerEquilibrium,
} from '../../../src/market/theory/tullockGeneralAlpha.js';
import { bestDeviationGain, grid } from './deviation.js';

function deviationGain(values: readonly number[], bids: readonly number[], alpha: number, i: number): number {
  const payoffAt = (b: number) => {
    const profile = [...bids];
    profile[i] = b;
    return tullockPayoff(i, profile, values, alpha);
  };
  return bestDeviationGain(payoffAt, bids[i]!, grid(values[i]!, 4000, [bids[i]! * 1.001, bids[i]! * 0.999]));
}

describe('symmetric n-player Tullock with exponent α', () => {
  it('b* = α (n − 1) v / n²: n = 3, α = 1, v = 1 → 2/9; n = 2, α = 2, v = 1 → 1/2 (zero payoff)', () => {
    expect(tullockSymmetricEquilibrium(3, 1, 1).expectedBids[0]).toBeCloseTo(2 / 9, 12);
    const boundary = tullockSymmetricEquilibrium(2, 1, 2);
    expect(boundary.expectedBids[0]).toBeCloseTo(1 / 2, 12);
    expect(boundary.payoffs[0]).toBeCloseTo(0, 12);
  });

  it('exists iff α <= n/(n − 1) (Pérez-Castrillo & Verdier 1992)', () => {
    expect(hasSymmetricPureEquilibrium(2, 2)).toBe(true);
    expect(hasSymmetricPureEquilibrium(2, 2.01)).toBe(false);
    expect(hasSymmetricPureEquilibrium(3, 1.5)).toBe(true);
    expect(hasSymmetricPureEquilibrium(3, 1.6)).toBe(false);
    expect(() => tullockSymmetricEquilibrium(3, 1, 1.6)).toThrow(/no symmetric pure equilibrium/);
  });

  it('is an equilibrium on a grid for α ∈ {0.5, 1, 1.2, 1.5} with n = 3', () => {
    for (const alpha of [0.5, 1, 1.2, 1.5]) {
      const eq = tullockSymmetricEquilibrium(3, 1, alpha);
      for (let i = 0; i < 3; i += 1) {
        expect(deviationGain(eq.values, eq.expectedBids, alpha, i)).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  it('beyond the bound the FOC profile is not an equilibrium: dropping out (b = 0) pays', () => {
    const alpha = 1.8; // > 3/2 for n = 3
    const b = (alpha * 2) / 9; // FOC candidate α (n − 1) v / n²
    const values = [1, 1, 1];
    expect(tullockPayoff(0, [b, b, b], values, alpha)).toBeLessThan(0); // 1/3 − 0.4 < 0
  });
});

describe('two-player Tullock with exponent α (Nti 1999)', () => {
  it('α = 1 reduces to the essay: (4, 2) → (8/9, 4/9)', () => {
    const eq = tullockTwoPlayerEquilibrium(4, 2, 1);
    expect(eq.expectedBids[0]).toBeCloseTo(8 / 9, 12);
    expect(eq.expectedBids[1]).toBeCloseTo(4 / 9, 12);
  });

  it('α = 1/2, (4, 2): b_i = α √8 v_i / (2 + √2)², x_1 = 2/(2 + √2)', () => {
    const eq = tullockTwoPlayerEquilibrium(4, 2, 0.5);
    const s = (2 + Math.SQRT2) ** 2;
    expect(eq.expectedBids[0]).toBeCloseTo((0.5 * Math.sqrt(8) * 4) / s, 12);
    expect(eq.expectedBids[1]).toBeCloseTo((0.5 * Math.sqrt(8) * 2) / s, 12);
    expect(eq.winProbabilities[0]).toBeCloseTo(2 / (2 + Math.SQRT2), 12);
  });

  it('is an equilibrium on a grid, including α > 1 within α <= 1 + (v2/v1)^α', () => {
    for (const [v1, v2, alpha] of [[4, 2, 0.5], [4, 2, 1], [4, 2, 1.3], [3, 3, 2], [10, 1, 0.8]] as const) {
      expect(hasTwoPlayerPureEquilibrium(v1, v2, alpha)).toBe(true);
      const eq = tullockTwoPlayerEquilibrium(v1, v2, alpha);
      for (const i of [0, 1]) expect(deviationGain(eq.values, eq.expectedBids, alpha, i)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('fails the condition at (4, 2, α = 1.5): the weak player prefers bidding 0 to the FOC bid', () => {
    // 1 + (1/2)^1.5 ≈ 1.354 < 1.5. The FOC bids b_i = α v1^α v2^α v_i / (v1^α + v2^α)².
    expect(hasTwoPlayerPureEquilibrium(4, 2, 1.5)).toBe(false);
    expect(() => tullockTwoPlayerEquilibrium(4, 2, 1.5)).toThrow(/no pure equilibrium/);
    const c = (1.5 * 8 * 2 ** 1.5) / (8 + 2 ** 1.5) ** 2;
    expect(tullockPayoff(1, [4 * c, 2 * c], [4, 2], 1.5)).toBeLessThan(0);
  });
});
