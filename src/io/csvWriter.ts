import { closeSync, fstatSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';
import type { Row } from '../engine/recorder.js';

/** Renders one CSV field (RFC 4180): numbers in shortest round-trip form; null, NaN and ±Infinity empty. */
export function csvField(v: number | string | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Where a line-based table stands: rows and bytes written, and its columns. */
export interface LineTableState<C> {
  rows: number;
  bytes: number;
  columns: C;
}

/**
 * Streams rows to a CSV file. It writes to `<path>.partial` and renames to `<path>` on `close()`,
 * so a reader never mistakes an interrupted table for a finished one. The header comes from the
 * first row; every later row must have the same columns in the same order.
 */
export class CsvWriter {
  private fd: number;
  private columns: string[] | null = null;
  private buffer: string[] = [];
  private bufferedChars = 0;
  rows = 0;

  constructor(readonly path: string, resumeFrom?: LineTableState<string[]>) {
    if (resumeFrom) {
      truncateSync(`${path}.partial`, resumeFrom.bytes);
      this.columns = resumeFrom.columns;
      this.rows = resumeFrom.rows;
    }
    this.fd = openSync(`${path}.partial`, resumeFrom ? 'a' : 'w');
  }

  /** Flushes and reports where the table stands, so a checkpoint can resume it exactly. */
  state(): LineTableState<string[]> {
    this.flush();
    return { rows: this.rows, bytes: fstatSync(this.fd).size, columns: this.columns ?? [] };
  }

  write(row: Row): void {
    if (!this.columns) {
      this.columns = Object.keys(row);
      this.push(this.columns.join(','));
    }
    let line = '';
    const cols = this.columns;
    for (let i = 0; i < cols.length; i++) line += (i ? ',' : '') + csvField(row[cols[i]!] ?? null);
    this.push(line);
    this.rows++;
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.bufferedChars += line.length + 1;
    if (this.bufferedChars > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.bufferedChars = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }
}
