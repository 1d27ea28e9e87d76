import { cellValue, type Column } from './columns.js';

/**
 * The non-null values of a number column (`double` or `int64`) of one row group, as a Parquet file
 * holds them: a cell is null when it is not finite (NaN, ±Infinity), −0 is written as 0, and an
 * int64 cell must be a safe integer (else `cellValue`'s TypeError). `values[0 … count − 1]` are the
 * non-null cells in row order; `defined[i]` is 1 for a non-null row `i`, 0 for null (only filled
 * when `count < rows`).
 */
export interface NumberCells {
  values: Float64Array;
  count: number;
  defined: Uint8Array;
  /** Smallest and largest non-null value (NaN when there is none). */
  min: number;
  max: number;
}

/** Gathers rows `0 … rows − 1` of `data` into `out` (see {@link NumberCells}); `out`'s arrays hold at least `rows`. */
export function gatherNumbers(column: Column, data: Float64Array, rows: number, out: NumberCells): void {
  const { values, defined } = out;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  const int64 = column.type === 'int64';
  for (let i = 0; i < rows; i++) {
    const v = data[i]!;
    // v − v is 0 exactly for finite v; + 0 turns −0 into 0.
    if (v - v !== 0) continue;
    if (int64 && !Number.isSafeInteger(v)) cellValue(column, v);
    const x = v + 0;
    values[count++] = x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (count < rows) for (let i = 0; i < rows; i++) defined[i] = data[i]! - data[i]! === 0 ? 1 : 0;
  out.count = count;
  out.min = count > 0 ? min : NaN;
  out.max = count > 0 ? max : NaN;
}

/**
 * PLAIN encoding of `values[0 … count − 1]`: 8-byte little-endian IEEE doubles, or two's-complement
 * int64. Doubles are a view of `values`' own bytes on a little-endian machine (valid while `values` is).
 */
export function plainNumbers(type: 'double' | 'int64', values: Float64Array, count: number): Uint8Array {
  if (type === 'double') return littleEndianBytes(littleEndian ? values.subarray(0, count) : values.slice(0, count));
  const words = new Uint32Array(2 * count);
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    const hi = Math.floor(v / 4294967296);
    words[2 * i] = v - hi * 4294967296;
    words[2 * i + 1] = hi >>> 0;
  }
  return littleEndianBytes(words);
}

/** True on a little-endian machine: a typed array's bytes are then Parquet's byte order as they are. */
export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of a typed array in little-endian order (its own bytes on a little-endian machine). */
function littleEndianBytes(a: Float64Array | Uint32Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (littleEndian) return bytes;
  const size = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  return bytes;
}

/** Cells in hyparquet-writer's dictionary sample of a column of `rows` cells: up to 1,000. */
export const sampleSize = (rows: number): number => Math.min(rows, 1000);

/** The row of the `i`-th of `size` sampled cells, spread evenly over `rows` (hyparquet-writer's choice). */
export const sampledRow = (i: number, size: number, rows: number): number => (size === 1 ? 0 : Math.floor((i * (rows - 1)) / (size - 1)));

/**
 * Whether a sample of up to 1,000 cells spread over the column (nulls included, as hyparquet-writer
 * samples) is varied enough to rule a dictionary out: more than 90% of the sampled values distinct.
 */
export const sampleRulesOutDictionary = (data: Float64Array, rows: number): boolean => sampleDistinctShare(data, rows) > 0.9;

/** The share of distinct values among the non-null cells of the sample of {@link sampleRulesOutDictionary}; 1 when all are null. */
export function sampleDistinctShare(data: Float64Array, rows: number): number {
  const size = sampleSize(rows);
  const seen = new Set<number>();
  let present = 0;
  for (let i = 0; i < size; i++) {
    const v = data[sampledRow(i, size, rows)]!;
    if (v - v !== 0) continue;
    present++;
    seen.add(v + 0);
  }
  return present === 0 ? 1 : seen.size / present;
}

/**
 * Builds dictionaries of 8-byte values (doubles, or int64 held as doubles) with an open-addressing
 * hash table on the values' bits, reusing its arrays from column to column. A dictionary is kept
 * only when it and its bit-packed indexes take at most half the PLAIN bytes (hyparquet-writer's rule).
 */
export class NumberDictionary {
  /** Distinct values in first-seen order. */
  entries = new Float64Array(0);
  /** Dictionary index of each value given to `build`. */
  indexes = new Int32Array(0);
  private table = new Int32Array(0);
  private slots = new Int32Array(0);

  /**
   * Dictionary-encodes `values[0 … count − 1]` (finite, no −0); returns the dictionary's size, or
   * 0 when a dictionary would not halve the bytes (built only as far as needed to tell).
   */
  build(values: Float64Array, count: number): number {
    this.reserve(count);
    const { entries, indexes, table, slots } = this;
    const bits = new Uint32Array(values.buffer, values.byteOffset, 2 * count);
    const mask = table.length - 1;
    const limit = count / 2;
    let size = 0;
    let last = NaN;
    let lastIndex = -1;
    for (let i = 0; i < count; i++) {
      const v = values[i]!;
      if (v === last) {
        indexes[i] = lastIndex;
        continue;
      }
      // Rows alternate between rollups: a value often repeats the one two rows back (no lookup then).
      if (i >= 2 && v === values[i - 2]) {
        indexes[i] = lastIndex = indexes[i - 2]!;
        last = v;
        continue;
      }
      let slot = hash(bits[2 * i]!, bits[2 * i + 1]!) & mask;
      let e = table[slot]!;
      while (e !== 0 && entries[e - 1] !== v) {
        slot = (slot + 1) & mask;
        e = table[slot]!;
      }
      if (e === 0) {
        if (size >= limit) return this.clear(size, 0);
        entries[size] = v;
        slots[size] = slot;
        e = table[slot] = ++size;
      }
      indexes[i] = lastIndex = e - 1;
      last = v;
    }
    this.clear(size, size);
    return keepsDictionary(size, size * 8, count, count * 8) ? size : 0;
  }

  private reserve(count: number): void {
    if (this.entries.length >= count) return;
    this.entries = new Float64Array(count);
    this.indexes = new Int32Array(count);
    this.slots = new Int32Array(count);
    let tableSize = 16;
    while (tableSize < 2 * count) tableSize *= 2;
    this.table = new Int32Array(tableSize);
  }

  /** Empties the used slots of the hash table (cheaper than clearing all of it); returns `result`. */
  private clear(size: number, result: number): number {
    for (let k = 0; k < size; k++) this.table[this.slots[k]!] = 0;
    return result;
  }
}

/** A 32-bit mix of a double's two halves. */
function hash(lo: number, hi: number): number {
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) ^ (h >>> 13);
}

/**
 * hyparquet-writer's rule for an automatic dictionary: the dictionary's values plus the bit-packed
 * indexes (⌈log2 size⌉ bits each) take at most half the PLAIN value bytes.
 */
export function keepsDictionary(size: number, dictionaryBytes: number, count: number, plainBytes: number): boolean {
  const indexBytes = Math.ceil((count * Math.ceil(Math.log2(size))) / 8);
  return size > 0 && 2 * (dictionaryBytes + indexBytes) <= plainBytes;
}
