import type { Column } from './columns.js';
import type { ColumnData } from '../../engine/columnBlock.js';
import { isExactInteger, numberCellBytes, writeInteger, writePlainText } from './lineBytes.js';
import { writeShortest } from './shortestDouble.js';
import { viewOf } from './byteView.js';
import { blockTemplate, flagCell, isConstantColumn, numberCell, textCell, type BlockTemplate, type CellWriter } from './blockTemplate.js';

/*
 * CSV lines straight from a block's typed columns into a file's byte chunk, without a row object
 * or a line string. The columns that hold one value over the whole block are rendered once and
 * copied as fixed runs (blockTemplate.ts); the other cells are written in turn, numbers that are
 * not integers by shortestDouble.ts (the bytes of `String(x)` without a runtime call or a string).
 * Every cell gets exactly the bytes of what `csvField` (csvWriter.ts) renders for it, so a table
 * written from blocks is byte-identical to one written row by row.
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

const kindOf = (c: Column): number => (c.type === 'bool' ? flagCell : c.type === 'string' ? textCell : numberCell);

/** Writes `true` or `false` for a flag cell of 1 or 0; nothing for −1 (missing). */
function writeFlag(x: number, b: Buffer, p: number): number {
  if (x === 1) {
    b[p] = 116; b[p + 1] = 114; b[p + 2] = 117; b[p + 3] = 101; // true
    return p + 4;
  }
  if (x === 0) {
    b[p] = 102; b[p + 1] = 97; b[p + 2] = 108; b[p + 3] = 115; b[p + 4] = 101; // false
    return p + 5;
  }
  return p;
}

/** Writes number `x` as a cell: `0`, digits, `String(x)`, or nothing when not finite. */
function writeNumber(x: number, b: Buffer, p: number): number {
  if (x === 0) {
    b[p] = 48; // '0'
    return p + 1;
  }
  if (isExactInteger(x)) return writeInteger(x, b, p);
  return x - x === 0 ? writePlainText(String(x), b, p) : p; // String(x) is ASCII without , " or \
}

/** Writes `x`, in shortestDouble.ts's range, as `String(x)`: by `writeShortest`, or `String` where that gives up. */
function writeShortestOrString(x: number, b: Buffer, p: number): number {
  const end = writeShortest(x, b, p);
  return end >= 0 ? end : writePlainText(String(x), b, p);
}

/** Writes cell `(k, i)` of `data`: for a template's constant cells. */
function cellWriter(kinds: Uint8Array, data: readonly ColumnData[]): CellWriter {
  return (k, i, b, p) => {
    const kind = kinds[k];
    if (kind === numberCell) return writeNumber((data[k] as Float64Array)[i]!, b, p);
    if (kind === flagCell) return writeFlag((data[k] as Int8Array)[i]!, b, p);
    const x = (data[k] as (string | null)[])[i]!;
    return x === null ? p : writeCsvText(x, b, p);
  };
}

/** The block's template (blockTemplate.ts): which columns vary, and the fixed bytes between them. */
function templateOf(kinds: Uint8Array, data: readonly ColumnData[], length: number, room: number): BlockTemplate {
  const constant = Array.from(kinds, (kind, k) => isConstantColumn(kind, data[k]!, length));
  return blockTemplate(constant, cellWriter(kinds, data), Buffer.allocUnsafe(room));
}

/** A block's columns split by its template: the varying columns' indices, kinds and data. */
interface Varying {
  readonly template: BlockTemplate;
  readonly kinds: Uint8Array;
  readonly data: readonly ColumnData[];
}

function varyingOf(columns: readonly Column[], kinds: Uint8Array, data: readonly ColumnData[], length: number): Varying {
  const template = templateOf(kinds, data, length, csvLineBytes(columns, data, 1));
  return { template, kinds: Uint8Array.from(template.varying, (k) => kinds[k]!), data: Array.from(template.varying, (k) => data[k]!) };
}

/** Runs this long or longer are copied 4 bytes at a time (shorter ones byte by byte: a word copy's setup costs more). */
const wordRun = 8;

/**
 * `fixed` with 3 bytes of padding, as a DataView: a run is read in whole 4-byte words, the last
 * word reaching past the run's end (into the next run or the padding).
 */
function paddedView(fixed: Buffer): DataView {
  const padded = new Uint8Array(fixed.length + 3);
  padded.set(fixed);
  return new DataView(padded.buffer);
}

/**
 * Copies `length` (≥ 1) bytes from `from` at `start` to `to` at `at` in 4-byte words: one word
 * store instead of four byte stores. Writes up to 3 bytes past the run's end, which the line's
 * next bytes overwrite (room for them is in {@link csvLineBytes}).
 */
function copyWords(from: DataView, start: number, length: number, to: DataView, at: number): void {
  for (let q = 0; q < length; q += 4) to.setUint32(at + q, from.getUint32(start + q, true), true);
}

/**
 * Row `i`'s line: the template's fixed runs with the varying cells between them. Zero (and −0) is
 * written as `0`, other integers below 2^53 digit by digit (no `String`); any other finite number
 * as `String` renders it (the shortest round trip, by shortestDouble.ts where it can); NaN and
 * ±Infinity write nothing.
 */
function lineWriter(v: Varying): CsvLineWriter {
  const { runAt, fixed } = v.template;
  const runs = paddedView(fixed);
  const { kinds, data } = v;
  const n = kinds.length;
  return (i, b, p) => {
    const to = viewOf(b);
    for (let j = 0; j <= n; j++) {
      const start = runAt[j]!;
      const length = runAt[j + 1]! - start;
      if (length >= wordRun) {
        copyWords(runs, start, length, to, p);
        p += length;
      } else for (let q = start, end = start + length; q < end; q++) b[p++] = fixed[q]!;
      if (j === n) break;
      const kind = kinds[j];
      if (kind === numberCell) {
        const x = (data[j] as Float64Array)[i]!;
        if (x === 0) b[p++] = 48; // '0', the commonest cell
        else if (isExactInteger(x)) p = writeInteger(x, b, p);
        else if (x - x === 0) p = writeShortestOrString(x, b, p);
      } else if (kind === flagCell) p = writeFlag((data[j] as Int8Array)[i]!, b, p);
      else {
        const x = (data[j] as (string | null)[])[i]!;
        if (x !== null) p = writeCsvText(x, b, p);
      }
    }
    return p;
  };
}

/**
 * The CSV line writer for tables of `columns`: given a block's column data and rows, a function
 * writing row `i`'s bytes. The columns that hold one value in the whole block are rendered once
 * (blockTemplate.ts) and copied; the others written cell by cell ({@link lineWriter}). Room: at most {@link csvLineBytes} bytes per line. A plain loop over the
 * columns, not code generated per table: a run's writer thread starts cold, and one generated
 * function of ~100 cells took TurboFan about as long to compile as the whole table of a
 * 20,000-slot run took to write.
 */
export function csvLines(columns: readonly Column[]): (data: readonly ColumnData[], length: number) => CsvLineWriter {
  const kinds = Uint8Array.from(columns, kindOf);
  return (data, length) => (length === 0 ? (_i, _b, p) => p : lineWriter(varyingOf(columns, kinds, data, length)));
}

/**
 * Most bytes any of rows `0 … length − 1` takes as a CSV line (no newline): a number cell at most
 * `numberCellBytes`, a flag 5, a text cell 3 bytes per UTF-16 code unit (UTF-8 of a unit, or a
 * doubled quote) plus 2 quotes, and the commas; and 3 more for the bytes a word copy
 * ({@link copyWords}) writes past a line's last run.
 */
export function csvLineBytes(columns: readonly Column[], data: readonly ColumnData[], length: number): number {
  let fixed = columns.length + 3;
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
