import type { ChunkStatistics } from 'hyparquet-writer/src/types.js';
import type { PageValues } from './parquetChunk.js';
import { plainNumbers } from './parquetNumbers.js';
import { rleRun } from './parquetRle.js';
import { plainText } from './parquetText.js';

/*
 * Column chunks whose rows all hold one value (60 of the baseline slots table's 95 columns in a
 * typical block: unused features, flags never set). The general encoders gather every cell, sample
 * them, build a dictionary through a hash table and run-length encode 65,536 indexes, to end with a
 * one-entry dictionary and one RLE run; here one comparison per row decides, and the page is written
 * directly. The pages are those of the general path (tests compare the files with hyparquet-writer's).
 * Only for 17 rows or more: a run under 8 values is bit-packed, and booleans of 16 rows or fewer are PLAIN.
 */

/** Fewest rows for which the pages below are the general encoders' pages. */
export const constantMinRows = 17;

/** Whether rows `0 … rows − 1` all hold `data[0]` and it is finite (`===`: −0 and 0 count as one, as Parquet writes −0 as 0). */
export function isConstantNumber(data: Float64Array, rows: number): boolean {
  const first = data[0]!;
  if (first - first !== 0) return false;
  for (let i = 1; i < rows; i++) if (data[i] !== first) return false;
  return true;
}

/** Whether rows `0 … rows − 1` all hold one non-null text. */
export function isConstantText(data: readonly (string | null)[], rows: number): boolean {
  const first = data[0];
  if (first === null || first === undefined) return false;
  for (let i = 1; i < rows; i++) if (data[i] !== first) return false;
  return true;
}

/** Whether rows `0 … rows − 1` of a flag column all hold one non-null flag (0 or 1; −1 is null). */
export function isConstantFlag(data: Int8Array, rows: number): boolean {
  const first = data[0]!;
  if (first < 0) return false;
  for (let i = 1; i < rows; i++) if (data[i] !== first) return false;
  return true;
}

/** The data page body of `rows` indexes into a one-entry dictionary: bit width 0, then one RLE run of zeros. */
const oneEntryIndexes = (rows: number): Uint8Array => rleRun(rows, 0, 0, 1);

/** The page of `rows` (≥ {@link constantMinRows}) cells all holding `x` (finite; a safe integer for int64): a one-value dictionary. */
export function constantNumberPage(type: 'double' | 'int64', x: number, rows: number, defined: Uint8Array): PageValues {
  const v = x + 0;
  const big = type === 'int64';
  const statistics: ChunkStatistics = {
    null_count: 0n,
    min_value: big ? BigInt(v) : v === 0 ? -0 : v,
    max_value: big ? BigInt(v) : v,
    nan_count: big ? undefined : 0n,
  };
  const dictionary = { body: plainNumbers(type, Float64Array.of(v), 1), size: 1 };
  return { encoding: 'RLE_DICTIONARY', body: oneEntryIndexes(rows), dictionary, statistics, count: rows, defined };
}

/** The page of `rows` (≥ {@link constantMinRows}) cells all holding the text `s`: a one-value dictionary. */
export function constantTextPage(s: string, rows: number, defined: Uint8Array): PageValues {
  const statistics: ChunkStatistics = { null_count: 0n, min_value: s, max_value: s };
  const dictionary = { body: plainText([s]), size: 1 };
  return { encoding: 'RLE_DICTIONARY', body: oneEntryIndexes(rows), dictionary, statistics, count: rows, defined };
}

/** The page of `rows` (≥ {@link constantMinRows}) flags all `flag` (0 or 1): RLE, its 4-byte length first, then one run. */
export function constantFlagPage(flag: number, rows: number, defined: Uint8Array): PageValues {
  const body = rleRun(rows, flag, 1, 4);
  new DataView(body.buffer, body.byteOffset).setUint32(0, body.length - 4, true);
  const statistics: ChunkStatistics = { null_count: 0n, min_value: flag === 1, max_value: flag === 1 };
  return { encoding: 'RLE', body, statistics, count: rows, defined };
}
