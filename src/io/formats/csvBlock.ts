import type { Column } from './columns.js';
import type { ColumnData } from '../../engine/columnBlock.js';
import { isExactInteger, numberCellBytes, writeInteger, writePlainText } from './lineBytes.js';
import { NumberTexts } from './numberTexts.js';
import { isShortestRange, writeShortest } from './shortestDouble.js';
import { blockTemplate, flagCell, isConstantColumn, numberCell, textCell, type BlockTemplate, type CellWriter } from './blockTemplate.js';

/*
 * CSV lines straight from a block's typed columns into a file's byte chunk, without a row object
 * or a line string. The columns that hold one value over the whole block are rendered once and
 * copied as fixed runs (blockTemplate.ts); the other cells are written in turn, and the numbers
 * `String` must format are formatted for the block at once (numberTexts.ts), a number that repeats
 * a recent one only once. Every cell gets exactly the bytes of what `csvField` (csvWriter.ts)
 * renders for it, so a table written from blocks is byte-identical to one written row by row.
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

/**
 * A cell the batch formats (numberTexts.ts): finite, not an integer below 2^53 (written digit by
 * digit) and outside shortestDouble.ts's range (written there, unless it gives up: then `String`).
 */
const isBatched = (x: number): boolean => x !== 0 && !isShortestRange(x) && x - x === 0 && !isExactInteger(x);

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

/** Writes cell `(k, i)` of `data` with numbers by `String` (no batch): for a template's constant cells. */
function cellWriter(kinds: Uint8Array, data: readonly ColumnData[]): CellWriter {
  return (k, i, b, p) => {
    const kind = kinds[k];
    if (kind === numberCell) return writeNumber((data[k] as Float64Array)[i]!, b, p);
    if (kind === flagCell) return writeFlag((data[k] as Int8Array)[i]!, b, p);
    const x = (data[k] as (string | null)[])[i]!;
    return x === null ? p : writeCsvText(x, b, p);
  };
}

/**
 * Whether cell `i` of a column repeats the row before (1) or the one before that (2), or neither
 * (0): a repeated number is formatted once and its text copied again. Two rows back, because the
 * slot table has a row per rollup (the baseline's supply drifts repeat every other row; the
 * reference price and the base fee the row before): about a fifth of the formatted numbers.
 */
function repeatOf(col: Float64Array, i: number, x: number): number {
  if (i > 0 && col[i - 1] === x) return 1;
  return i > 1 && col[i - 2] === x ? 2 : 0;
}

/**
 * Queues the block's varying numbers that `String` must format, repeat neither of the two rows
 * before (see {@link repeatOf}) and differ from the formatted number written before them (a row's
 * bids paid, in gas token and in Y, their auctioned part: often one number), row by row and column
 * by column: the order its lines write them.
 */
function queueNumbers(numbers: readonly Float64Array[], length: number, into: NumberTexts): void {
  into.clear();
  let last = Number.NaN; // the formatted number before, in writing order
  for (let i = 0; i < length; i++) {
    for (let k = 0; k < numbers.length; k++) {
      const col = numbers[k]!;
      const x = col[i]!;
      if (!isBatched(x)) continue;
      if (x !== last && repeatOf(col, i, x) === 0) into.add(x);
      last = x;
    }
  }
  into.format();
}

/** Where the texts of a block's recent formatted numbers start in its batch (see {@link writeFormatted}). */
interface Recent {
  /** `seen[2j]`, `seen[2j + 1]`: varying column `j`'s text in the rows before and before that. */
  readonly seen: Int32Array;
  /** The formatted number written last, and its text's start. */
  lastX: number;
  lastFrom: number;
}

/**
 * Writes formatted number `x`, row `i` of varying column `j`, from `numbers`: its own text, or the
 * text of the same number one or two rows before or written just before; the same choice as
 * {@link queueNumbers}. `seen[2j]` and `seen[2j + 1]` are read only when that row's cell is the
 * same formatted number; the caller shifts them for every number cell of every row, formatted or not.
 */
function writeFormatted(x: number, col: Float64Array, i: number, j: number, r: Recent, numbers: NumberTexts, b: Buffer, p: number): number {
  const repeat = repeatOf(col, i, x);
  const fresh = repeat === 0 && x !== r.lastX;
  const from = fresh ? numbers.next : repeat === 0 ? r.lastFrom : r.seen[2 * j + repeat - 1]!;
  r.seen[2 * j + 1] = r.seen[2 * j]!;
  r.seen[2 * j] = from;
  r.lastX = x;
  r.lastFrom = from;
  return fresh ? numbers.write(b, p) : numbers.copy(from, b, p);
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

/**
 * Row `i`'s line: the template's fixed runs with the varying cells between them. Zero (and −0) is
 * written as `0`, other integers below 2^53 digit by digit (no `String`); any other finite number
 * as `String` renders it (the shortest round trip): from 1e-4 to 2^53 by shortestDouble.ts, others
 * read from `numbers` (queued for the block); NaN and ±Infinity write nothing.
 */
function lineWriter(v: Varying, numbers: NumberTexts): CsvLineWriter {
  const { runAt, fixed } = v.template;
  const { kinds, data } = v;
  const n = kinds.length;
  const recent: Recent = { seen: new Int32Array(2 * n), lastX: Number.NaN, lastFrom: 0 };
  const seen = recent.seen;
  return (i, b, p) => {
    for (let j = 0; j <= n; j++) {
      for (let q = runAt[j]!, end = runAt[j + 1]!; q < end; q++) b[p++] = fixed[q]!;
      if (j === n) break;
      const kind = kinds[j];
      if (kind === numberCell) {
        const col = data[j] as Float64Array;
        const x = col[i]!;
        if (x === 0) b[p++] = 48; // '0', the commonest cell
        else if (isExactInteger(x)) p = writeInteger(x, b, p);
        else if (isShortestRange(x)) p = writeShortestOrString(x, b, p);
        else if (x - x === 0) {
          p = writeFormatted(x, col, i, j, recent, numbers, b, p);
          continue;
        }
        seen[2 * j + 1] = seen[2 * j]!; // this row's text is not in the batch: shift the rows' texts
      } else if (kind === flagCell) p = writeFlag((data[j] as Int8Array)[i]!, b, p);
      else {
        const x = (data[j] as (string | null)[])[i]!;
        if (x !== null) p = writeCsvText(x, b, p);
      }
    }
    return p;
  };
}

/** The line writer of a block (see {@link csvLines}), its numbers queued and formatted. */
function linesOf(v: Varying, length: number, numbers: NumberTexts): CsvLineWriter {
  queueNumbers(v.data.filter((_, j) => v.kinds[j] === numberCell) as Float64Array[], length, numbers);
  return lineWriter(v, numbers);
}

/**
 * The CSV line writer for tables of `columns`: given a block's column data and rows, a function
 * writing row `i`'s bytes; it must be called for rows 0, 1, … in order, once each (the block's
 * numbers are formatted up front and read back in that order). The columns that hold one value in
 * the whole block are rendered once (blockTemplate.ts) and copied; the others written cell by cell
 * ({@link lineWriter}). Room: at most {@link csvLineBytes} bytes per line. A plain loop over the
 * columns, not code generated per table: a run's writer thread starts cold, and one generated
 * function of ~100 cells took TurboFan about as long to compile as the whole table of a
 * 20,000-slot run took to write.
 */
export function csvLines(columns: readonly Column[]): (data: readonly ColumnData[], length: number) => CsvLineWriter {
  const kinds = Uint8Array.from(columns, kindOf);
  const numbers = new NumberTexts();
  return (data, length) => (length === 0 ? (_i, _b, p) => p : linesOf(varyingOf(columns, kinds, data, length), length, numbers));
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
