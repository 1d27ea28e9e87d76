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

/** A writer that takes whole blocks of rows (the table writers of `src/io/formats/`). */
export interface BlockSink {
  writeBlock(block: ColumnBlock): void;
}

/** An empty block for `capacity` rows of `columns`. */
export function createColumnBlock(columns: readonly Column[], capacity: number): ColumnBlock {
  const data = columns.map((c): ColumnData => {
    if (c.type === 'double' || c.type === 'int64') return new Float64Array(capacity);
    if (c.type === 'bool') return new Int8Array(capacity);
    return new Array<string | null>(capacity).fill(null);
  });
  return { columns, data, capacity, length: 0 };
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
