import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleShares } from '../../../src/market/revenueSharing/ruleShares.js';
import { semivalue } from '../../../src/market/revenueSharing/semivalue.js';
import { sharesAmong } from '../../../src/market/revenueSharing/sharesAmong.js';
import { shapleyWeights } from '../../../src/market/revenueSharing/shapley.js';

/** The semivalue's sums as first written: all S in ascending order, then each i outside S. */
function semivalueByCoalition(n: number, table: Float64Array, weights: readonly number[]): number[] {
  const bySize = new Float64Array(n * n);
  for (let mask = 0; mask < table.length; mask++) {
    let size = 0;
    for (let i = 0; i < n; i++) size += (mask >> i) & 1;
    for (let i = 0; i < n; i++) if ((mask & (1 << i)) === 0) bySize[i * n + size]! += table[mask | (1 << i)]! - table[mask]!;
  }
  return Array.from({ length: n }, (_, i) => {
    let value = 0;
    for (let k = 0; k < n; k++) value += weights[k]! * bySize[i * n + k]!;
    return value;
  });
}

const game = (n: number) => fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: (1 << n) - 1, maxLength: (1 << n) - 1 }).map((xs) => Float64Array.from([0, ...xs]));
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('semivalue', () => {
  it('sums each rollup\'s marginals in the order of a loop over every coalition, bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), game(n))), ([n, table]) => {
        expect(same(semivalue(n, table, shapleyWeights(n)), semivalueByCoalition(n, table, shapleyWeights(n)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sharesAmong on the members\' table', () => {
  it('is ruleShares on the members\' game for shapley and banzhaf, bit for bit, the members listed in any order', () => {
    fc.assert(
      fc.property(game(3), fc.shuffledSubarray([0, 1, 2], { minLength: 1 }), fc.constantFrom({ name: 'shapley' as const }, { name: 'banzhaf' as const, q: 0.3 }), (table, members, rule) => {
        const v = (mask: number) => table[mask]!;
        const local = (subset: readonly number[]) => v(subset.reduce((m, i) => m | (1 << members[i]!), 0));
        const want = ruleShares(rule, { revenue: 1, proposerCut: 0, n: members.length, v: local });
        const got = sharesAmong(rule, members, 3, { v });
        expect(same(members.map((r) => got[r]!), want)).toBe(true);
        expect([0, 1, 2].filter((r) => !members.includes(r)).every((r) => got[r] === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
