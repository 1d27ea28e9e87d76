import type { Row } from './recorder.js';

/**
 * A column's type, fixed for the whole table so it never changes between rows or runs: numbers
 * are `double` unless declared `int64` (never guessed from values, which would make a column of
 * whole-valued doubles an integer column in one run and not in another).
 */
export type ColumnType = 'double' | 'int64' | 'bool' | 'string';

/** A named, typed column. Every column is nullable. */
export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

/**
 * One column's values in a {@link ColumnBlock}: numbers (`double`, `int64`) in a `Float64Array`
 * (a missing value is NaN, written like a non-finite number: empty or null); booleans in an
 * `Int8Array` as 1 (true), 0 (false) or −1 (missing); text in an array (null: missing).
 */
export type ColumnData = Float64Array | Int8Array | (string | null)[];

/**
 * A block of table rows stored column by column (struct of arrays), preallocated for `capacity`
 * rows: the recorder fills rows `0 … length − 1` in place and hands the block to a writer, so no
 * object is made per row. `data[k]` holds `columns[k]`.
 */
export interface ColumnBlock {
  readonly columns: readonly Column[];
  readonly data: readonly ColumnData[];
  readonly capacity: number;
  /** Rows filled. */
  length: number;
}

/**
 * A writer that takes whole blocks of rows (the table writers of `src/io/formats/`). A writer done
 * with the block when `writeBlock` returns returns nothing, and the caller refills the same block; a
 * writer that keeps the block's arrays (a writer thread takes them over) returns the block to fill next.
 */
export interface BlockSink {
  writeBlock(block: ColumnBlock): ColumnBlock | void;
}

const newData = (c: Column, capacity: number): ColumnData =>
  c.type === 'double' || c.type === 'int64' ? new Float64Array(capacity) : c.type === 'bool' ? new Int8Array(capacity) : new Array<string | null>(capacity).fill(null);

/**
 * Bytes between one packed column's end and the next one's start. Without it the columns of a
 * 4,096-row block start 32 KiB apart, so row i of every column falls in the same set of the CPU's
 * caches, and filling a row (a cell in each of ~95 columns) evicts the lines it just wrote: storing
 * a row took about twice as long (a generated 95-cell fill, 3.0–3.7 against 1.6–1.9 ns a cell). One
 * cache line (64 bytes, a multiple of every element size) shifts each column to the next set.
 */
export const columnGap = 64;

/** Bytes from one packed column's start to the next one's, for `bytes`-sized cells. */
export const packedStride = (bytes: number, capacity: number): number => bytes * capacity + columnGap;

/**
 * Arrays for `capacity` rows of the number and flag columns (null at text columns), views of one
 * buffer per element size, {@link packedStride} apart in column order: a `Float64Array` per number
 * column, an `Int8Array` per flag. One buffer for all the numbers is what a writer thread takes in
 * one transfer, and what a fill bound to it stores into through one array (compiledRecords.ts).
 */
export function packedTypedArrays(columns: readonly Column[], capacity: number): (Float64Array | Int8Array | null)[] {
  const isNumber = (c: Column) => c.type === 'double' || c.type === 'int64';
  const count = (is: (c: Column) => boolean) => columns.reduce((n, c) => n + (is(c) ? 1 : 0), 0);
  const numbers = new ArrayBuffer(packedStride(8, capacity) * count(isNumber));
  const flags = new ArrayBuffer(packedStride(1, capacity) * count((c) => c.type === 'bool'));
  const at = { numbers: 0, flags: 0 };
  return columns.map((c) => {
    if (isNumber(c)) return new Float64Array(numbers, packedStride(8, capacity) * at.numbers++, capacity);
    if (c.type === 'bool') return new Int8Array(flags, packedStride(1, capacity) * at.flags++, capacity);
    return null;
  });
}

/** An empty block for `capacity` rows of `columns`, its number and flag columns packed ({@link packedTypedArrays}). */
export function createColumnBlock(columns: readonly Column[], capacity: number): ColumnBlock {
  const typed = packedTypedArrays(columns, capacity);
  return { columns, data: columns.map((c, k) => typed[k] ?? newData(c, capacity)), capacity, length: 0 };
}

/** True for the typed-array columns of a block (numbers and flags), false for text. */
export const isTypedColumn = (d: ColumnData | null | undefined): d is Float64Array | Int8Array => ArrayBuffer.isView(d);

/**
 * An empty block like `block` after its typed arrays were handed away (transferred to a writer
 * thread): its text arrays (copied when sent, so free again), typed arrays from `spare` (arrays a
 * writer gave back, indexed like `data`; entries at text columns, such as their codes, are not read)
 * or new ones.
 */
export function renewBlock(block: ColumnBlock, spare?: readonly (ColumnData | Int32Array | null)[]): ColumnBlock {
  const data = block.data.map((d, k) => (isTypedColumn(d) ? ((spare?.[k] as Float64Array | Int8Array | null | undefined) ?? newData(block.columns[k]!, block.capacity)) : d));
  return { columns: block.columns, data, capacity: block.capacity, length: 0 };
}

/** The value of row `i` of `data` as a table cell (a missing flag or text is null; a number as stored). */
export function cellOf(column: Column, data: ColumnData, i: number): number | string | boolean | null {
  if (column.type === 'bool') {
    const v = (data as Int8Array)[i]!;
    return v < 0 ? null : v === 1;
  }
  return (data as ArrayLike<number | string | null>)[i]!;
}

/** Row `i` of `block` as a row object (only for writers that need one: JSON Lines). */
export function blockRow(block: ColumnBlock, i: number): Row {
  const row: Row = {};
  block.columns.forEach((c, k) => {
    row[c.name] = cellOf(c, block.data[k]!, i);
  });
  return row;
}
