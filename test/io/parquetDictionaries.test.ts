import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gatherNumbers, NumberDictionary, type NumberCells } from '../../src/io/formats/parquetNumbers.js';
import { gatherText, textDictionary } from '../../src/io/formats/parquetText.js';

/*
 * The dictionaries of Parquet chunks take shortcuts (a value equal to the row before's or the one two
 * rows back takes its index without a lookup; a text column without nulls is read in place). These
 * properties hold them to the plain definition: distinct values in first-seen order, each value's
 * index, and the same keep-or-drop decision (at most half the PLAIN bytes).
 */

/** First-seen order and indexes by a Map, with hyparquet-writer's size rule applied by the caller. */
function plainDictionary<T>(values: readonly T[]): { entries: T[]; indexes: number[] } {
  const index = new Map<T, number>();
  const entries: T[] = [];
  const indexes = values.map((v) => {
    let k = index.get(v);
    if (k === undefined) index.set(v, (k = entries.push(v) - 1));
    return k;
  });
  return { entries, indexes };
}

/** Rows as the slots table has them: two rollups alternating, values repeating one or two rows back, or not. */
const alternating = <T>(cell: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(cell, cell, fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 30 }).map((runs) => runs.flatMap(([a, b, n]) => Array.from({ length: 2 * n }, (_, i) => (i % 2 ? b : a))));

const texts = fc.oneof(fc.constantFrom('', 'A', 'B', 'Ωmega', '流動性'), fc.string({ maxLength: 6 }));

describe('Parquet dictionaries with shortcuts, against the plain definition', () => {
  it('text: entries and indexes as a Map gives them, kept exactly when the rule keeps them; with or without nulls', () => {
    fc.assert(
      fc.property(alternating(fc.oneof(texts, texts, fc.constant(null))), (cells) => {
        const rows = cells.length;
        const defined = new Uint8Array(rows);
        const { values, count } = gatherText(cells, rows, defined);
        const present = cells.filter((s): s is string => s !== null);
        expect(values.slice(0, count)).toEqual(present);
        if (count < rows) expect(Array.from(defined)).toEqual(cells.map((s) => (s === null ? 0 : 1)));
        const ours = textDictionary(values, count);
        const ref = plainDictionary(present);
        const dictBytes = ref.entries.reduce((n, s) => n + s.length + 4, 0);
        const plainBytes = present.reduce((n, s) => n + s.length + 4, 0);
        const keep = ref.entries.length > 0 && 2 * (dictBytes + Math.ceil((count * Math.ceil(Math.log2(ref.entries.length))) / 8)) <= plainBytes;
        expect(ours !== null).toBe(keep);
        if (ours) {
          expect(ours.entries).toEqual(ref.entries);
          expect(Array.from(ours.indexes)).toEqual(ref.indexes);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each([[['A', 'B', 'A', null]], [[null, 'A', 'B', 'A']], [[null]], [['A', 'B']]])('text %j: the non-null values in order, and which rows are defined', (cells) => {
    const defined = new Uint8Array(cells.length);
    const { values, count } = gatherText(cells, cells.length, defined);
    expect(values.slice(0, count)).toEqual(cells.filter((s) => s !== null));
    if (count < cells.length) expect(Array.from(defined)).toEqual(cells.map((s) => (s === null ? 0 : 1)));
  });

  it('numbers: entries and indexes as a Map gives them, whenever the dictionary is kept', () => {
    const dictionary = new NumberDictionary();
    fc.assert(
      fc.property(alternating(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, NaN))), (cells) => {
        const data = Float64Array.from(cells);
        const rows = data.length;
        const cellsOut: NumberCells = { values: new Float64Array(rows), count: 0, defined: new Uint8Array(rows), min: NaN, max: NaN };
        gatherNumbers({ name: 'x', type: 'double' }, data, rows, cellsOut);
        const present = cells.filter((v) => Number.isFinite(v)).map((v) => v + 0);
        const size = dictionary.build(cellsOut.values, cellsOut.count);
        const ref = plainDictionary(present);
        if (size === 0) return;
        expect(Array.from(dictionary.entries.subarray(0, size))).toEqual(ref.entries);
        expect(Array.from(dictionary.indexes.subarray(0, cellsOut.count))).toEqual(ref.indexes);
      }),
      { numRuns: 400 },
    );
  });
});
