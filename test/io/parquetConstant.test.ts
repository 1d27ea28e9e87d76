import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { createColumnBlock, type Column } from '../../src/engine/columnBlock.js';
import { ParquetTableWriter, parquetSchema } from '../../src/io/formats/parquet.js';
import { constantMinRows, isConstantFlag, isConstantNumber, isConstantText } from '../../src/io/formats/parquetConstant.js';
import { rleBitPackedHybrid, rleRun } from '../../src/io/formats/parquetRle.js';
import { tempDir } from '../cli/helpers.js';

/*
 * Columns whose rows all hold one value are encoded without the general path's gathering,
 * sampling, dictionary and run-length scan (parquetConstant.ts). These tests hold the fast path to
 * hyparquet-writer's bytes for constant columns of every type, and for columns that are constant
 * but for one cell (another value, −0, or a null), which must take the general path.
 */

/** A cell as hyparquet-writer takes it: non-finite numbers null, int64 a bigint, a flag a boolean (−1 null). */
function referenceCell(c: Column, v: number | string | null): unknown {
  if (c.type === 'string') return v;
  if (c.type === 'bool') return (v as number) < 0 ? null : v === 1;
  if (!Number.isFinite(v)) return null;
  return c.type === 'int64' ? BigInt(v as number) : (v as number) + 0;
}

/** Writes one column of `cells` with ParquetTableWriter (as one block) and with hyparquet-writer; true when the files are the same bytes. */
function sameAsReference(column: Column, cells: readonly (number | string | null)[]): boolean {
  const dir = tempDir();
  const block = createColumnBlock([column], cells.length);
  cells.forEach((v, i) => ((block.data[0] as unknown as (number | string | null)[])[i] = v));
  block.length = cells.length;
  const w = new ParquetTableWriter(join(dir, 'ours.parquet'), { columns: [column] });
  w.writeBlock(block);
  w.close();
  const ref = new ParquetWriter({ writer: fileWriter(join(dir, 'ref.parquet')), schema: parquetSchema([column]), createdBy: 'seqsim' });
  void ref.write({ columnData: [{ name: column.name, data: cells.map((v) => referenceCell(column, v)) }], rowGroupSize: cells.length });
  void ref.finish();
  return Buffer.compare(readFileSync(join(dir, 'ours.parquet')), readFileSync(join(dir, 'ref.parquet'))) === 0;
}

const numbers = fc.oneof(fc.constantFrom(0, -0, 1, -1, 2 ** 31, -(2 ** 40), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER), fc.integer({ min: -1e6, max: 1e6 }));
const doubles = fc.oneof(numbers, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(NaN, Infinity, 5e-324));
const texts = fc.oneof(fc.constantFrom('', 'A', 'Ωmega', '流動性', 'emoji 🚀'), fc.string({ maxLength: 12 }));

/** A column type with a cell generator: the constant cell, and the one a perturbed row may hold instead. */
const typedCells = fc.oneof(
  fc.record({ type: fc.constant('double' as const), cell: doubles, other: doubles }),
  fc.record({ type: fc.constant('int64' as const), cell: numbers, other: fc.oneof(numbers, fc.constant(NaN)) }),
  fc.record({ type: fc.constant('bool' as const), cell: fc.constantFrom(0, 1, -1), other: fc.constantFrom(0, 1, -1) }),
  fc.record({ type: fc.constant('string' as const), cell: fc.oneof(texts, fc.constant(null)), other: fc.oneof(texts, fc.constant(null)) }),
);

describe('Parquet chunks of one repeated value', () => {
  it('a column of one value, or of one value but for one cell, is the bytes hyparquet-writer writes', () => {
    fc.assert(
      fc.property(typedCells, fc.integer({ min: 1, max: 600 }), fc.option(fc.nat(), { nil: undefined }), ({ type, cell, other }, rows, at) => {
        const cells: (number | string | null)[] = Array.from({ length: rows }, () => cell);
        if (at !== undefined) cells[at % rows] = other;
        expect(sameAsReference({ name: 'c', type }, cells)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['double', 0],
    ['double', -0],
    ['double', 1e-300],
    ['int64', -0],
    ['int64', Number.MIN_SAFE_INTEGER],
    ['bool', 0],
    ['bool', 1],
    ['string', ''],
    ['string', '流動性'],
  ] as const)('a %s column of 40 × %o is the bytes hyparquet-writer writes', (type, cell) => {
    expect(sameAsReference({ name: 'c', type }, Array.from({ length: 40 }, () => cell))).toBe(true);
  });

  it('the fast path is taken for constant columns (and only them) from 17 rows on', () => {
    const rows = 100;
    const n = new Float64Array(rows).fill(2.5);
    expect(isConstantNumber(n, rows)).toBe(true);
    n[rows - 1] = -0;
    expect(isConstantNumber(n, rows)).toBe(false);
    expect(isConstantNumber(new Float64Array(rows).fill(-0).fill(0, 50), rows)).toBe(true); // −0 is written as 0
    expect(isConstantNumber(new Float64Array(rows).fill(NaN), rows)).toBe(false); // all null: the general path
    expect(isConstantFlag(new Int8Array(rows).fill(1), rows)).toBe(true);
    expect(isConstantFlag(new Int8Array(rows).fill(-1), rows)).toBe(false);
    expect(isConstantText(Array.from({ length: rows }, () => 'x'), rows)).toBe(true);
    expect(isConstantText([...Array.from({ length: rows - 1 }, () => 'x'), null], rows)).toBe(false);
    expect(constantMinRows).toBe(17);
  });

  it('one RLE run is the hybrid encoding of that many equal values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 100_000 }), fc.integer({ min: 0, max: 24 }), fc.nat(), fc.integer({ min: 0, max: 4 }), (count, bitWidth, raw, prefix) => {
        const value = bitWidth === 0 ? 0 : raw % 2 ** bitWidth;
        const ours = rleRun(count, value, bitWidth, prefix);
        const general = rleBitPackedHybrid(new Int32Array(count).fill(value), count, bitWidth, prefix);
        expect(Buffer.from(ours.subarray(prefix)).equals(Buffer.from(general.subarray(prefix)))).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(() => rleRun(7, 0, 1)).toThrow(RangeError);
  });
});
