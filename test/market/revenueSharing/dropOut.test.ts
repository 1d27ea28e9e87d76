import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/engine/randomStreams.js';
import { banzhaf, banzhafWeights } from '../../../src/market/revenueSharing/banzhaf.js';
import { dropOut } from '../../../src/market/revenueSharing/dropOut.js';
import { shapley, shapleyWeights } from '../../../src/market/revenueSharing/shapley.js';
import { marginalMoments, synergy, synergyBanzhaf, synergyShapley } from './games.js';

// Drop-out estimator: each round keep every other rollup w.p. q and average v(S∪{i}) − v(S).
// With q ~ U(0,1), P(S) = ∫₀¹ q^k (1−q)^(n−1−k) dq = k!(n−1−k)!/n! (Beta integral), the Shapley
// weight: unbiased for φ_i (Shapley 1953; Owen 1972). With fixed q it estimates
// φ^B_i(q) = Σ_S q^|S|(1−q)^(n−1−|S|)(v(S∪{i}) − v(S)).

const ROUNDS = 20_000;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('drop-out estimator', () => {
  it('with q ~ U(0,1) converges to Shapley within 4 standard errors over 20,000 rounds', () => {
    // Exact per-round moments under the Shapley weights (1/3, 1/6, 1/3):
    // A: marginals (4, 6, 5, 9) → E[m²] = 16/3 + 36/6 + 25/6 + 81/3 = 42.5, Var = 42.5 − (37/6)²
    // ≈ 4.472, so SE = sqrt(4.472/20000) ≈ 0.0150 and 4 SE ≈ 0.060; B: Var ≈ 4.472, C: ≈ 2.889.
    const { mean, variance } = marginalMoments(3, synergy, shapleyWeights(3));
    mean.forEach((m, i) => expect(m).toBeCloseTo(synergyShapley[i]!, 12));
    expect(variance[0]).toBeCloseTo(42.5 - (37 / 6) ** 2, 12);
    const { estimate, standardError } = dropOut(3, synergy, { rounds: ROUNDS }, createStream(7, 'revenueSharing/dropOut').next);
    estimate.forEach((x, i) => {
      const exactSe = Math.sqrt(variance[i]! / ROUNDS);
      expect(Math.abs(x - synergyShapley[i]!)).toBeLessThan(4 * exactSe);
      expect(standardError[i]! / exactSe).toBeGreaterThan(0.95); // the reported SE is honest
      expect(standardError[i]! / exactSe).toBeLessThan(1.05);
    });
  });

  it('with fixed q = ½ converges to exact Banzhaf (6, 4, 1.5), which is not Shapley', () => {
    // Under weights ¼: C's marginals (0, 1, 1, 4) → mean 1.5, Var = 18/4 − 1.5² = 2.25, 4 SE ≈
    // 0.042, far below |1.5 − 10/6| ≈ 0.167: the estimate separates Banzhaf from Shapley.
    const { mean, variance } = marginalMoments(3, synergy, banzhafWeights(3, 0.5));
    expect(mean).toEqual(synergyBanzhaf);
    expect(banzhaf(3, synergy, 0.5)).toEqual(synergyBanzhaf);
    const { estimate } = dropOut(3, synergy, { rounds: ROUNDS, q: 0.5 }, createStream(7, 'revenueSharing/banzhaf').next);
    estimate.forEach((x, i) => {
      const fourSe = 4 * Math.sqrt(variance[i]! / ROUNDS);
      expect(Math.abs(x - synergyBanzhaf[i]!)).toBeLessThan(fourSe);
      expect(Math.abs(x - synergyShapley[i]!)).toBeGreaterThan(fourSe);
    });
    // Not efficient: Σ ≈ 11.5, while v(N) = 12 = Σ Shapley. SE of the sum ≤ Σ SE_i ≈ 0.037.
    expect(Math.abs(sum(estimate) - 11.5)).toBeLessThan(0.15);
    expect(12 - sum(estimate)).toBeGreaterThan(0.3);
  });

  it('is reproducible and gives the same draws for v as a function or a table', () => {
    const v = (members: readonly number[]) => synergy[members.reduce((m, i) => m | (1 << i), 0)]!;
    const run = (game: typeof v | Float64Array) =>
      dropOut(3, game, { rounds: 500 }, createStream(1, 'revenueSharing/repro').next);
    expect(run(v)).toEqual(run(synergy));
    expect(run(synergy)).toEqual(run(synergy));
  });

  it('works beyond the exact limit with v as a function (n = 40, additive v)', () => {
    // v(S) = Σ_{i∈S} (i + 1): every marginal is exactly i + 1, so the estimate is exact.
    const v = (members: readonly number[]) => sum(members) + members.length;
    const { estimate, standardError } = dropOut(40, v, { rounds: 50 }, createStream(2, 'revenueSharing/large').next);
    expect(estimate).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(standardError.every((se) => se === 0)).toBe(true);
    expect(() => shapley(40, v)).toThrow(/drop-out/);
  });

  it('q outside [0, 1] or rounds < 1 is a RangeError naming the parameter', () => {
    const source = createStream(3, 'revenueSharing/params').next;
    expect(() => dropOut(3, synergy, { rounds: 10, q: 1.2 }, source)).toThrow(/q must be in \[0, 1\], got 1.2/);
    expect(() => dropOut(3, synergy, { rounds: 10, q: -0.5 }, source)).toThrow(RangeError);
    expect(() => dropOut(3, synergy, { rounds: 0 }, source)).toThrow(/rounds must be an integer >= 1/);
    expect(dropOut(3, synergy, { rounds: 1 }, source).standardError.every(Number.isNaN)).toBe(true);
  });
});
