import { renameSync } from 'node:fs';
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { Row } from '../../engine/recorder.js';
import { cellValue, inferColumns, type Column, type ColumnType } from './columns.js';

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

  private open(): ParquetWriter {
    this.columns ??= inferColumns(this.buffer, this.opts.types);
    this.writer ??= new ParquetWriter({ writer: fileWriter(`${this.path}.partial`), schema: parquetSchema(this.columns), createdBy: 'seqsim' });
    return this.writer;
  }

  private flush(): void {
    const writer = this.open();
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    const columnData = this.columns!.map((c) => ({
      name: c.name,
      data: rows.map((r) => {
        const v = cellValue(c, r[c.name]);
        return c.type === 'int64' && v !== null ? BigInt(v) : v;
      }),
    }));
    void writer.write({ columnData, rowGroupSize: rows.length });
    this.buffer = [];
  }

  /** Writes the last row group and the footer, then renames the file to its final name. */
  close(): void {
    this.flush();
    void this.open().finish();
    renameSync(`${this.path}.partial`, this.path);
  }
}
