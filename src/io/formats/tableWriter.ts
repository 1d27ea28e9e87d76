import { writeFileSync, renameSync } from 'node:fs';
import type { Row } from '../../engine/recorder.js';
import { CsvWriter } from '../csvWriter.js';
import type { Column, ColumnType } from './columns.js';
import type { ColumnBlock } from '../../engine/columnBlock.js';
import { csvHeader, csvLine } from './csv.js';
import type { TableFormat } from './formats.js';
import { JsonlWriter, jsonlLine } from './jsonl.js';
import { ParquetTableWriter } from './parquet.js';

/** A streaming table sink: rows in, a whole file at `path` after `close()` (never a half-written one). */
export interface TableWriter {
  write(row: Row): void;
  /** Appends a block of rows stored column by column (the same bytes as writing them one by one). */
  writeBlock(block: ColumnBlock): void;
  close(): void;
  /** Closes the file without finishing it (the run failed): `<path>.partial` is left, never renamed. */
  abandon(): void;
}

/**
 * A streaming writer for `format`. `types` fixes column types where values cannot (e.g. `slot` as
 * `int64`); it matters to Parquet only, CSV and JSON Lines carry no types.
 */
export function createTableWriter(path: string, format: TableFormat, types: Readonly<Record<string, ColumnType>> = {}): TableWriter {
  if (format === 'csv') return new CsvWriter(path);
  if (format === 'jsonl') return new JsonlWriter(path, types);
  return new ParquetTableWriter(path, { types });
}

/**
 * Writes a whole table with fixed columns at once, atomically (through `<path>.partial` and a
 * rename): a reader sees the previous version or the new one, never a mix. Same rows, same bytes.
 */
export function writeTable(path: string, format: TableFormat, columns: readonly Column[], rows: readonly Row[]): void {
  if (format === 'parquet') {
    const w = new ParquetTableWriter(path, { columns });
    for (const r of rows) w.write(r);
    w.close();
    return;
  }
  const lines = format === 'csv' ? [csvHeader(columns), ...rows.map((r) => csvLine(columns, r))] : rows.map((r) => jsonlLine(columns, r));
  writeFileSync(`${path}.partial`, lines.length ? lines.join('\n') + '\n' : '');
  renameSync(`${path}.partial`, path);
}
