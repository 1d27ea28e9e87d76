import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createColumnBlock, type Column, type ColumnBlock } from '../../src/engine/columnBlock.js';
import type { Row } from '../../src/engine/recorder.js';
import { CsvWriter, csvField } from '../../src/io/csvWriter.js';
import { compileCsvLines, csvNumber, csvText } from '../../src/io/formats/csvBlock.js';
import { JsonlWriter } from '../../src/io/formats/jsonl.js';
import { ParquetTableWriter } from '../../src/io/formats/parquet.js';
import { tempDir } from '../cli/helpers.js';

/** A cell of `column` as the old row-by-row path held it, and how a block stores it. */
type CellPair = { row: number | string | boolean | null; stored: number | string | null };

const columns: Column[] = [
  { name: 'slot', type: 'int64' },
  { name: 'x', type: 'double' },
  { name: 'ok', type: 'bool' },
  { name: 'who', type: 'string' },
];

const doubleCell = fc.oneof(
  fc.double().map((x): CellPair => ({ row: x, stored: x })),
  fc.integer({ min: -1e9, max: 1e9 }).map((x): CellPair => ({ row: x, stored: x })),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 5e-324, 1e21, 0.1 + 0.2).map((x): CellPair => ({ row: x, stored: x })),
  fc.constant<CellPair>({ row: null, stored: Number.NaN }),
);
const boolCell = fc.constantFrom<CellPair>({ row: true, stored: 1 }, { row: false, stored: 0 }, { row: null, stored: -1 });
const textCell = fc.oneof(
  fc.string().map((s): CellPair => ({ row: s, stored: s })),
  fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', 'cr\r', '"', '', 'arb-A;backrun-A', 'é€😀').map((s): CellPair => ({ row: s, stored: s })),
  fc.constant<CellPair>({ row: null, stored: null }),
);
const rowCells = fc.tuple(fc.integer({ min: 0, max: 1e6 }).map((x): CellPair => ({ row: x, stored: x })), doubleCell, boolCell, textCell);

/** A block holding `rows` (as stored cells), and the same rows as row objects. */
function blockOf(rows: readonly CellPair[][], capacity = Math.max(1, rows.length)): { block: ColumnBlock; objects: Row[] } {
  const block = createColumnBlock(columns, capacity);
  rows.forEach((cells, i) => cells.forEach((c, k) => void ((block.data[k] as unknown[])[i] = c.stored)));
  block.length = rows.length;
  return { block, objects: rows.map((cells) => Object.fromEntries(cells.map((c, k) => [columns[k]!.name, c.row]))) };
}

describe('CSV lines from column blocks (csvBlock.ts)', () => {
  it('renders every number exactly as csvField: shortest round-trip, −0 as 0, NaN and ±Infinity empty', () => {
    fc.assert(fc.property(fc.double(), (x) => csvNumber(x) === csvField(x)), { numRuns: 2000 });
    expect([csvNumber(-0), csvNumber(Number.NaN), csvNumber(Infinity), csvNumber(-Infinity), csvNumber(0.1 + 0.2)]).toEqual(['0', '', '', '', '0.30000000000000004']);
  });

  it('quotes text exactly as csvField (RFC 4180: quotes doubled, a field with a quote, comma or line break quoted)', () => {
    fc.assert(fc.property(fc.string(), (s) => csvText(s) === csvField(s)));
    expect(csvText('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvText(null)).toBe('');
  });

  it('gives each row the line csvField gives it, with repeats, −0 after 0, NaN after a number and changes in any order (the per-cell cache)', () => {
    fc.assert(
      fc.property(fc.array(rowCells, { maxLength: 40 }), (rows) => {
        const { block, objects } = blockOf(rows);
        const line = compileCsvLines(columns)(block.data);
        const expected = objects.map((o) => columns.map((c) => csvField(o[c.name] ?? null)).join(','));
        expect(objects.map((_, i) => line(i))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('takes no repeat from the cache that would render differently: 0 then −0, a number then NaN, text then null', () => {
    const xs = [0, -0, -0, Number.NaN, Number.NaN, 5, 5, Infinity, 0.1, 0.1];
    const texts = ['a', 'a', null, null, 'a,b', 'a,b', '', '', 'x', 'x'];
    const { block, objects } = blockOf(xs.map((x, i) => [{ row: i, stored: i }, { row: x, stored: x }, { row: i % 3 === 0, stored: i % 3 === 0 ? 1 : 0 }, { row: texts[i]!, stored: texts[i]! }]));
    const line = compileCsvLines(columns)(block.data);
    expect(objects.map((_, i) => line(i))).toEqual(['0,0,true,a', '1,0,false,a', '2,0,false,', '3,,true,', '4,,false,"a,b"', '5,5,false,"a,b"', '6,5,true,', '7,,false,', '8,0.1,false,x', '9,0.1,true,x']);
  });
});

describe('table writers take blocks and write the bytes they write row by row', () => {
  const rowsArb = fc.array(rowCells, { minLength: 1, maxLength: 30 });
  /** Writes `rows` row by row with `byRow` and in blocks of `blockRows` with `byBlock`; returns both files' bytes. */
  function both(rows: CellPair[][], blockRows: number, make: (path: string) => { write(r: Row): void; writeBlock(b: ColumnBlock): void; close(): void }, ext: string) {
    const dir = tempDir();
    const a = make(join(dir, `rows.${ext}`));
    const b = make(join(dir, `blocks.${ext}`));
    const { objects } = blockOf(rows);
    for (const o of objects) a.write(o);
    for (let from = 0; from < rows.length; from += blockRows) b.writeBlock(blockOf(rows.slice(from, from + blockRows), blockRows).block);
    a.close();
    b.close();
    return [readFileSync(join(dir, `rows.${ext}`)), readFileSync(join(dir, `blocks.${ext}`))];
  }

  it('CSV: same header and lines, whatever the block size', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 7 }), (rows, blockRows) => {
        // The row-by-row writer takes its header from the first row's keys: the block's column names.
        const [a, b] = both(rows, blockRows, (p) => new CsvWriter(p), 'csv');
        expect(b!.equals(a!)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('JSON Lines: same records (non-finite numbers null)', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 7 }), (rows, blockRows) => {
        const [a, b] = both(rows, blockRows, (p) => new JsonlWriter(p, { slot: 'int64', x: 'double', ok: 'bool', who: 'string' }), 'jsonl');
        expect(b!.toString()).toBe(a!.toString());
      }),
      { numRuns: 40 },
    );
  });

  it('Parquet: the same file, row groups of rowGroupRows rows wherever the blocks end', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), (rows, blockRows, rowGroupRows) => {
        const [a, b] = both(rows, blockRows, (p) => new ParquetTableWriter(p, { columns, rowGroupRows }), 'parquet');
        expect(b!.equals(a!)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
