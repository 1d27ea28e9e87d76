import { renameSync } from 'node:fs';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { Row } from '../../engine/recorder.js';
import { cellValue, inferColumns, type Column, type ColumnType } from './columns.js';
import type { ColumnBlock, ColumnData } from '../../engine/columnBlock.js';

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/** Parquet physical types for seqsim's column types; every column is OPTIONAL (nullable). */
const physical: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  double: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  int64: { type: 'INT64', repetition_type: 'OPTIONAL' },
  bool: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
};

/** The Parquet schema of a table: a root group with one leaf per column. */
export function parquetSchema(columns: readonly Column[]): SchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...physical[c.type] }))];
}

/** Default rows per row group: 31 double columns × 65,536 rows ≈ 16 MB of values while buffered. */
export const defaultRowGroupRows = 65_536;

/** A cell as the Parquet file holds it: checked by `cellValue` (non-finite numbers null), int64 as a BigInt. */
function parquetValue(column: Column, raw: unknown): unknown {
  const v = cellValue(column, raw);
  return column.type === 'int64' && v !== null ? BigInt(v) : v;
}

/**
 * Appends rows `from … to − 1` of a block's column to `out` as the file holds them: what
 * `parquetValue` gives for the cell, in one loop per column type (the block's arrays already hold
 * the column's type, so only finiteness and, for int64, safe integers are checked).
 */
function appendValues(column: Column, data: ColumnData, from: number, to: number, out: unknown[]): void {
  if (column.type === 'string') {
    const d = data as (string | null)[];
    for (let i = from; i < to; i++) out.push(d[i]);
  } else if (column.type === 'bool') {
    const d = data as Int8Array;
    for (let i = from; i < to; i++) out.push(d[i]! < 0 ? null : d[i] === 1);
  } else if (column.type === 'double') {
    const d = data as Float64Array;
    // x − x is 0 exactly for finite x; + 0 turns −0 into 0 (cellValue).
    for (let i = from; i < to; i++) out.push(d[i]! - d[i]! === 0 ? d[i]! + 0 : null);
  } else {
    for (let i = from; i < to; i++) out.push(parquetValue(column, (data as Float64Array)[i]));
  }
}

/**
 * Streams rows to a Parquet file one row group at a time, so a long table never sits in memory:
 * at most `rowGroupRows` rows are buffered (hyparquet-writer's `ParquetWriter` appends a row group
 * per `write` and flushes it to disk in 1 MB chunks; only the small footer metadata stays in memory
 * until `close()`). Written to `<path>.partial` and renamed to `<path>` on `close()`. Columns are
 * given, or taken from the first row group (typed by `types`, else by the first non-null value).
 */
export class ParquetTableWriter {
  private columns: Column[] | null;
  private writer: ParquetWriter | null = null;
  private buffer: Row[] = [];
  /** Rows given as blocks, buffered column by column (the values as the file holds them). */
  private pending: unknown[][] | null = null;
  private pendingRows = 0;
  /** Rows written so far. */
  rows = 0;

  constructor(
    readonly path: string,
    private readonly opts: { columns?: readonly Column[]; types?: Readonly<Record<string, ColumnType>>; rowGroupRows?: number } = {},
  ) {
    this.columns = opts.columns ? [...opts.columns] : null;
  }

  /** Buffers one row; a full buffer is written out as a row group. */
  write(row: Row): void {
    this.buffer.push(row);
    this.rows++;
    if (this.buffer.length >= (this.opts.rowGroupRows ?? defaultRowGroupRows)) this.flush();
  }

  /**
   * Buffers a block of rows column by column; every full row group is written out. Row groups hold
   * `rowGroupRows` rows whatever the blocks' sizes, so the file is the same as one written row by row.
   */
  writeBlock(block: ColumnBlock): void {
    if (this.buffer.length > 0) throw new Error('ParquetTableWriter: rows and blocks cannot be mixed in one table');
    const columns = (this.columns ??= [...block.columns]);
    if (columns.length !== block.columns.length || columns.some((c, k) => c.name !== block.columns[k]!.name))
      throw new Error(`ParquetTableWriter: a block's columns differ from the table's (${block.columns.map((c) => c.name).join(', ')})`);
    const groupRows = this.opts.rowGroupRows ?? defaultRowGroupRows;
    for (let from = 0; from < block.length; ) {
      const pending = (this.pending ??= columns.map(() => []));
      const to = Math.min(block.length, from + groupRows - this.pendingRows);
      columns.forEach((c, k) => appendValues(c, block.data[k]!, from, to, pending[k]!));
      this.pendingRows += to - from;
      this.rows += to - from;
      from = to;
      if (this.pendingRows >= groupRows) this.flushPending();
    }
  }

  private flushPending(): void {
    const writer = this.open();
    if (!this.pending || this.pendingRows === 0) return;
    const columnData = this.columns!.map((c, k) => ({ name: c.name, data: this.pending![k]! }));
    void writer.write({ columnData, rowGroupSize: this.pendingRows });
    this.pending = null;
    this.pendingRows = 0;
  }

  private open(): ParquetWriter {
    this.columns ??= inferColumns(this.buffer, this.opts.types);
    this.writer ??= new ParquetWriter({ writer: fileWriter(`${this.path}.partial`), schema: parquetSchema(this.columns), createdBy: 'seqsim' });
    return this.writer;
  }

  private flush(): void {
    const writer = this.open();
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    const columnData = this.columns!.map((c) => ({ name: c.name, data: rows.map((r) => parquetValue(c, r[c.name])) }));
    void writer.write({ columnData, rowGroupSize: rows.length });
    this.buffer = [];
  }

  /** Closes the file, leaving it unfinished (`<path>.partial`, never renamed; a footer only if it was opened). */
  abandon(): void {
    if (this.writer) void this.writer.finish();
  }

  /** Writes the last row group and the footer, then renames the file to its final name. */
  close(): void {
    if (this.pendingRows > 0) this.flushPending();
    else this.flush();
    void this.open().finish();
    renameSync(`${this.path}.partial`, this.path);
  }
}
