import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeFloor, committeeFloorReplacing, floorRank } from '../../../src/market/mechanisms/committee.js';

describe('committeeFloor', () => {
  it('is the floorRank-th entry of the built-in descending sort, ±0 ties and non-finite values included', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2, Number.NaN, Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.constantFrom<'majority' | 'min' | 'max'>('majority', 'min', 'max'), (observed, rule) => {
        const want = observed.slice().sort((a, b) => b - a)[floorRank(observed.length, rule) - 1]!;
        expect(Object.is(committeeFloor(observed, rule), want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('committeeFloorReplacing', () => {
  it('equals committeeFloor of the attestations copied into a list, ±0 ties and non-finite values included', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2, Number.NaN, Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 5, noNaN: true }));
    const rules = fc.constantFrom<'majority' | 'min' | 'max'>('majority', 'min', 'max');
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 40 }), value, rules, (members, attestY, rule) => {
        const observed = members.map(([o]) => o);
        const replaced = members.map(([, r]) => r);
        const want = committeeFloor(members.map(([o, r]) => (r ? attestY : o)), rule);
        expect(Object.is(committeeFloorReplacing(observed, replaced, attestY, rule), want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
