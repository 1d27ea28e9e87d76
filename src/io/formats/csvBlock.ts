import type { Column } from './columns.js';
import type { ColumnData } from '../../engine/columnBlock.js';
import { numberCellBytes, writeNumber, writePlainText } from './lineBytes.js';

/*
 * CSV lines straight from a block's typed columns into a file's byte chunk, without a row object,
 * a per-field dispatch or a line string: one function per table, generated from its column types,
 * writing each cell's bytes in turn. Every cell gets exactly the bytes of what `csvField`
 * (csvWriter.ts) renders for it, so a table written from blocks is byte-identical to one written
 * row by row.
 */

const needsQuotes = /[",\n\r]/;
const quoteRun = /"/g;

/** A text cell (RFC 4180): quoted when it holds a quote, comma or line break; null empty. */
export function csvText(v: string | null): string {
  if (v === null) return '';
  return needsQuotes.test(v) ? `"${v.replace(quoteRun, '""')}"` : v;
}

/** Writes text cell `v` as UTF-8 of {@link csvText}: plain ASCII copied, anything else encoded in full. */
function writeCsvText(v: string, buf: Buffer, pos: number): number {
  const end = writePlainText(v, buf, pos);
  return end >= 0 ? end : pos + buf.write(csvText(v), pos, 'utf8');
}

/** Writes row `i` of a block's columns as one CSV line (no newline) into `buf` at `pos`; returns the end. */
export type CsvLineWriter = (i: number, buf: Buffer, pos: number) => number;

/** Code writing cell `k` (a number) of row `i`: zero, the commonest, at once. */
const numberCell = (k: number) => `x = d${k}[i]; if (x === 0) b[p++] = 48; else p = n(x, b, p);`;

/** Code writing cell `k` (a flag: 1, 0 or −1 for missing) of row `i`: true, false or nothing. */
const flagCell = (k: number) =>
  `x = d${k}[i]; if (x === 1) { b[p] = 116; b[p + 1] = 114; b[p + 2] = 117; b[p + 3] = 101; p += 4; } ` +
  `else if (x === 0) { b[p] = 102; b[p + 1] = 97; b[p + 2] = 108; b[p + 3] = 115; b[p + 4] = 101; p += 5; }`;

/** Code writing cell `k` (text or null) of row `i`. */
const textCell = (k: number) => `x = d${k}[i]; if (x !== null) p = t(x, b, p);`;

/**
 * The CSV line writer for tables of `columns`: given a block's column data, a function of the row
 * index writing that row's bytes. Generated once per table (`new Function`, over column indices
 * only: no name reaches the code). Zero (and −0) is written as `0`, other integers below 2^53 digit
 * by digit (no `String`); any other finite number through `String` (the shortest round trip);
 * NaN and ±Infinity write nothing (lineBytes.ts). Room: at most {@link csvLineBytes} bytes per line.
 */
export function compileCsvLines(columns: readonly Column[]): (data: readonly ColumnData[]) => CsvLineWriter {
  const cell = (c: Column, k: number) => (c.type === 'bool' ? flagCell(k) : c.type === 'string' ? textCell(k) : numberCell(k));
  const locals = ['x', ...columns.map((_, k) => `d${k} = data[${k}]`)].join(', ');
  const body = columns.map(cell).join(' b[p++] = 44; ');
  const make = new Function('n', 't', `return (data) => { let ${locals}; return (i, b, p) => { ${body} return p; }; };`);
  return make(writeNumber, writeCsvText) as (data: readonly ColumnData[]) => CsvLineWriter;
}

/**
 * Most bytes any of rows `0 … length − 1` takes as a CSV line (no newline): a number cell at most
 * `numberCellBytes`, a flag 5, a text cell 3 bytes per UTF-16 code unit (UTF-8 of a unit, or a
 * doubled quote) plus 2 quotes, and the commas.
 */
export function csvLineBytes(columns: readonly Column[], data: readonly ColumnData[], length: number): number {
  let fixed = columns.length;
  const texts: (string | null)[][] = [];
  columns.forEach((c, k) => {
    if (c.type === 'string') {
      texts.push(data[k] as (string | null)[]);
      fixed += 2;
    } else fixed += c.type === 'bool' ? 5 : numberCellBytes;
  });
  let longest = 0;
  for (let i = 0; i < length && texts.length > 0; i++) {
    let units = 0;
    for (const t of texts) units += t[i]?.length ?? 0;
    if (units > longest) longest = units;
  }
  return fixed + 3 * longest;
}
