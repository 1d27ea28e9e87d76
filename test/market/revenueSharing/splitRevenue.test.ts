import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/engine/randomStreams.js';
import { splitRuleSchema, type SplitRule } from '../../../src/market/revenueSharing/config.js';
import { fixedShares } from '../../../src/market/revenueSharing/fixedShares.js';
import { proportionalToFees } from '../../../src/market/revenueSharing/proportionalToFees.js';
import { splitRevenue } from '../../../src/market/revenueSharing/splitRevenue.js';
import { variableShares } from '../../../src/market/revenueSharing/variableShares.js';
import { synergy } from './games.js';

// proposer = proposerCut · revenue; perRollup_r = s_r · (revenue − proposer), Σ s_r = 1.

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const rule = (input: unknown): SplitRule => splitRuleSchema.parse(input);

describe('share rules', () => {
  it('fixed: shares must be ≥ 0 and sum to 1 within 1e-9, else a RangeError naming shares and the sum', () => {
    expect(fixedShares([0.5, 0.25, 0.25])).toEqual([0.5, 0.25, 0.25]);
    expect(fixedShares([0.7, 0.3 + 5e-10])).toEqual([0.7, 0.3 + 5e-10]);
    expect(() => fixedShares([0.5, 0.4])).toThrow(RangeError);
    expect(() => fixedShares([0.5, 0.4])).toThrow(/shares must sum to 1 .*got sum 0.9/);
    expect(() => fixedShares([1.5, -0.5])).toThrow(/shares\[1\] is -0.5/);
  });

  it('proportional-to-fees: s_r = fees_r / Σ fees; equal when all fees are 0', () => {
    expect(proportionalToFees([3, 1, 0])).toEqual([0.75, 0.25, 0]);
    expect(proportionalToFees([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(() => proportionalToFees([1, -1])).toThrow(/feesByRollup\[1\]/);
  });

  it('variable: s_r = v({r}) / Σ_j v({j}); differs from Shapley when there is synergy', () => {
    // v(A) = 1, v(B) = 3, v(AB) = 6: variable (1/4, 3/4) vs Shapley ((1+6−3)/2, (3+6−1)/2)/6 = (1/3, 2/3).
    expect(variableShares([1, 3])).toEqual([0.25, 0.75]);
    expect(variableShares([0, 0])).toEqual([0.5, 0.5]);
  });
});

describe('splitRevenue', () => {
  it('takes the proposer cut first and splits the remainder by the rule', () => {
    // revenue 100, cut 20% → proposer 20, remainder 80 split (½, ¼, ¼) → (40, 20, 20).
    const split = splitRevenue(rule({ name: 'fixed', shares: [0.5, 0.25, 0.25] }), { revenue: 100, proposerCut: 0.2, n: 3 });
    expect(split).toEqual({ proposer: 20, perRollup: [40, 20, 20], shares: [0.5, 0.25, 0.25] });
    const all = splitRevenue(rule({ name: 'fixed', shares: [1] }), { revenue: 7, proposerCut: 1, n: 1 });
    expect(all.perRollup).toEqual([0]);
  });

  it('shapley scales φ_i / v(N) onto the remainder', () => {
    // φ = (37, 25, 10)/6, v(N) = 12 → shares (37, 25, 10)/72. Revenue 24, cut ¼ → proposer 6,
    // remainder 18 → (9.25, 6.25, 2.5).
    const split = splitRevenue(rule({ name: 'shapley' }), { revenue: 24, proposerCut: 0.25, n: 3, v: synergy });
    expect(split.proposer).toBe(6);
    [9.25, 6.25, 2.5].forEach((x, i) => expect(split.perRollup[i]).toBeCloseTo(x, 12));
    expect(split.proposer + sum(split.perRollup)).toBeCloseTo(24, 12);
  });

  it('banzhaf is normalised by Σφ^B (= 11.5 here, not v(N) = 12) so the remainder is paid out exactly', () => {
    const split = splitRevenue(rule({ name: 'banzhaf' }), { revenue: 23, proposerCut: 0, n: 3, v: synergy });
    [12, 8, 3].forEach((x, i) => expect(split.perRollup[i]).toBeCloseTo(x, 12)); // 23 · (6, 4, 1.5)/11.5
  });

  it('variable defaults to v({r}) from v; fees and drop-out read their own inputs', () => {
    const variable = splitRevenue(rule({ name: 'variable' }), { revenue: 6, proposerCut: 0, n: 3, v: synergy });
    expect(variable.perRollup).toEqual([4, 2, 0]); // standalone (4, 2, 0) / 6 · 6
    const fees = splitRevenue(rule({ name: 'proportional-to-fees' }), { revenue: 10, proposerCut: 0.5, n: 2, feesByRollup: [1, 4] });
    expect(fees.perRollup).toEqual([1, 4]);
    const source = createStream(5, 'revenueSharing/split').next;
    const dropOut = splitRevenue(rule({ name: 'drop-out', rounds: 2000 }), { revenue: 12, proposerCut: 0, n: 3, v: synergy, source });
    expect(sum(dropOut.perRollup)).toBeCloseTo(12, 12);
    // 2000 rounds: SE ≈ sqrt(4.47/2000) ≈ 0.047 per rollup; 0.3 leaves > 6 SE for the Σφ̂ scaling.
    [37 / 6, 25 / 6, 10 / 6].forEach((x, i) => expect(Math.abs(dropOut.perRollup[i]! - x)).toBeLessThan(0.3));
  });

  it('keeps negative Shapley shares on a non-monotone v (documented)', () => {
    // v(A) = 10, v(B) = 0, v(AB) = 8 → φ = (9, −1), shares (9/8, −1/8): B pays 1 of 8 into the pot.
    const split = splitRevenue(rule({ name: 'shapley' }), { revenue: 8, proposerCut: 0, n: 2, v: Float64Array.from([0, 10, 0, 8]) });
    expect(split.perRollup).toEqual([9, -1]);
  });

  it('rejects bad inputs with errors naming the field', () => {
    const fixed = rule({ name: 'fixed', shares: [0.5, 0.5] });
    expect(() => splitRevenue(fixed, { revenue: 1, proposerCut: 1.5, n: 2 })).toThrow(/proposerCut/);
    expect(() => splitRevenue(fixed, { revenue: -1, proposerCut: 0, n: 2 })).toThrow(/revenue/);
    expect(() => splitRevenue(fixed, { revenue: 1, proposerCut: 0, n: 3 })).toThrow(/shares must have one entry per rollup/);
    expect(() => splitRevenue(rule({ name: 'shapley' }), { revenue: 1, proposerCut: 0, n: 2 })).toThrow(/needs input.v/);
    expect(() => splitRevenue(rule({ name: 'drop-out' }), { revenue: 1, proposerCut: 0, n: 3, v: synergy })).toThrow(/input.source/);
    expect(() => splitRevenue(rule({ name: 'shapley' }), { revenue: 1, proposerCut: 0, n: 13, v: () => 1 })).toThrow(/drop-out/);
  });
});

describe('splitRuleSchema', () => {
  it('fills defaults: drop-out rounds 1000 with q ~ U(0,1), banzhaf q = 0.5', () => {
    expect(rule({ name: 'drop-out' })).toEqual({ name: 'drop-out', rounds: 1000 });
    expect(rule({ name: 'drop-out', rounds: 50, q: 0.3 })).toEqual({ name: 'drop-out', rounds: 50, q: 0.3 });
    expect(rule({ name: 'banzhaf' })).toEqual({ name: 'banzhaf', q: 0.5 });
    expect(rule({ name: 'shapley' })).toEqual({ name: 'shapley' });
  });

  it('reports the same messages as the zod-free checks', () => {
    const message = (input: unknown) => splitRuleSchema.safeParse(input).error?.issues[0]?.message;
    expect(message({ name: 'fixed', shares: [0.5, 0.4] })).toMatch(/shares must sum to 1 .*got sum 0.9/);
    expect(message({ name: 'drop-out', q: 1.5 })).toMatch(/q must be in \[0, 1\], got 1.5/);
    expect(message({ name: 'drop-out', rounds: 0 })).toMatch(/rounds must be an integer >= 1/);
    expect(splitRuleSchema.safeParse({ name: 'fixed' }).success).toBe(false); // shares required
    expect(splitRuleSchema.safeParse({ name: 'median' }).success).toBe(false);
  });
});
