import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { createColumnBlock, type Column, type ColumnBlock } from '../../src/engine/columnBlock.js';
import { ParquetTableWriter, parquetSchema } from '../../src/io/formats/parquet.js';
import { tempDir } from '../cli/helpers.js';
import { mulberry32 as generator } from '../engine/mulberry32.js';

/*
 * seqsim encodes Parquet column chunks itself (src/io/formats/parquetChunk.ts) instead of handing
 * JS arrays to hyparquet-writer. These tests hold it to two references: hyparquet reads every value
 * back as the table holds it, and the file is byte for byte the one hyparquet-writer's
 * `ParquetWriter` makes of the same cells (the writer seqsim used before, called as it was).
 */

const columns: Column[] = [
  { name: 'slot', type: 'int64' }, // increasing: PLAIN
  { name: 'count', type: 'int64' }, // few values, nulls, beyond 2^31 and near ±2^53: dictionary
  { name: 'big', type: 'int64' }, // many values of both signs: PLAIN
  { name: 'price', type: 'double' }, // many values, NaN and ±Infinity (null), −0: PLAIN
  { name: 'zero', type: 'double' }, // 0 and −0 only: a one-value dictionary
  { name: 'level', type: 'double' }, // a few values: dictionary
  { name: 'flag', type: 'bool' }, // with nulls
  { name: 'on', type: 'bool' }, // constant
  { name: 'label', type: 'string' }, // few values, empty, non-ASCII, nulls: dictionary
  { name: 'note', type: 'string' }, // mostly distinct values: PLAIN (under 1 MB a row group: see below)
];

const specials = [NaN, Infinity, -Infinity, -0, 0];
const labels = ['', 'A', 'Ωmega', '流動性', 'emoji 🚀', 'B'];

/** Fills rows `0 … rows − 1` of a block with random cells of every kind the tests name. */
function randomBlock(rows: number, rnd: () => number, first: number): ColumnBlock {
  const b = createColumnBlock(columns, Math.max(rows, 1));
  const [slot, count, big, price, zero, level, flag, on, label, note] = b.data as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Int8Array, Int8Array, (string | null)[], (string | null)[]];
  for (let i = 0; i < rows; i++) {
    const r = rnd();
    slot[i] = first + i;
    count[i] = r < 0.05 ? NaN : [0, 1, 7, 2 ** 31 + 5, -(2 ** 40), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER][Math.floor(rnd() * 7)]!;
    big[i] = Math.round((rnd() - 0.5) * 2 ** 53);
    price[i] = r < 0.1 ? specials[Math.floor(rnd() * specials.length)]! : 1900 + rnd() * 200;
    zero[i] = r < 0.5 ? -0 : 0;
    level[i] = [0.25, 1e-9, 2800, -7.5][Math.floor(rnd() * 4)]!;
    flag[i] = r < 0.1 ? -1 : rnd() < 0.5 ? 1 : 0;
    on[i] = 1;
    label[i] = r < 0.05 ? null : labels[Math.floor(rnd() * labels.length)]!;
    note[i] = r > 0.97 ? null : `${Math.floor(rnd() * 1e6)}`;
  }
  b.length = rows;
  return b;
}

/** A cell as hyparquet reads it back: non-finite numbers null, −0 as 0, int64 a bigint, a flag a boolean. */
function expectedCell(c: Column, v: number | string | null): unknown {
  if (c.type === 'string') return v;
  if (c.type === 'bool') return (v as number) < 0 ? null : v === 1;
  if (!Number.isFinite(v)) return null;
  return c.type === 'int64' ? BigInt(v as number) : (v as number) + 0;
}

/** The table the blocks hold, as objects of expected cells. */
function expectedRows(blocks: readonly ColumnBlock[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const b of blocks)
    for (let i = 0; i < b.length; i++) out.push(Object.fromEntries(columns.map((c, k) => [c.name, expectedCell(c, (b.data[k] as ArrayLike<number | string | null>)[i]!)])));
  return out;
}

/** The same table written by hyparquet-writer's `ParquetWriter` from JS arrays (as seqsim wrote Parquet before). */
function referenceFile(path: string, blocks: readonly ColumnBlock[], rowGroupRows: number): void {
  const rows = expectedRows(blocks);
  const writer = new ParquetWriter({ writer: fileWriter(path), schema: parquetSchema(columns), createdBy: 'seqsim' });
  for (let from = 0; from < rows.length; from += rowGroupRows) {
    const group = rows.slice(from, from + rowGroupRows);
    void writer.write({ columnData: columns.map((c) => ({ name: c.name, data: group.map((r) => r[c.name]) })), rowGroupSize: group.length });
  }
  void writer.finish();
}

const buffer = (path: string) => {
  const b = readFileSync(path);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

/** Writes `blocks` with ParquetTableWriter (row groups of `rowGroupRows`) and the reference; returns both paths. */
function writeBoth(blocks: readonly ColumnBlock[], rowGroupRows?: number): { ours: string; reference: string } {
  const dir = tempDir();
  const ours = join(dir, 'ours.parquet');
  const w = new ParquetTableWriter(ours, { columns, rowGroupRows });
  for (const b of blocks) w.writeBlock(b);
  w.close();
  const reference = join(dir, 'reference.parquet');
  referenceFile(reference, blocks, rowGroupRows ?? 65_536);
  return { ours, reference };
}

/** `total` random rows in blocks of 4,096 (the recorder's size; the last one shorter). */
function randomBlocks(total: number, seed: number): ColumnBlock[] {
  const rnd = generator(seed);
  const blocks: ColumnBlock[] = [];
  for (let first = 0; first < total; first += 4096) blocks.push(randomBlock(Math.min(4096, total - first), rnd, first));
  return blocks;
}

describe('Parquet column chunks written by seqsim', () => {
  it.each([
    [0, 1],
    [1, 2],
    [16, 3], // 16 rows or fewer: flags PLAIN (hyparquet-writer's choice), more: RLE
    [17, 4],
    [4097, 5],
  ])('%i random rows read back as written: nulls for NaN/±Infinity, 0 for −0, int64 beyond 2^31, empty and non-ASCII text', async (rows, seed) => {
    const blocks = randomBlocks(rows, seed);
    const { ours, reference } = writeBoth(blocks);
    const file = buffer(ours);
    const back = await parquetReadObjects({ file });
    expect(back).toEqual(expectedRows(blocks));
    // toEqual takes −0 for 0: check that no −0 comes back.
    expect(back.filter((r) => Object.is(r.price, -0) || Object.is(r.zero, -0))).toEqual([]);
    expect(parquetMetadata(file).schema.slice(1).map((s) => s.type)).toEqual(['INT64', 'INT64', 'INT64', 'DOUBLE', 'DOUBLE', 'DOUBLE', 'BOOLEAN', 'BOOLEAN', 'BYTE_ARRAY', 'BYTE_ARRAY']);
    expect(Buffer.compare(readFileSync(ours), readFileSync(reference))).toBe(0);
  });

  it('a table of 0 rows has the schema and no row group', async () => {
    const { ours, reference } = writeBoth([]);
    const meta = parquetMetadata(buffer(ours));
    expect([meta.num_rows, meta.row_groups.length, meta.schema.length]).toEqual([0n, 0, columns.length + 1]);
    expect(await parquetReadObjects({ file: buffer(ours) })).toEqual([]);
    expect(Buffer.compare(readFileSync(ours), readFileSync(reference))).toBe(0);
  });

  it.each([65_536, 65_537])('%i rows: row groups of exactly 65,536 rows, every value back, the bytes of the reference', async (rows) => {
    const blocks = randomBlocks(rows, rows);
    const { ours, reference } = writeBoth(blocks);
    const file = buffer(ours);
    const meta = parquetMetadata(file);
    expect(meta.row_groups.map((g) => g.num_rows)).toEqual(rows === 65_536 ? [65_536n] : [65_536n, 1n]);
    const encodings = Object.fromEntries(meta.row_groups[0]!.columns.map((c) => [c.meta_data!.path_in_schema[0], c.meta_data!.encodings.join('/')]));
    expect(encodings).toEqual({ slot: 'PLAIN', count: 'PLAIN/RLE_DICTIONARY', big: 'PLAIN', price: 'PLAIN', zero: 'PLAIN/RLE_DICTIONARY', level: 'PLAIN/RLE_DICTIONARY', flag: 'RLE', on: 'RLE', label: 'PLAIN/RLE_DICTIONARY', note: 'PLAIN' });
    expect(await parquetReadObjects({ file })).toEqual(expectedRows(blocks));
    expect(Buffer.compare(readFileSync(ours), readFileSync(reference))).toBe(0);
  });

  it('row groups of any size, from blocks of any size, match the reference; rows written one by one give the same file', () => {
    const blocks = randomBlocks(9000, 7);
    const { ours, reference } = writeBoth(blocks, 1000);
    expect(Buffer.compare(readFileSync(ours), readFileSync(reference))).toBe(0);
    const byRow = join(tempDir(), 'rows.parquet');
    const w = new ParquetTableWriter(byRow, { columns, rowGroupRows: 1000 });
    for (const row of expectedRows(blocks)) w.write(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])) as never);
    w.close();
    expect(Buffer.compare(readFileSync(byRow), readFileSync(ours))).toBe(0);
  });

  it('row groups left to encodeSome (deferRowGroups, as the writer thread does) give the same file, however few steps run between blocks', () => {
    const blocks = randomBlocks(9000, 11);
    const { reference } = writeBoth(blocks, 1000);
    const rnd = generator(3);
    for (let trial = 0; trial < 4; trial++) {
      const path = join(tempDir(), 'deferred.parquet');
      const w = new ParquetTableWriter(path, { columns, rowGroupRows: 1000 });
      w.deferRowGroups = true;
      for (const b of blocks) {
        // Split each block in two, with 0 to 12 encoding steps after each part (a group queued, one half done, …).
        const cut = Math.floor(rnd() * b.length);
        for (const [from, to] of [[0, cut], [cut, b.length]] as const) {
          const part = createColumnBlock(columns, Math.max(1, to - from));
          part.data.forEach((d, k) => {
            for (let i = from; i < to; i++) (d as unknown[])[i - from] = (b.data[k] as ArrayLike<unknown>)[i];
          });
          part.length = to - from;
          if (part.length > 0) w.writeBlock(part);
          for (let n = Math.floor(rnd() * 13); n > 0 && w.encodeSome(); n--);
        }
      }
      w.close();
      expect(Buffer.compare(readFileSync(path), readFileSync(reference))).toBe(0);
    }
  });

  it('rows after blocks are refused even when no rows are pending (a row group queued for encoding would come after them)', () => {
    const blocks = randomBlocks(1000, 5); // exactly one row group: queued, nothing pending
    const w = new ParquetTableWriter(join(tempDir(), 'mixed.parquet'), { columns, rowGroupRows: 1000 });
    w.deferRowGroups = true;
    for (const b of blocks) w.writeBlock(b);
    const row = Object.fromEntries(Object.entries(expectedRows(blocks)[0]!).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
    expect(() => w.write(row as never)).toThrow(/rows and blocks cannot be mixed/);
    w.abandon();
  });

  it('abandon() with a row group still queued writes it and a footer to <path>.partial, never the final name', () => {
    const blocks = randomBlocks(2500, 9);
    const path = join(tempDir(), 'abandoned.parquet');
    const w = new ParquetTableWriter(path, { columns, rowGroupRows: 1000 });
    w.deferRowGroups = true;
    for (const b of blocks) w.writeBlock(b);
    w.abandon();
    expect(() => readFileSync(path)).toThrow();
    const meta = parquetMetadata(buffer(`${path}.partial`));
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([1000, 1000]);
  });

  it('a PLAIN text chunk over 1 MB stays one page (hyparquet-writer splits it at ~1 MB and adds an offset index): every value back', async () => {
    const cols: Column[] = [{ name: 'id', type: 'int64' }, { name: 'text', type: 'string' }];
    const b = createColumnBlock(cols, 30_000);
    for (let i = 0; i < 30_000; i++) {
      (b.data[0] as Float64Array)[i] = i;
      (b.data[1] as (string | null)[])[i] = i % 101 === 0 ? null : `row ${i}: ${'é'.repeat(i % 50)} ${'x'.repeat(40)}`;
    }
    b.length = 30_000;
    const path = join(tempDir(), 'long.parquet');
    const w = new ParquetTableWriter(path, { columns: cols });
    w.writeBlock(b);
    w.close();
    const file = buffer(path);
    const chunk = parquetMetadata(file).row_groups[0]!.columns[1]!;
    expect([chunk.meta_data!.encodings, chunk.meta_data!.encoding_stats![0]!.count, chunk.offset_index_offset]).toEqual([['PLAIN'], 1, undefined]);
    expect(Number(chunk.meta_data!.total_uncompressed_size)).toBeGreaterThan(1_500_000);
    const back = await parquetReadObjects({ file });
    expect(back.map((r) => r.text)).toEqual([...(b.data[1] as (string | null)[])]);
  });

  it('an int64 cell that is not a safe integer is an error, as for rows', () => {
    const b = randomBlock(10, generator(9), 0);
    (b.data[1] as Float64Array)[3] = 1.5;
    const w = new ParquetTableWriter(join(tempDir(), 't.parquet'), { columns });
    w.writeBlock(b);
    expect(() => w.close()).toThrow(/column "count" holds int64 values, but got 1.5/);
  });

  // hyparquet-writer samples 1,000 cells spread over a column before trying a dictionary: when more
  // than 90% of the sampled text is distinct it writes PLAIN, even if the column repeats elsewhere.
  it.each([
    ['sample all distinct, the rest one value: PLAIN', (i: number, sampled: boolean) => (sampled ? `v${i}` : 'x'), 'PLAIN'],
    ['sample half repeated: dictionary', (i: number, sampled: boolean) => (sampled && i % 2 ? `v${i}` : 'x'), 'RLE_DICTIONARY'],
  ] as const)('a text column whose %s, the same bytes as hyparquet-writer', (_name, cell, encoding) => {
    const n = 20_000;
    const text: Column[] = [{ name: 's', type: 'string' }];
    const values = Array.from({ length: n }, () => 'x');
    for (let i = 0; i < 1000; i++) {
      const at = Math.floor((i * (n - 1)) / 999);
      values[at] = cell(i, true);
    }
    for (let i = 0; i < n; i += 7) if (values[i] === 'x') values[i] = cell(i, false);
    const dir = tempDir();
    const block = createColumnBlock(text, n);
    values.forEach((v, i) => ((block.data[0] as (string | null)[])[i] = v));
    block.length = n;
    const w = new ParquetTableWriter(join(dir, 'ours.parquet'), { columns: text, rowGroupRows: n });
    w.writeBlock(block);
    w.close();
    const ref = new ParquetWriter({ writer: fileWriter(join(dir, 'ref.parquet')), schema: parquetSchema(text), createdBy: 'seqsim' });
    void ref.write({ columnData: [{ name: 's', data: values }], rowGroupSize: n });
    void ref.finish();
    const meta = parquetMetadata(buffer(join(dir, 'ours.parquet')));
    expect(meta.row_groups[0]!.columns[0]!.meta_data!.encodings).toContain(encoding);
    expect(Buffer.compare(readFileSync(join(dir, 'ours.parquet')), readFileSync(join(dir, 'ref.parquet')))).toBe(0);
  });
});
