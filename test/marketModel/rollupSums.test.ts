import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSum } from '../../src/marketModel/compiledRecords.js';
import { compileIndexedSum, sumLayout, sumsFrom, sumsObject } from '../../src/marketModel/rollupSums.js';
import { summedColumnsOf, tableColumns } from '../../src/marketModel/columns.js';

// Two columns summed under one name, as a property would merge them.
const columns = [
  { field: 'a', name: 'sum_a' },
  { field: 'b', name: 'sum_b' },
  { field: 'c', name: 'sum_a' },
  { field: 'd', name: 'sum_d' },
];
const value = fc.oneof(fc.double(), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, -0, Number.NaN, 1e300, -1e300));
const tally = fc.record({ a: value, b: value, c: value, d: value });

describe('rollupSums: per-rollup sums in a typed array', () => {
  it('sums slot after slot to the same numbers, in the same key order, as the object properties did (compileSum)', () => {
    fc.assert(
      fc.property(fc.array(tally, { maxLength: 20 }), (slots) => {
        const layout = sumLayout(columns);
        const add = compileIndexedSum(layout, columns);
        const old = compileSum(columns);
        const typed = new Float64Array(layout.names.length);
        const object: Record<string, number> = Object.fromEntries(columns.map((c) => [c.name, 0]));
        for (const t of slots) {
          add(typed, t);
          old(object, t);
        }
        const now = sumsObject(layout, typed);
        expect(Object.keys(now)).toEqual(Object.keys(object));
        for (const k of Object.keys(object)) expect(Object.is(now[k], object[k])).toBe(true);
      }),
    );
  });

  it('a checkpoint round trip (sumsObject, then sumsFrom) gives back the same sums', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 3, maxLength: 3 }), (values) => {
        const layout = sumLayout(columns);
        const sums = Float64Array.from(values);
        expect(Array.from(sumsFrom(layout, sumsObject(layout, sums)))).toEqual(Array.from(sums));
      }),
    );
  });

  it('the registry: one entry per distinct sum name, the column fields all plain identifiers', () => {
    const summed = summedColumnsOf(tableColumns());
    const layout = sumLayout(summed);
    expect(layout.names).toEqual([...new Set(summed.map((c) => c.name))]);
    expect(() => compileIndexedSum(layout, summed)).not.toThrow();
    expect(() => compileIndexedSum(layout, [{ field: 'a; b', name: 'sum_a' }])).toThrow(/plain identifier/);
  });
});
