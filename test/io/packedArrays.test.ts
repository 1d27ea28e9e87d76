import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column, ColumnType } from '../../src/io/formats/columns.js';
import { buffersOf, packedArrays, packedBuffers } from '../../src/io/packedArrays.js';

const types: ColumnType[] = ['double', 'int64', 'bool', 'string'];

describe('packedArrays', () => {
  it('gives each column its own capacity-long array of its type, in at most three buffers, none overlapping', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...types), { maxLength: 40 }), fc.integer({ min: 1, max: 300 }), (kinds, capacity) => {
        const columns: Column[] = kinds.map((type, k) => ({ name: `c${k}`, type }));
        const data = packedArrays(columns, capacity);
        expect(data.length).toBe(columns.length);
        expect(buffersOf(data).length).toBeLessThanOrEqual(packedBuffers);
        columns.forEach((c, k) => {
          const want = c.type === 'string' ? Int32Array : c.type === 'bool' ? Int8Array : Float64Array;
          expect(data[k]).toBeInstanceOf(want);
          expect(data[k]!.length).toBe(capacity);
        });
        // Every cell written through its own column reads back unchanged: no two views share bytes.
        data.forEach((d, k) => d.fill(k % 100));
        data.forEach((d, k) => expect(d.every((x) => x === k % 100)).toBe(true));
      }),
    );
  });

  it('lists each buffer once (a transfer list may not repeat one)', () => {
    const columns: Column[] = [{ name: 'a', type: 'double' }, { name: 'b', type: 'double' }, { name: 'c', type: 'string' }];
    const data = packedArrays(columns, 8);
    expect(buffersOf(data)).toEqual([data[0]!.buffer, data[2]!.buffer]);
    const separate = [new Float64Array(4), new Float64Array(4)];
    expect(buffersOf(separate)).toEqual(separate.map((d) => d.buffer));
  });
});
