import { closeSync, fstatSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';
import type { LineTableState } from '../csvWriter.js';
import type { Row } from '../../engine/recorder.js';
import { inferColumns, tableRow, type Column, type ColumnType } from './columns.js';

/** One JSON Lines record (no newline): an object with the columns in order; non-finite numbers are null. */
export function jsonlLine(columns: readonly Column[], row: Readonly<Row>): string {
  return JSON.stringify(tableRow(columns, row));
}

/**
 * Streams rows to a JSON Lines file, like `CsvWriter`: written to `<path>.partial`, renamed to
 * `<path>` on `close()`. The columns come from the first row (typed by `types` or its values).
 */
export class JsonlWriter {
  private readonly fd: number;
  private columns: Column[] | null = null;
  private buffer: string[] = [];
  private bufferedChars = 0;
  /** Rows written so far. */
  rows = 0;

  constructor(
    readonly path: string,
    private readonly types: Readonly<Record<string, ColumnType>> = {},
    resumeFrom?: LineTableState<Column[]>,
  ) {
    if (resumeFrom) {
      truncateSync(`${path}.partial`, resumeFrom.bytes);
      this.columns = resumeFrom.columns;
      this.rows = resumeFrom.rows;
    }
    this.fd = openSync(`${path}.partial`, resumeFrom ? 'a' : 'w');
  }

  /** Flushes and reports where the table stands, so a checkpoint can resume it exactly. */
  state(): LineTableState<Column[]> {
    this.flush();
    return { rows: this.rows, bytes: fstatSync(this.fd).size, columns: this.columns ?? [] };
  }

  /** Appends one row; keys not in the first row are ignored, missing ones written as null. */
  write(row: Row): void {
    this.columns ??= inferColumns([row], this.types);
    const line = jsonlLine(this.columns, row);
    this.buffer.push(line);
    this.bufferedChars += line.length + 1;
    this.rows++;
    if (this.bufferedChars > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.bufferedChars = 0;
  }

  /** Flushes, closes and renames the file to its final name. */
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }
}
