import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { banzhaf } from '../../../src/market/revenueSharing/banzhaf.js';
import {
  membersOf,
  toValueTable,
  valueTable,
} from '../../../src/market/revenueSharing/coalitionValue.js';
import { shapley, shapleyWeights } from '../../../src/market/revenueSharing/shapley.js';
import { glove, synergy, synergyShapley } from './games.js';

// φ_i = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! (v(S∪{i}) − v(S))   (Shapley 1953)

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** A random game on n ≤ 5 rollups as a table with v(∅) = 0 (integer values keep sums exact). */
const gameArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc
    .array(fc.integer({ min: -50, max: 100 }), { minLength: 2 ** n - 1, maxLength: 2 ** n - 1 })
    .map((values) => ({ n, table: Float64Array.from([0, ...values]) })),
);

describe('coalition value tables', () => {
  it('valueTable(n, v) has entry m = v(members of m) and entry 0 = 0', () => {
    const v = (members: readonly number[]) => 10 * sum(members.map((i) => i + 1));
    expect([...valueTable(2, v)]).toEqual([0, 10, 20, 30]);
    expect(membersOf(0b101, 3)).toEqual([0, 2]);
  });

  it('rejects a table of the wrong length, v(∅) ≠ 0 and non-finite values', () => {
    expect(() => toValueTable(2, Float64Array.from([0, 1, 2]))).toThrow(/length 2\^n = 4/);
    expect(() => toValueTable(1, Float64Array.from([1, 1]))).toThrow(/v\(∅\)/);
    expect(() => valueTable(2, (m) => (m.length === 2 ? Number.NaN : 1))).toThrow(/v\(\{0,1\}\)/);
  });
});

describe('exact Shapley value (Shapley 1953)', () => {
  it('2 rollups: φ₁ = (v(1) + v(12) − v(2))/2, φ₂ = (v(2) + v(12) − v(1))/2', () => {
    // v(A) = 1, v(B) = 3, v(AB) = 6 → φ = ((1 + 6 − 3)/2, (3 + 6 − 1)/2) = (2, 4): the
    // one-third / two-thirds split of the seed talk 003 example.
    expect(shapley(2, Float64Array.from([0, 1, 3, 6]))).toEqual([2, 4]);
    expect(shapleyWeights(2)).toEqual([0.5, 0.5]);
  });

  it('3 rollups with cross-rollup synergy, by hand', () => {
    // Weights for n = 3: |S| = 0 → 1/3, |S| = 1 → 1/6, |S| = 2 → 1/3. For A (rollup 0):
    // φ_A = ⅓·v(A) + ⅙·(v(AB) − v(B)) + ⅙·(v(AC) − v(C)) + ⅓·(v(ABC) − v(BC))
    //     = ⅓·4 + ⅙·6 + ⅙·5 + ⅓·9 = (8 + 6 + 5 + 18)/6 = 37/6
    // φ_B = ⅓·2 + ⅙·4 + ⅙·3 + ⅓·7 = 25/6;  φ_C = ⅓·0 + ⅙·1 + ⅙·1 + ⅓·4 = 10/6.
    const phi = shapley(3, synergy);
    phi.forEach((x, i) => expect(x).toBeCloseTo(synergyShapley[i]!, 12));
    expect(sum(phi)).toBeCloseTo(12, 12); // efficiency: Σφ = v(N)
    expect(shapleyWeights(3).map((w) => w * 6)).toEqual([2, 1, 2]);
  });

  it('glove game: the scarce rollup gets 2/3, the interchangeable ones 1/6 each', () => {
    // φ_0 = ⅓·0 + ⅙·1 + ⅙·1 + ⅓·1 = 2/3; φ_1 = ⅙·(v(01) − v(0)) = 1/6 = φ_2 (symmetry).
    const phi = shapley(3, glove);
    [2 / 3, 1 / 6, 1 / 6].forEach((x, i) => expect(phi[i]).toBeCloseTo(x, 12));
  });

  it('accepts v as a function and as a table with the same result', () => {
    const v = (members: readonly number[]) => synergy[members.reduce((m, i) => m | (1 << i), 0)]!;
    expect(shapley(3, v)).toEqual(shapley(3, synergy));
  });

  it('may be negative when v is not monotone (documented, not clamped)', () => {
    // B's transactions conflict with A's bundles: v(A) = 10, v(B) = 0, v(AB) = 8.
    // φ_A = (10 + 8 − 0)/2 = 9, φ_B = (0 + 8 − 10)/2 = −1; Σ = 8 = v(AB).
    expect(shapley(2, Float64Array.from([0, 10, 0, 8]))).toEqual([9, -1]);
  });

  it('n > 12 is a RangeError that suggests drop-out sampling', () => {
    expect(() => shapley(13, () => 1)).toThrow(RangeError);
    expect(() => shapley(13, () => 1)).toThrow(/n <= 12.*drop-out/);
    expect(() => shapley(0, () => 1)).toThrow(/n \(number of rollups\)/);
    expect(shapley(12, (m) => m.length)).toEqual(new Array(12).fill(1)); // v(S) = |S| → φ = 1
  });
});

describe('Shapley axioms (property tests)', () => {
  it('efficiency: Σ_i φ_i = v(N)', () => {
    fc.assert(
      fc.property(gameArb, ({ n, table }) => {
        expect(sum(shapley(n, table))).toBeCloseTo(table[2 ** n - 1]!, 9);
      }),
    );
  });

  it('additivity: φ(v + w) = φ(v) + φ(w)', () => {
    const pairArb = gameArb.chain(({ n, table }) =>
      fc
        .array(fc.integer({ min: -50, max: 100 }), { minLength: 2 ** n - 1, maxLength: 2 ** n - 1 })
        .map((w) => ({ n, v: table, w: Float64Array.from([0, ...w]) })),
    );
    fc.assert(
      fc.property(pairArb, ({ n, v, w }) => {
        const both = v.map((x, m) => x + w[m]!);
        const expected = shapley(n, v).map((x, i) => x + shapley(n, w)[i]!);
        shapley(n, both).forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 9));
      }),
    );
  });

  it('null player: a rollup that adds nothing gets 0, the others are unchanged', () => {
    fc.assert(
      fc.property(gameArb, ({ n, table }) => {
        // Add rollup n with v'(S) = v(S ∖ {n}); the same holds for Banzhaf-type values.
        const extended = Float64Array.from({ length: 2 ** (n + 1) }, (_, m) => table[m & (2 ** n - 1)]!);
        const phi = shapley(n + 1, extended);
        expect(phi[n]).toBeCloseTo(0, 12);
        shapley(n, table).forEach((x, i) => expect(phi[i]).toBeCloseTo(x, 9));
        expect(banzhaf(n + 1, extended, 0.3)[n]).toBeCloseTo(0, 12);
      }),
    );
  });

  it('symmetry: swapping two rollups swaps their values; interchangeable rollups are equal', () => {
    fc.assert(
      fc.property(gameArb.filter(({ n }) => n >= 2), ({ n, table }) => {
        const swapBits = (m: number) => {
          const b0 = m & 1;
          const b1 = (m >>> 1) & 1;
          return (m & ~3) | (b0 << 1) | b1;
        };
        const swapped = table.map((_, m) => table[swapBits(m)]!);
        const phi = shapley(n, table);
        const psi = shapley(n, swapped);
        expect(psi[0]).toBeCloseTo(phi[1]!, 9);
        expect(psi[1]).toBeCloseTo(phi[0]!, 9);
        // The symmetrised game v + v∘swap makes 0 and 1 interchangeable: equal values.
        const symmetric = shapley(n, table.map((x, m) => x + swapped[m]!));
        expect(symmetric[0]).toBeCloseTo(symmetric[1]!, 9);
      }),
    );
  });
});
