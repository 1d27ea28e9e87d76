import type { Row } from '../../engine/recorder.js';
import { csvField } from '../csvWriter.js';
import { cellValue, type Column } from './columns.js';

/** The CSV header line (no newline) for `columns`. */
export function csvHeader(columns: readonly Column[]): string {
  return columns.map((c) => csvField(c.name)).join(',');
}

/** One CSV line (no newline): the row's values in column order, as `CsvWriter` renders them. */
export function csvLine(columns: readonly Column[], row: Readonly<Row>): string {
  return columns.map((c) => csvField(cellValue(c, row[c.name]))).join(',');
}
