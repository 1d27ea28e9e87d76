import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createColumnBlock, type Column } from '../../src/engine/columnBlock.js';
import { compileFill, type FillCell, type StoredAs } from '../../src/marketModel/compiledRecords.js';

type Source = Record<string, unknown>;
const typeOf: Record<StoredAs, Column['type']> = { number: 'double', flag: 'bool', text: 'string' };
/** A column block's arrays for `columns`, one array per column (not packed). */
const separate = (columns: readonly Column[], capacity: number) =>
  columns.map((c) => (c.type === 'double' ? new Float64Array(capacity) : c.type === 'bool' ? new Int8Array(capacity) : new Array<string | null>(capacity).fill(null)));

/** What a fill must store for a value (compileFill's contract, written out). */
function expected(as: StoredAs, v: unknown): number | string | null {
  if (as === 'number') return typeof v === 'number' ? v : NaN;
  if (as === 'flag') return v === true ? 1 : v === false ? 0 : -1;
  return typeof v === 'string' ? v : v == null ? null : String(v);
}

const anyValue = fc.oneof(fc.double(), fc.boolean(), fc.string({ maxLength: 3 }), fc.constant(null), fc.constant(undefined), fc.integer());

describe('compileFill', () => {
  it('stores the same cells into a packed block (one array per kind) as into an array per column, and nothing outside its row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ as: fc.constantFrom<StoredAs>('number', 'flag', 'text'), from: fc.constantFrom('a', 'b'), derived: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(anyValue, anyValue), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (specs, pairs, capacity) => {
          const cells: FillCell<number, [Source, Source]>[] = specs.map((s, k) =>
            s.derived ? { value: (e, a) => (k % 2 ? e : a[`f${k}`]), storedAs: s.as } : { from: s.from, field: `f${k}`, storedAs: s.as },
          );
          const bind = compileFill<number, [Source, Source]>(cells, ['a', 'b']);
          const columns: Column[] = specs.map((s, k) => ({ name: `c${k}`, type: typeOf[s.as] }));
          const packed = createColumnBlock(columns, capacity).data;
          const apart = separate(columns, capacity);
          const [toPacked, toApart] = [bind(packed), bind(apart)];
          const rows = Math.min(capacity, pairs.length);
          const sources: [Source, Source][] = [];
          for (let i = 0; i < rows; i++) {
            const [x, y] = pairs[i]!;
            const a: Source = {};
            const b: Source = {};
            specs.forEach((_, k) => ((a[`f${k}`] = k % 3 ? x : y), (b[`f${k}`] = k % 3 ? y : x)));
            sources.push([a, b]);
            toPacked(i, i * 1.5, a, b);
            toApart(i, i * 1.5, a, b);
          }
          specs.forEach((s, k) => {
            for (let i = 0; i < capacity; i++) {
              const want = i < rows ? expected(s.as, s.derived ? (k % 2 ? i * 1.5 : sources[i]![0][`f${k}`]) : sources[i]![s.from === 'a' ? 0 : 1][`f${k}`]) : s.as === 'text' ? null : 0;
              expect(packed[k]![i]).toEqual(want);
              expect(apart[k]![i]).toEqual(want);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('serves a second packed block of the same layout, and falls back to per-column arrays for an unpacked one', () => {
    const cells: FillCell<number, [Source]>[] = [{ from: 'a', field: 'x', storedAs: 'number' }, { from: 'a', field: 'y', storedAs: 'flag' }, { from: 'a', field: 'x', storedAs: 'number' }];
    const columns: Column[] = [{ name: 'x', type: 'double' }, { name: 'y', type: 'bool' }, { name: 'x2', type: 'double' }];
    const bind = compileFill<number, [Source]>(cells, ['a']);
    const blocks = [createColumnBlock(columns, 4).data, createColumnBlock(columns, 4).data, separate(columns, 4), createColumnBlock(columns, 2).data];
    blocks.forEach((data, b) => bind(data)(1, 0, { x: b + 0.5, y: true }));
    blocks.forEach((data, b) => expect([0, 1, 2].map((k) => data[k]![1])).toEqual([b + 0.5, 1, b + 0.5]));
    blocks.forEach((data) => expect([0, 1, 2].map((k) => data[k]![0])).toEqual([0, 0, 0]));
  });
});
