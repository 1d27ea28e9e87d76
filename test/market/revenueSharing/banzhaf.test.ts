import { describe, expect, it } from 'vitest';
import { banzhaf } from '../../../src/market/revenueSharing/banzhaf.js';
import { glove, synergy, synergyBanzhaf } from './games.js';

// φ^B_i(q) = Σ_{S ⊆ N∖{i}} q^|S| (1−q)^(n−1−|S|) (v(S∪{i}) − v(S))   (Banzhaf 1965 at q = ½;
// Owen 1975). Symmetric, null-player and additive like Shapley, but not efficient.

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('exact Banzhaf-type value φ^B_i(q) = Σ_S q^|S|(1−q)^(n−1−|S|)(v(S∪{i}) − v(S))', () => {
  it('differs from Shapley and does not sum to v(N) on the synergy game', () => {
    // q = ½: every S ⊆ N∖{i} has weight ¼. φ^B_A = (4 + 6 + 5 + 9)/4 = 6,
    // φ^B_B = (2 + 4 + 3 + 7)/4 = 4, φ^B_C = (0 + 1 + 1 + 4)/4 = 1.5; Σ = 11.5 ≠ v(N) = 12,
    // against Shapley (37/6, 25/6, 10/6) ≈ (6.167, 4.167, 1.667).
    expect(banzhaf(3, synergy)).toEqual(synergyBanzhaf);
    expect(sum(banzhaf(3, synergy))).toBe(11.5);
    // Glove game: (3/4, 1/4, 1/4), Σ = 1.25 ≠ v(N) = 1.
    expect(banzhaf(3, glove)).toEqual([0.75, 0.25, 0.25]);
  });

  it('q = 0 gives the standalone values v({i}), q = 1 the last-in marginals v(N) − v(N∖{i})', () => {
    expect(banzhaf(3, synergy, 0)).toEqual([4, 2, 0]);
    expect(banzhaf(3, synergy, 1)).toEqual([12 - 3, 12 - 5, 12 - 8]);
  });

  it('q outside [0, 1] is a RangeError naming q; n > 12 suggests drop-out', () => {
    expect(() => banzhaf(3, synergy, 1.5)).toThrow(/q must be in \[0, 1\], got 1.5/);
    expect(() => banzhaf(3, synergy, -0.1)).toThrow(RangeError);
    expect(() => banzhaf(13, () => 1)).toThrow(/drop-out/);
  });
});
