import type { Column } from './columns.js';
import type { ColumnData } from '../../engine/columnBlock.js';

/*
 * CSV lines straight from a block's typed columns, without a row object or a per-field dispatch:
 * one function per table, generated from its column types, concatenating specialised formatters.
 * Every formatter renders exactly what `csvField` (csvWriter.ts) renders for the same cell, so a
 * table written from blocks is byte-identical to one written row by row.
 */

const needsQuotes = /[",\n\r]/;
const quoteRun = /"/g;

/** A number cell: shortest round-trip form (`String`, −0 as 0); NaN and ±Infinity (missing) empty. */
export function csvNumber(x: number): string {
  // x − x is 0 exactly for finite x (NaN for NaN and ±Infinity).
  return x - x === 0 ? String(x) : '';
}

/** A flag cell stored as 1, 0 or −1 (missing). */
export function csvFlag(v: number): string {
  return v === 1 ? 'true' : v === 0 ? 'false' : '';
}

/** A text cell (RFC 4180): quoted when it holds a quote, comma or line break; null empty. */
export function csvText(v: string | null): string {
  if (v === null) return '';
  return needsQuotes.test(v) ? `"${v.replace(quoteRun, '""')}"` : v;
}

/** Renders row `i` of a block's columns as one CSV line (no newline). */
export type CsvLineOf = (i: number) => string;

/**
 * The CSV line renderer for tables of `columns`: given a block's column data, a function of the row
 * index. Generated once per table (`new Function`, over column indices only: no name reaches the
 * code). Each cell keeps its column's last value and rendering: most cells repeat the row before
 * (zeros, per-slot values on every rollup's row; about three in four on the baseline), and a repeat
 * costs a comparison instead of a number-to-string conversion. A repeat renders the same text (−0
 * equals 0, and both render as `0`; NaN never equals itself, so it is never taken from the cache).
 */
export function compileCsvLines(columns: readonly Column[]): (data: readonly ColumnData[]) => CsvLineOf {
  if (columns.length === 0) return () => () => '';
  const render = (c: Column) => (c.type === 'bool' ? 'f' : c.type === 'string' ? 't' : 'n');
  const cell = (c: Column, k: number) => `cells[${k}] = (x = d${k}[i]) === l${k} ? s${k} : (l${k} = x, s${k} = ${render(c)}(x));`;
  const locals = columns.map((c, k) => `d${k} = data[${k}], l${k} = ${c.type === 'string' ? 'undefined' : 'NaN'}, s${k} = ''`).join(', ');
  // The cells go into one array joined once (a flat string in one allocation, about 10% faster
  // than concatenating them).
  const body = `const cells = new Array(${columns.length}).fill(''); return (i) => { let x; ${columns.map(cell).join(' ')} return cells.join(','); };`;
  const make = new Function('n', 'f', 't', `return (data) => { let ${locals}; ${body} };`);
  return make(csvNumber, csvFlag, csvText) as (data: readonly ColumnData[]) => CsvLineOf;
}
