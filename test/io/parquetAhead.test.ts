import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata } from 'hyparquet';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createColumnBlock, type Column, type ColumnBlock } from '../../src/engine/columnBlock.js';
import { ParquetTableWriter } from '../../src/io/formats/parquet.js';
import { PlainAhead, RowGroupAhead } from '../../src/io/formats/parquetAhead.js';
import { tempDir } from '../cli/helpers.js';
import { mulberry32 as generator } from '../engine/mulberry32.js';

/*
 * A writer thread's Parquet writer compresses double columns' PLAIN pages ahead while a row group
 * fills (encodeSome between blocks). The guess of which columns will be PLAIN may be wrong either
 * way; the file must be byte for byte the one written without deferral (which parquetWriter.test.ts
 * holds to hyparquet-writer's own files).
 */

const groupRows = 20_000;
const columns: Column[] = [
  { name: 'slot', type: 'int64' },
  { name: 'price', type: 'double' }, // varied, with NaN, ±Infinity and −0: PLAIN in every group
  { name: 'shift', type: 'double' }, // varied in the first group, four values after: a wrong guess from the group before
  { name: 'late', type: 'double' }, // four values for the first 8,000 rows of a group, varied after: decided late
  { name: 'level', type: 'double' }, // four values: a dictionary
];
const specials = [NaN, Infinity, -Infinity, -0];

/** `total` rows in blocks of 4,096 (the last shorter). */
function blocks(total: number, seed: number): ColumnBlock[] {
  const rnd = generator(seed);
  const out: ColumnBlock[] = [];
  for (let first = 0; first < total; first += 4096) {
    const b = createColumnBlock(columns, 4096);
    const [slot, price, shift, late, level] = b.data as Float64Array[];
    b.length = Math.min(4096, total - first);
    for (let i = 0; i < b.length; i++) {
      const row = first + i;
      const few = [0.25, 1e-9, 2800, -7.5][Math.floor(rnd() * 4)]!;
      slot![i] = row;
      price![i] = rnd() < 0.05 ? specials[Math.floor(rnd() * 4)]! : 1900 + Math.floor(rnd() * 5000) / 16;
      shift![i] = row < groupRows ? rnd() * 1000 : few;
      late![i] = row % groupRows < 8000 ? few : 1900 + rnd();
      level![i] = few;
    }
    out.push(b);
  }
  return out;
}

/** Writes `parts` with encodeSome steps (0 to `maxSteps`) between blocks, deferred or not. */
function write(parts: readonly ColumnBlock[], deferred: boolean, seed: number, maxSteps: number): string {
  const path = join(tempDir(), 'table.parquet');
  const w = new ParquetTableWriter(path, { columns, rowGroupRows: groupRows });
  w.deferRowGroups = deferred;
  const rnd = generator(seed);
  for (const b of parts) {
    w.writeBlock(b);
    if (deferred) for (let n = Math.floor(rnd() * (maxSteps + 1)); n > 0 && w.encodeSome(); n--);
  }
  w.close();
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe('Parquet pages compressed ahead while a row group fills', () => {
  it.each([
    [67_000, 1, 40], // steps enough to keep up: most pages compressed ahead
    [67_000, 2, 3], // few steps: aheads lag, the rest done at encoding
    [4096 * 3, 3, 40], // one partial row group, as a run's last
  ])('%i rows (seed %i, up to %i steps a block): the bytes of the writer without deferral', (rows, seed, maxSteps) => {
    const parts = blocks(rows, seed);
    const finish = vi.spyOn(PlainAhead.prototype, 'finish');
    const reset = vi.spyOn(PlainAhead.prototype, 'reset');
    const ahead = readFileSync(write(parts, true, seed, maxSteps));
    const used = finish.mock.results.filter((r) => r.value !== null).length;
    // After the first row group, aheads are reused (their arrays overwritten) rather than made anew.
    if (rows > 2 * groupRows && maxSteps > 3) expect(reset).toHaveBeenCalled();
    finish.mockClear();
    const plain = readFileSync(write(parts, false, seed, 0));
    expect(finish).not.toHaveBeenCalled();
    expect(Buffer.compare(ahead, plain)).toBe(0);
    // The compressed-ahead path was taken (price in each row group at least).
    expect(used).toBeGreaterThanOrEqual(Math.floor(rows / groupRows));
    const meta = parquetMetadata(ahead.buffer.slice(ahead.byteOffset, ahead.byteOffset + ahead.byteLength));
    expect(meta.row_groups[0]!.columns.map((c) => c.meta_data!.encodings.join('/'))).toEqual(['PLAIN', 'PLAIN', 'PLAIN', 'PLAIN', 'PLAIN/RLE_DICTIONARY']);
    if (meta.row_groups.length > 1) expect(meta.row_groups[1]!.columns[2]!.meta_data!.encodings).toEqual(['PLAIN', 'RLE_DICTIONARY']);
  });

  it('a PlainAhead whose values do not add up to the chunk’s count declines (the page is compressed whole)', () => {
    const a = new PlainAhead(10_000);
    const data = Float64Array.from({ length: 10_000 }, (_, i) => i / 3);
    a.extend(data, 5000);
    expect(a.finish(data, 10_000, 9999)).toBeNull();
  });

  it('a column kept as a dictionary in the row group before is not compressed ahead, however varied its first rows', () => {
    // 2,000 values cycling in a group's first 8,192 rows, then 40: a sample of its first 4,096 rows
    // is all distinct, one of the whole group 45 % distinct (a dictionary of 2,040 values).
    const cols: Column[] = [{ name: 'cycle', type: 'double' }];
    const parts: ColumnBlock[] = [];
    for (let first = 0; first < 2 * groupRows; first += 4096) {
      const b = createColumnBlock(cols, 4096);
      b.length = Math.min(4096, 2 * groupRows - first);
      for (let i = 0; i < b.length; i++) (b.data[0] as Float64Array)[i] = 0.5 + (((first + i) % groupRows) < 8192 ? (first + i) % 2000 : (first + i) % 40);
      parts.push(b);
    }
    const column = vi.spyOn(RowGroupAhead.prototype, 'column');
    const paths = [true, false].map((deferred) => {
      const path = join(tempDir(), 'table.parquet');
      const w = new ParquetTableWriter(path, { columns: cols, rowGroupRows: groupRows });
      w.deferRowGroups = deferred;
      for (const b of parts) {
        w.writeBlock(b);
        if (deferred) while (w.encodeSome());
      }
      w.close();
      return path;
    });
    // Group 0 has no group before: its sample guessed PLAIN (wrongly); group 1 trusts group 0's dictionary.
    expect(column.mock.results.map((r) => r.value !== null)).toEqual([true, false]);
    expect(Buffer.compare(readFileSync(paths[0]!), readFileSync(paths[1]!))).toBe(0);
    const file = readFileSync(paths[0]!);
    const meta = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
    expect(meta.row_groups.map((g) => g.columns[0]!.meta_data!.encodings.join('/'))).toEqual(['PLAIN/RLE_DICTIONARY', 'PLAIN/RLE_DICTIONARY']);
  });
});
