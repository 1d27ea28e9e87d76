import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/engine/randomStreams.js';
import {
  allPayBidCdf,
  allPayEquilibrium,
  allPayEquilibriumBidAt,
  drawAllPayEquilibriumBids,
} from '../../../src/market/theory/allPay.js';
import { grid } from './deviation.js';

describe('all-pay auction with complete information (Baye, Kovenock & de Vries 1996)', () => {
  it('values (4, 2): revenue (v2/2)(1 + v2/v1) = 3/2, P(1 wins) = 1 − v2/(2v1) = 3/4, payoffs (2, 0)', () => {
    const eq = allPayEquilibrium([4, 2]);
    expect(eq.revenue).toBeCloseTo(1.5, 12);
    expect(eq.winProbabilities[0]).toBeCloseTo(0.75, 12);
    expect(eq.winProbabilities[1]).toBeCloseTo(0.25, 12);
    expect(eq.payoffs).toEqual([2, 0]);
    expect(eq.expectedBids[0]).toBeCloseTo(1, 12); // v2/2
    expect(eq.expectedBids[1]).toBeCloseTo(0.5, 12); // v2²/(2 v1)
  });

  it('equal values: both mix U[0, v], revenue v, win probability 1/2, payoffs 0 (full dissipation)', () => {
    const eq = allPayEquilibrium([3, 3]);
    expect(eq.revenue).toBeCloseTo(3, 12);
    expect(eq.winProbabilities).toEqual([0.5, 0.5]);
    expect(eq.payoffs).toEqual([0, 0]);
  });

  it('a third, lower value bids 0 and cannot gain by deviating', () => {
    const values = [2, 5, 1];
    const eq = allPayEquilibrium(values);
    expect([eq.strong, eq.weak]).toEqual([1, 0]);
    expect(eq.expectedBids[2]).toBe(0);
    // u3(b) = v3 F_strong(b) F_weak(b) − b against the two mixed strategies
    for (const b of grid(2, 2000)) {
      const u = 1 * allPayBidCdf(eq, 1, b) * allPayBidCdf(eq, 0, b) - b;
      expect(u).toBeLessThanOrEqual(1e-12);
    }
  });

  it('mixed strategies are best responses: indifference on [0, v2], loss above (grid check)', () => {
    const [v1, v2] = [4, 2];
    const eq = allPayEquilibrium([v1, v2]);
    for (const b of grid(v1, 4000).filter((x) => x > 0)) {
      // Expected payoff of a pure bid b against the other's mixed strategy (ties have measure 0).
      const u1 = v1 * allPayBidCdf(eq, 1, b) - b;
      const u2 = v2 * allPayBidCdf(eq, 0, b) - b;
      expect(u1).toBeLessThanOrEqual(v1 - v2 + 1e-12);
      expect(u2).toBeLessThanOrEqual(1e-12);
      if (b <= v2) {
        expect(u1).toBeCloseTo(v1 - v2, 12); // indifferent on the support
        expect(u2).toBeCloseTo(0, 12);
      }
    }
  });

  it('sampling by inverse CDF reproduces the atom 1 − v2/v1 and the means (4 standard errors)', () => {
    const eq = allPayEquilibrium([4, 2]);
    const source = createStream('theory-tests', 'all-pay/draws').next;
    const rounds = 40_000;
    let zeros = 0;
    let sum1 = 0;
    let sum2 = 0;
    for (let r = 0; r < rounds; r += 1) {
      const [b1, b2] = drawAllPayEquilibriumBids(eq, source) as [number, number];
      sum1 += b1;
      sum2 += b2;
      if (b2 === 0) zeros += 1;
    }
    // atom 1/2 (Bernoulli sd 1/2); b1 ~ U[0, 2] (sd 2/√12); b2: E = 1/2, E[b2²] = (1/2)(4/3) → sd √(2/3 − 1/4)
    expect(Math.abs(zeros / rounds - 0.5)).toBeLessThanOrEqual((4 * 0.5) / Math.sqrt(rounds));
    expect(Math.abs(sum1 / rounds - 1)).toBeLessThanOrEqual((4 * (2 / Math.sqrt(12))) / Math.sqrt(rounds));
    expect(Math.abs(sum2 / rounds - 0.5)).toBeLessThanOrEqual((4 * Math.sqrt(2 / 3 - 1 / 4)) / Math.sqrt(rounds));
  });

  it('allPayEquilibriumBidAt inverts the CDF: F(b(u)) = u off the atom, the atom 1 − v2/v1 maps to 0', () => {
    const eq = allPayEquilibrium([2, 5, 1]); // strong 1, weak 0, inactive 2; the weak atom is 1 − 2/5
    for (const u of grid(0.999, 999)) {
      expect(allPayBidCdf(eq, 1, allPayEquilibriumBidAt(eq, 1, u))).toBeCloseTo(u, 12);
      const weak = allPayEquilibriumBidAt(eq, 0, u);
      if (u < 0.6) expect(weak).toBe(0);
      else expect(allPayBidCdf(eq, 0, weak)).toBeCloseTo(u, 12);
      expect(allPayEquilibriumBidAt(eq, 2, u)).toBe(0);
    }
  });
});
