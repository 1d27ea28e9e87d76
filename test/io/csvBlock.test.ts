import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf, createColumnBlock, type Column, type ColumnBlock } from '../../src/engine/columnBlock.js';
import type { Row } from '../../src/engine/recorder.js';
import { CsvWriter, csvField } from '../../src/io/csvWriter.js';
import { blockTemplate, flagCell, isConstantColumn, numberCell, textCell as textKind } from '../../src/io/formats/blockTemplate.js';
import { csvLines, csvLineBytes, csvText } from '../../src/io/formats/csvBlock.js';
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
  fc.maxSafeInteger().map((x): CellPair => ({ row: x, stored: x })),
  fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 53 + 2, 2 ** 53 - 1, 1 - 2 ** 53, 1e16, 1e20, -1e21, 1e-7, -1.5e-7).map((x): CellPair => ({ row: x, stored: x })),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 5e-324, 1e21, 0.1 + 0.2).map((x): CellPair => ({ row: x, stored: x })),
  fc.constant<CellPair>({ row: null, stored: Number.NaN }),
);
const boolCell = fc.constantFrom<CellPair>({ row: true, stored: 1 }, { row: false, stored: 0 }, { row: null, stored: -1 });
/** Any UTF-16 code unit, lone surrogates included (UTF-8 writes them as U+FFFD either way). */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) });
const textCell = fc.oneof(
  fc.string().map((s): CellPair => ({ row: s, stored: s })),
  anyText.map((s): CellPair => ({ row: s, stored: s })),
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

/** Rows 0 … length − 1 of `block` as the generated writer writes them, each checked against the room bound. */
function linesOf(block: ColumnBlock): string[] {
  const room = csvLineBytes(block.columns, block.data, block.length);
  const buf = Buffer.alloc(room + 8, 0xee); // bytes past the room stay 0xee: nothing writes beyond it
  const write = csvLines(block.columns)(block.data, block.length);
  const lines: string[] = [];
  for (let i = 0; i < block.length; i++) {
    const end = write(i, buf, 8);
    expect(end - 8).toBeLessThanOrEqual(room);
    expect(buf.subarray(room + 8).every((b) => b === 0xee)).toBe(true);
    lines.push(buf.toString('utf8', 8, end));
  }
  return lines;
}

/** `s` after a round trip through UTF-8 (a lone surrogate becomes U+FFFD), as a file holds it. */
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');

/** A one-column table holding `values`. */
function columnOf(type: Column['type'], values: readonly (number | string | null)[]): ColumnBlock {
  const block = createColumnBlock([{ name: 'v', type }], Math.max(1, values.length));
  values.forEach((v, i) => void ((block.data[0] as unknown[])[i] = v));
  block.length = values.length;
  return block;
}

describe('CSV lines from column blocks (csvBlock.ts)', () => {
  it('writes every number exactly as csvField: shortest round-trip, integers near 2^53, −0 as 0, NaN and ±Infinity empty', () => {
    const numbers = fc.oneof(fc.double(), fc.maxSafeInteger(), fc.integer(), fc.double({ min: -1e6, max: 1e6 }).map(Math.round));
    fc.assert(fc.property(fc.array(numbers, { maxLength: 50 }), (xs) => void expect(linesOf(columnOf('double', xs))).toEqual(xs.map(csvField))), { numRuns: 400 });
    const edges = [-0, 0, Number.NaN, Infinity, -Infinity, 0.1 + 0.2, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, -(2 ** 53 - 1), -(2 ** 53), 1e21, -1e21, 123456789012345680000, 5e-324, -1.7976931348623157e308, 1e-7, -1.2345678901234567e-7, 9, 10, -10, 99, 100, 1e15, 999999999999999];
    expect(linesOf(columnOf('int64', edges))).toEqual(edges.map(csvField));
    expect(linesOf(columnOf('double', [-0, 2 ** 53 - 1, -(2 ** 53), 0.1 + 0.2]))).toEqual(['0', '9007199254740991', '-9007199254740992', '0.30000000000000004']);
  });

  it('writes formatted numbers in row order across several double columns and over blocks one after another', () => {
    const twoDoubles: Column[] = [{ name: 'a', type: 'double' }, { name: 'b', type: 'double' }];
    const pair = fc.tuple(fc.double(), fc.double());
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 40 }), (rows) => {
        const block = createColumnBlock(twoDoubles, rows.length);
        rows.forEach(([a, b], i) => void (((block.data[0] as unknown[])[i] = a), ((block.data[1] as unknown[])[i] = b)));
        block.length = rows.length;
        expect(linesOf(block)).toEqual(rows.map(([a, b]) => `${csvField(a)},${csvField(b)}`));
      }),
      { numRuns: 300 },
    );
    // One line writer over blocks that shrink, grow and hold integers only: nothing is left from the block before.
    const lines = csvLines([{ name: 'v', type: 'double' }]);
    const buf = Buffer.alloc(1024);
    const write = (xs: number[]) => {
      const block = columnOf('double', xs);
      const line = lines(block.data, block.length);
      return xs.map((_, i) => buf.toString('utf8', 0, line(i, buf, 0)));
    };
    expect(write([0.5, 1.25, 2.125, 3.0625])).toEqual(['0.5', '1.25', '2.125', '3.0625']);
    expect(write([7.75])).toEqual(['7.75']);
    expect(write([1, 2, 3])).toEqual(['1', '2', '3']);
    expect(write([0.1, 0.2])).toEqual(['0.1', '0.2']);
  });

  it('gives a value the same text however often and in whatever order it recurs', () => {
    // A small pool drawn from many times: repeats next to each other and far apart.
    const pool = fc.array(fc.double({ noNaN: false }), { minLength: 1, maxLength: 2000 });
    fc.assert(
      fc.property(pool, fc.array(fc.nat(), { maxLength: 300 }), (values, picks) => {
        const xs = picks.map((k) => values[k % values.length]!);
        expect(linesOf(columnOf('double', xs))).toEqual(xs.map(csvField));
      }),
      { numRuns: 100 },
    );
  });

  it('writes text as the UTF-8 of csvField: ASCII, quotes, commas, line breaks, non-ASCII and lone surrogates', () => {
    fc.assert(fc.property(fc.array(fc.oneof(anyText, fc.string()), { maxLength: 20 }), (ts) => void expect(linesOf(columnOf('string', ts))).toEqual(ts.map((t) => utf8(csvField(t))))), { numRuns: 300 });
    const ts = ['é', 'a"b', 'naïve, "quoted"', '😀', '\ud800', 'tab\there', 'back\\slash', 'x\r\ny', ''];
    expect(linesOf(columnOf('string', ts))).toEqual(ts.map((t) => utf8(csvField(t))));
  });

  it('quotes text exactly as csvField (RFC 4180: quotes doubled, a field with a quote, comma or line break quoted)', () => {
    fc.assert(fc.property(fc.string(), (s) => csvText(s) === csvField(s)));
    expect(csvText('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvText(null)).toBe('');
  });

  it('gives each row the line csvField gives it, with repeats, −0 after 0, NaN after a number and changes in any order', () => {
    fc.assert(
      fc.property(fc.array(rowCells, { maxLength: 40 }), (rows) => {
        const { block, objects } = blockOf(rows);
        const expected = objects.map((o) => utf8(columns.map((c) => csvField(o[c.name] ?? null)).join(',')));
        expect(linesOf(block)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('writes no repeat that would render differently: 0 then −0, a number then NaN, text then null', () => {
    const xs = [0, -0, -0, Number.NaN, Number.NaN, 5, 5, Infinity, 0.1, 0.1];
    const texts = ['a', 'a', null, null, 'a,b', 'a,b', '', '', 'x', 'x'];
    const { block, objects } = blockOf(xs.map((x, i) => [{ row: i, stored: i }, { row: x, stored: x }, { row: i % 3 === 0, stored: i % 3 === 0 ? 1 : 0 }, { row: texts[i]!, stored: texts[i]! }]));
    expect(objects).toHaveLength(10);
    expect(linesOf(block)).toEqual(['0,0,true,a', '1,0,false,a', '2,0,false,', '3,,true,', '4,,false,"a,b"', '5,5,false,"a,b"', '6,5,true,', '7,,false,', '8,0.1,false,x', '9,0.1,true,x']);
  });
});

describe('block templates and repeated numbers (blockTemplate.ts, csvBlock.ts)', () => {
  const mixed: Column[] = [
    { name: 'a', type: 'double' },
    { name: 'b', type: 'double' },
    { name: 'ok', type: 'bool' },
    { name: 't', type: 'string' },
    { name: 'c', type: 'int64' },
    { name: 'u', type: 'string' },
  ];
  /** Cells from a pool of at most `size` values per column: constant columns, repeats one and two rows apart. */
  const pooled = <T>(values: fc.Arbitrary<T>, size: number) => fc.array(values, { minLength: 1, maxLength: size });
  const numbers = fc.oneof(fc.double(), fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 0.1, 1e21, 7, -3.5));
  const texts = fc.oneof(anyText, fc.constantFrom('a,b', 'say "hi"', 'é', '', 'arb-A;backrun-B'), fc.constant(null));
  const pools = fc.tuple(pooled(numbers, 3), pooled(numbers, 2), pooled(fc.constantFrom(1, 0, -1), 2), pooled(texts, 2), pooled(numbers, 1), pooled(texts, 1));

  it('gives each row the line csvField gives it, whichever columns are constant over the block and whichever numbers repeat', () => {
    fc.assert(
      fc.property(pools, fc.array(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 30 }), (pool, picks) => {
        const block = createColumnBlock(mixed, picks.length);
        picks.forEach((pick, i) => pick.forEach((r, k) => void ((block.data[k] as unknown[])[i] = pool[k]![r % pool[k]!.length])));
        block.length = picks.length;
        const expected = picks.map((_, i) => utf8(mixed.map((c, k) => csvField(cellOf(c, block.data[k]!, i))).join(',')));
        expect(linesOf(block)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('copies a repeated number\'s text from one or two rows before, also after rows that are not formatted', () => {
    const xs = [0.1, 0.1, 0.2, 0.1, 0.2, 5, 0.2, Number.NaN, 5, 0.3, 0.3, 0.3, -0, 0.3, 1e-7, 0.3, 1e-7];
    expect(linesOf(columnOf('double', xs))).toEqual(xs.map(csvField));
    const twoRollups = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 1.5 + Math.floor(i / 6) * 0.1 : -2.25));
    expect(linesOf(columnOf('double', twoRollups))).toEqual(twoRollups.map(csvField));
  });

  it('knows a constant column by what it writes: 0 and −0 alike, any NaN alike, text by value', () => {
    expect(isConstantColumn(numberCell, Float64Array.of(0, -0, 0), 3)).toBe(true);
    expect(isConstantColumn(numberCell, Float64Array.of(Number.NaN, Number.NaN), 2)).toBe(true);
    expect(isConstantColumn(numberCell, Float64Array.of(Number.NaN, 1), 2)).toBe(false);
    expect(isConstantColumn(numberCell, Float64Array.of(1, Number.NaN), 2)).toBe(false);
    expect(isConstantColumn(numberCell, Float64Array.of(0.5, 0.5, 0.25), 2)).toBe(true); // only the first `length` rows
    expect(isConstantColumn(flagCell, Int8Array.of(-1, -1, 0), 3)).toBe(false);
    expect(isConstantColumn(textKind, ['a', 'a', null], 3)).toBe(false);
    expect(isConstantColumn(textKind, [null, null], 2)).toBe(true);
  });

  it('finds a differing number or flag at any row, four-at-a-time loop or its tail, and only within `length`', () => {
    for (let length = 1; length <= 13; length++)
      for (let at = 0; at < length + 2; at++) {
        const xs = new Float64Array(length + 2).fill(0.5);
        const flags = new Int8Array(length + 2).fill(1);
        xs[at] = 0.75;
        flags[at] = 0;
        const inside = length > 1 && at < length;
        expect(isConstantColumn(numberCell, xs, length), `${length} ${at}`).toBe(!inside);
        expect(isConstantColumn(flagCell, flags, length), `${length} ${at}`).toBe(!inside);
        xs[at] = Number.NaN;
        expect(isConstantColumn(numberCell, xs, length), `NaN ${length} ${at}`).toBe(!inside);
      }
  });

  it('renders the constant columns once into fixed runs with their commas, the varying columns between them', () => {
    const cells = ['1', 'x', '', '22', 'yy'];
    const write = (k: number, _i: number, b: Buffer, p: number) => p + b.write(cells[k]!, p, 'latin1');
    const t = blockTemplate([true, false, true, true, false], write, Buffer.alloc(64));
    expect(Array.from(t.varying)).toEqual([1, 4]);
    const runs = Array.from({ length: t.runAt.length - 1 }, (_, j) => t.fixed.toString('latin1', t.runAt[j], t.runAt[j + 1]));
    expect(runs).toEqual(['1,', ',,22,', '']);
    const all = blockTemplate([true, true], write, Buffer.alloc(64));
    expect(Array.from(all.varying)).toEqual([]);
    expect(all.fixed.toString('latin1')).toBe('1,x');
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

  it('CSV: the same bytes across the 4 MiB chunk boundary and for a line longer than the chunk', () => {
    // About 5 MiB of lines with non-ASCII text (a line straddles every flush point as the block
    // sizes vary), then one line of more than 4 MiB, then ordinary lines again.
    const cell = (i: number, text: string): CellPair[] => [
      { row: i, stored: i },
      { row: i * 1.1 - 7, stored: i * 1.1 - 7 },
      { row: i % 2 === 0, stored: i % 2 === 0 ? 1 : 0 },
      { row: text, stored: text },
    ];
    const rows = Array.from({ length: 12000 }, (_, i) => cell(i, `${'é€😀,"x"'.repeat(i % 60)}${i}`));
    rows.push(cell(12000, 'ü"'.repeat(1_500_000)), cell(12001, 'after'), cell(12002, 'é'.repeat(2000)));
    for (const blockRows of [333, 4096]) {
      const [a, b] = both(rows, blockRows, (p) => new CsvWriter(p), 'csv');
      expect(a!.length).toBeGreaterThan(10 << 20);
      expect(b!.equals(a!)).toBe(true);
    }
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
