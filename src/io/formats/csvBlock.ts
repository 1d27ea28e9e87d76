import type { Column } from './columns.js';
import type { ColumnData } from '../../engine/columnBlock.js';
import { isExactInteger, numberCellBytes, writeInteger, writePlainText } from './lineBytes.js';
import { NumberTexts } from './numberTexts.js';

/*
 * CSV lines straight from a block's typed columns into a file's byte chunk, without a row object
 * or a line string: each cell's bytes written in turn. Every cell gets exactly the bytes of what
 * `csvField` (csvWriter.ts) renders for it, so a table written from blocks is byte-identical to one
 * written row by row.
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

/** How a column's cells are written: numbers, flags (1, 0 or −1 for missing) or text (null: missing). */
const numberCell = 0;
const flagCell = 1;
const textCell = 2;

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

/** A cell `String` must format: finite, and not an integer below 2^53 (those are written digit by digit). */
const isFormatted = (x: number): boolean => x !== 0 && !isExactInteger(x) && x - x === 0;

/** Queues the block's numbers that `String` must format, row by row and column by column: the order its lines write them. */
function queueNumbers(kinds: Uint8Array, data: readonly ColumnData[], length: number, into: NumberTexts): void {
  const numbers = data.filter((_, k) => kinds[k] === numberCell) as Float64Array[];
  into.clear();
  for (let i = 0; i < length; i++) {
    for (let k = 0; k < numbers.length; k++) {
      const x = numbers[k]![i]!;
      if (isFormatted(x)) into.add(x);
    }
  }
  into.format();
}

/**
 * The CSV line writer for tables of `columns`: given a block's column data and rows, a function
 * writing row `i`'s bytes, cell by cell; it must be called for rows 0, 1, … in order, once each
 * (the block's numbers are formatted up front and read back in that order). Zero (and −0) is
 * written as `0`, other integers below 2^53 digit by digit (no `String`); any other finite number
 * as `String` renders it (the shortest round trip), formatted for the whole block at once
 * (numberTexts.ts); NaN and ±Infinity write nothing. Room: at most {@link csvLineBytes} bytes per
 * line. A plain loop over the columns, not code generated per table: a run's writer thread starts
 * cold, and one generated function of ~100 cells took TurboFan about as long to compile as the
 * whole table of a 20,000-slot run took to write.
 */
export function csvLines(columns: readonly Column[]): (data: readonly ColumnData[], length: number) => CsvLineWriter {
  const kinds = Uint8Array.from(columns, kindOf);
  const numbers = new NumberTexts();
  return (data, length) => {
    queueNumbers(kinds, data, length, numbers);
    return (i, b, p) => {
      for (let k = 0; k < kinds.length; k++) {
        if (k > 0) b[p++] = 44; // ','
        const kind = kinds[k];
        if (kind === numberCell) {
          const x = (data[k] as Float64Array)[i]!;
          if (x === 0) b[p++] = 48; // '0', the commonest cell
          else if (isExactInteger(x)) p = writeInteger(x, b, p);
          else if (x - x === 0) p = numbers.write(b, p);
        } else if (kind === flagCell) p = writeFlag((data[k] as Int8Array)[i]!, b, p);
        else {
          const x = (data[k] as (string | null)[])[i]!;
          if (x !== null) p = writeCsvText(x, b, p);
        }
      }
      return p;
    };
  };
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
