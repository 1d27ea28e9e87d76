import { LineFile } from '../lineFile.js';
import type { LineTableState } from '../csvWriter.js';
import type { Row } from '../../engine/recorder.js';
import { inferColumns, tableRow, type Column, type ColumnType } from './columns.js';
import { blockRow, type ColumnBlock } from '../../engine/columnBlock.js';

/** One JSON Lines record (no newline): an object with the columns in order; non-finite numbers are null. */
export function jsonlLine(columns: readonly Column[], row: Readonly<Row>): string {
  return JSON.stringify(tableRow(columns, row));
}

/**
 * Streams rows to a JSON Lines file, like `CsvWriter`: written to `<path>.partial`, renamed to
 * `<path>` on `close()`. The columns come from the first row (typed by `types` or its values).
 */
export class JsonlWriter {
  private readonly file: LineFile;
  private columns: Column[] | null = null;
  /** Rows written so far. */
  rows = 0;

  constructor(
    readonly path: string,
    private readonly types: Readonly<Record<string, ColumnType>> = {},
    resumeFrom?: LineTableState<Column[]>,
  ) {
    this.file = new LineFile(path, resumeFrom?.bytes);
    if (resumeFrom) {
      this.columns = resumeFrom.columns.length > 0 ? resumeFrom.columns : null; // none yet: stopped before its first row
      this.rows = resumeFrom.rows;
    }
  }

  /** Flushes and reports where the table stands, so a checkpoint can resume it exactly. */
  state(): LineTableState<Column[]> {
    return { rows: this.rows, bytes: this.file.bytes(), sha256: this.file.sha256(), columns: this.columns ?? [] };
  }

  /** Appends one row; keys not in the first row are ignored, missing ones written as null. */
  write(row: Row): void {
    this.columns ??= inferColumns([row], this.types);
    this.file.push(jsonlLine(this.columns, row));
    this.rows++;
  }

  /** Appends a block of rows (each made into a row object: JSON Lines is not the fast format). */
  writeBlock(block: ColumnBlock): void {
    for (let i = 0; i < block.length; i++) this.write(blockRow(block, i));
  }

  /** Flushes, closes and renames the file to its final name. */
  /** Closes the file, leaving it unfinished (`<path>.partial`). */
  abandon(): void {
    this.file.abandon();
  }

  close(): void {
    this.file.close();
  }
}
