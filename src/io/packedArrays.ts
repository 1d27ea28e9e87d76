import type { Column } from './formats/columns.js';

/*
 * A block's typed arrays as they cross to the writer thread and back, laid out in at most three
 * ArrayBuffers (one per element size) instead of one per column. Transferring an ArrayBuffer costs
 * the same whether it holds one column or ninety: with a buffer per column, posting a block and
 * taking its arrays back was ~3 % of the model's thread (95 transfers each way per block).
 */

/** A block's columns as they cross to the thread: numbers and flags as they are, texts as codes. */
export type SentData = readonly (Float64Array | Int8Array | Int32Array)[];

/**
 * Arrays for `capacity` rows of each column, views of shared buffers: a `Float64Array` per number
 * column, an `Int8Array` per flag, an `Int32Array` per text column (its codes, textCodes.ts). Each
 * view is `capacity` long and starts at a multiple of its element size (Float64 views first).
 */
export function packedArrays(columns: readonly Column[], capacity: number): SentData {
  const count = (is: (c: Column) => boolean) => columns.reduce((n, c) => n + (is(c) ? 1 : 0), 0);
  const stride = (bytes: number) => bytes * capacity + columnGap;
  const numbers = new ArrayBuffer(stride(8) * count((c) => c.type === 'double' || c.type === 'int64'));
  const codes = new ArrayBuffer(stride(4) * count((c) => c.type === 'string'));
  const flags = new ArrayBuffer(stride(1) * count((c) => c.type === 'bool'));
  const at = { numbers: 0, codes: 0, flags: 0 };
  return columns.map((c) => {
    if (c.type === 'string') return new Int32Array(codes, stride(4) * at.codes++, capacity);
    if (c.type === 'bool') return new Int8Array(flags, stride(1) * at.flags++, capacity);
    return new Float64Array(numbers, stride(8) * at.numbers++, capacity);
  });
}

/**
 * Bytes between one column's end and the next one's start. Without it the columns of a 4,096-row
 * block start 32 KiB apart, so row i of every column falls in the same set of the CPU's caches,
 * and filling a row (a cell in each of ~95 columns) evicts the lines it just wrote: storing a row
 * took about twice as long (a generated 95-cell fill, 3.0–3.7 against 1.6–1.9 ns a cell). One
 * cache line (64 bytes, a multiple of every element size) shifts each column to the next set.
 */
const columnGap = 64;

/** The distinct buffers under `data` (what a message transfers: a buffer listed twice is an error). */
export function buffersOf(data: SentData): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const d of data) {
    const b = d.buffer as ArrayBuffer;
    if (!buffers.includes(b)) buffers.push(b);
  }
  return buffers;
}

/** Most buffers a packed block's arrays span: the arrays of a block that was not packed are not kept for reuse. */
export const packedBuffers = 3;
