import type { ColumnData } from '../../engine/columnBlock.js';

/*
 * A block's lines as a template: the columns whose cell is the same in every row of the block are
 * rendered once into fixed byte runs, and each line is those runs with the other columns' cells
 * written in between. On the baseline about 60 of the slot table's 95 columns hold one value for a
 * whole 4,096-row block (mostly zeros of mechanisms and agents the run does not have), so a line
 * writes ~35 cells and copies ~12 runs instead of dispatching on 95 cells.
 */

/** How a column's cells are written: numbers, flags (1, 0 or −1 for missing) or text (null: missing). */
export const numberCell = 0;
export const flagCell = 1;
export const textCell = 2;

/** Writes row `i`'s cell of column `k` (no comma) into `buf` at `pos`; returns the end. */
export type CellWriter = (k: number, i: number, buf: Buffer, pos: number) => number;

/**
 * A block's line template: `fixed[runAt[j] … runAt[j + 1]]` is the j-th fixed run (commas and the
 * constant cells), and `varying[j]` the column whose cell follows it; the last run ends the line.
 * A line is run 0, cell `varying[0]`, run 1, …, cell `varying[n − 1]`, run n.
 */
export interface BlockTemplate {
  readonly varying: Int32Array;
  readonly runAt: Int32Array;
  readonly fixed: Buffer;
}

/**
 * True when every row `0 … length − 1` of the column writes the same text as row 0. Numbers
 * compare by value (0 and −0 both write `0`), any NaN matches any NaN (both write nothing);
 * ±Infinity match only themselves, which is merely cautious (they write nothing too).
 */
export function isConstantColumn(kind: number, data: ColumnData, length: number): boolean {
  if (kind === textCell) return isConstantText(data as (string | null)[], length);
  // One loop per array type: a loop over both would read cells through a polymorphic access (a few ns a cell, ×4,096 × ~60 columns a block).
  return data instanceof Float64Array ? isConstantNumber(data, length) : isConstantFlag(data as Int8Array, length);
}

function isConstantText(t: (string | null)[], length: number): boolean {
  const t0 = t[0];
  for (let i = 1; i < length; i++) if (t[i] !== t0) return false;
  return true;
}

function isConstantNumber(d: Float64Array, length: number): boolean {
  const x0 = d[0]!;
  if (x0 !== x0) {
    for (let i = 1; i < length; i++) if (d[i] === d[i]) return false;
    return true;
  }
  // Four cells a test: one branch (and one loop step) per four compares, since a constant column is read to its end.
  let i = 1;
  for (; i + 3 < length; i += 4) if ((d[i] !== x0 ? 1 : 0) | (d[i + 1] !== x0 ? 1 : 0) | (d[i + 2] !== x0 ? 1 : 0) | (d[i + 3] !== x0 ? 1 : 0)) return false;
  for (; i < length; i++) if (d[i] !== x0) return false;
  return true;
}

function isConstantFlag(d: Int8Array, length: number): boolean {
  const x0 = d[0]!;
  for (let i = 1; i < length; i++) if (d[i] !== x0) return false;
  return true;
}

/**
 * The template of a block of `length ≥ 1` rows: `constant[k]` says column `k` holds one value in
 * every row; constant cells are rendered from row 0 by `writeCell` into `scratch` (which must hold
 * row 0's whole line).
 */
export function blockTemplate(constant: readonly boolean[], writeCell: CellWriter, scratch: Buffer): BlockTemplate {
  const varying: number[] = [];
  const runAt: number[] = [0];
  let p = 0;
  for (let k = 0; k < constant.length; k++) {
    if (k > 0) scratch[p++] = 44; // ','
    if (constant[k]) p = writeCell(k, 0, scratch, p);
    else {
      varying.push(k);
      runAt.push(p);
    }
  }
  runAt.push(p);
  return { varying: Int32Array.from(varying), runAt: Int32Array.from(runAt), fixed: Buffer.from(scratch.subarray(0, p)) };
}
