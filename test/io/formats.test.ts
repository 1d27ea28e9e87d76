import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { cellValue, inferColumns, tableRow } from '../../src/io/formats/columns.js';
import { csvHeader, csvLine } from '../../src/io/formats/csv.js';
import { parseTableFormat } from '../../src/io/formats/formats.js';
import { JsonlWriter, jsonlLine } from '../../src/io/formats/jsonl.js';
import { ParquetTableWriter } from '../../src/io/formats/parquet.js';
import { createTableWriter, writeTable } from '../../src/io/formats/tableWriter.js';
import { tempDir } from '../cli/helpers.js';

const readParquet = async (path: string) => {
  const buf = readFileSync(path);
  const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return { meta: parquetMetadata(file), rows: await parquetReadObjects({ file }) };
};

describe('columns', () => {
  it('types a column by declaration, else its first non-null value, else double; numbers are never guessed int', () => {
    const cols = inferColumns([{ slot: 0, a: null, b: 2, s: 'x', f: true }, { slot: 1, a: 'late', b: 2.5, s: 'y', f: false }], { slot: 'int64' });
    expect(cols).toEqual([
      { name: 'slot', type: 'int64' },
      { name: 'a', type: 'string' },
      { name: 'b', type: 'double' },
      { name: 's', type: 'string' },
      { name: 'f', type: 'bool' },
    ]);
    expect(inferColumns([{ only_null: null }])).toEqual([{ name: 'only_null', type: 'double' }]);
  });

  it('writes non-finite numbers and -0 portably, and refuses a value of another type', () => {
    const d = { name: 'd', type: 'double' } as const;
    expect([cellValue(d, Number.NaN), cellValue(d, Infinity), Object.is(cellValue(d, -0), 0), cellValue(d, undefined)]).toEqual([null, null, true, null]);
    expect(() => cellValue(d, 'x')).toThrow(/column "d" holds double values, but got "x"/);
    expect(() => cellValue({ name: 'i', type: 'int64' }, 1.5)).toThrow(/int64/);
    expect(tableRow([d, { name: 'e', type: 'string' }], { e: 'z', d: 1, extra: 3 })).toEqual({ d: 1, e: 'z' });
  });
});

describe('CSV and JSON Lines', () => {
  const cols = inferColumns([{ a: 1, 'b,c': 'q"uote', n: null, t: true }]);
  it('renders rows as the existing CsvWriter does, header fields quoted when needed', () => {
    expect(csvHeader(cols)).toBe('a,"b,c",n,t');
    expect(csvLine(cols, { a: 0.1, 'b,c': 'q"uote', n: null, t: true })).toBe('0.1,"q""uote",,true');
    expect(jsonlLine(cols, { t: false, a: Number.NaN, 'b,c': 'x', n: null })).toBe('{"a":null,"b,c":"x","n":null,"t":false}');
  });

  it('JsonlWriter streams to <path>.partial and renames on close', () => {
    const path = join(tempDir(), 'slots.jsonl');
    const w = new JsonlWriter(path);
    w.write({ slot: 0, v: 1.5 });
    w.write({ slot: 1, v: 2, ignored: 1 });
    expect([existsSync(`${path}.partial`), existsSync(path)]).toEqual([true, false]);
    w.close();
    expect(readFileSync(path, 'utf8')).toBe('{"slot":0,"v":1.5}\n{"slot":1,"v":2}\n');
  });

  it('writeTable writes whole tables atomically; an empty CSV table still has its header', () => {
    const dir = tempDir();
    writeTable(join(dir, 't.csv'), 'csv', cols, []);
    expect(readFileSync(join(dir, 't.csv'), 'utf8')).toBe('a,"b,c",n,t\n');
    expect(existsSync(join(dir, 't.csv.partial'))).toBe(false);
  });
});

describe('Parquet', () => {
  it('streams row groups of a fixed size, with stable types: DOUBLE, INT64, BOOLEAN, UTF8, nulls allowed', async () => {
    const path = join(tempDir(), 'slots.parquet');
    const w = new ParquetTableWriter(path, { types: { slot: 'int64' }, rowGroupRows: 10 });
    for (let i = 0; i < 25; i++) w.write({ slot: i, price: i, label: i % 2 ? 'odd' : 'even', up: i % 3 === 0, maybe: i % 5 ? i / 10 : null });
    expect(existsSync(`${path}.partial`)).toBe(true); // two row groups already on disk
    w.close();
    const { meta, rows } = await readParquet(path);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([10, 10, 5]);
    expect(meta.schema.slice(1).map((s) => [s.name, s.type, s.converted_type ?? null, s.repetition_type])).toEqual([
      ['slot', 'INT64', null, 'OPTIONAL'],
      ['price', 'DOUBLE', null, 'OPTIONAL'], // whole-valued doubles stay DOUBLE
      ['label', 'BYTE_ARRAY', 'UTF8', 'OPTIONAL'],
      ['up', 'BOOLEAN', null, 'OPTIONAL'],
      ['maybe', 'DOUBLE', null, 'OPTIONAL'],
    ]);
    expect(rows[7]).toEqual({ slot: 7n, price: 7, label: 'odd', up: false, maybe: 0.7 });
    expect(rows[10]!.maybe).toBeNull();
  });

  it('the same rows give the same bytes', () => {
    const dir = tempDir();
    const cols = inferColumns([{ x: 1, s: 'a' }]);
    const rows = [{ x: 1, s: 'a' }, { x: 2.5, s: null }];
    writeTable(join(dir, 'a.parquet'), 'parquet', cols, rows);
    const w = createTableWriter(join(dir, 'b.parquet'), 'parquet');
    rows.forEach((r) => w.write(r));
    w.close();
    expect(readFileSync(join(dir, 'a.parquet')).equals(readFileSync(join(dir, 'b.parquet')))).toBe(true);
  });
});

describe('parseTableFormat', () => {
  it('accepts csv, jsonl, parquet and names the flag and the choices otherwise', () => {
    expect([parseTableFormat(undefined), parseTableFormat('parquet')]).toEqual(['csv', 'parquet']);
    expect(() => parseTableFormat('tsv')).toThrow('--format must be one of csv, jsonl, parquet, but got "tsv"');
  });
});
