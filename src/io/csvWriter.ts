import { LineFile } from './lineFile.js';
import type { Row } from '../engine/recorder.js';
import type { Column } from './formats/columns.js';
import type { ColumnBlock } from '../engine/columnBlock.js';
import { csvLines, csvLineBytes, type CsvLineWriter } from './formats/csvBlock.js';

/** Renders one CSV field (RFC 4180): numbers in shortest round-trip form; null, NaN and ±Infinity empty. */
export function csvField(v: number | string | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Where a line-based table stands: rows and bytes written, the SHA-256 of those bytes, and its columns. */
export interface LineTableState<C> {
  rows: number;
  bytes: number;
  /** SHA-256 (hex) of the table's first `bytes` bytes. */
  sha256: string;
  columns: C;
}

/**
 * Streams rows to a CSV file. It writes to `<path>.partial` and renames to `<path>` on `close()`,
 * so a reader never mistakes an interrupted table for a finished one. The header comes from the
 * first row; every later row must have the same columns in the same order.
 */
export class CsvWriter {
  private readonly file: LineFile;
  private columns: string[] | null = null;
  /** The line renderer of the blocks' columns (generated at the first block). */
  private lines: { columns: readonly Column[]; of: (data: ColumnBlock['data'], length: number) => CsvLineWriter } | null = null;
  rows = 0;

  constructor(readonly path: string, resumeFrom?: LineTableState<string[]>) {
    this.file = new LineFile(path, resumeFrom?.bytes);
    if (resumeFrom) {
      this.columns = resumeFrom.columns.length > 0 ? resumeFrom.columns : null; // none yet: stopped before its first row, the header still to come
      this.rows = resumeFrom.rows;
    }
  }

  /** Flushes and reports where the table stands, so a checkpoint can resume it exactly. */
  state(): LineTableState<string[]> {
    return { rows: this.rows, bytes: this.file.bytes(), sha256: this.file.sha256(), columns: this.columns ?? [] };
  }

  write(row: Row): void {
    if (!this.columns) {
      this.columns = Object.keys(row);
      this.file.push(this.columns.join(','));
    }
    let line = '';
    const cols = this.columns;
    for (let i = 0; i < cols.length; i++) line += (i ? ',' : '') + csvField(row[cols[i]!] ?? null);
    this.file.push(line);
    this.rows++;
  }

  /**
   * Appends a block of rows, written column type by column type straight into the file's chunk
   * (csvBlock.ts), the same bytes as writing each row with `write`. The header is the block's column names (unless resuming a table).
   */
  writeBlock(block: ColumnBlock): void {
    if (block.length === 0) return;
    if (!this.columns) {
      this.columns = block.columns.map((c) => c.name);
      this.file.push(this.columns.join(','));
    }
    if (this.lines?.columns !== block.columns) this.lines = { columns: block.columns, of: csvLines(block.columns) };
    this.file.pushLines(block.length, csvLineBytes(block.columns, block.data, block.length), this.lines.of(block.data, block.length));
    this.rows += block.length;
  }

  flush(): void {
    this.file.flush();
  }

  /** Closes the file, leaving it unfinished (`<path>.partial`). */
  abandon(): void {
    this.file.abandon();
  }

  close(): void {
    this.file.close();
  }
}
