import { packedStride, packedTypedArrays } from '../engine/columnBlock.js';
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
 * column and an `Int8Array` per flag as a new block packs them (`packedTypedArrays`, the same
 * offsets, so a fill compiled for one block's layout serves the next), an `Int32Array` per text
 * column (its codes, textCodes.ts) in a third buffer.
 */
export function packedArrays(columns: readonly Column[], capacity: number): SentData {
  const typed = packedTypedArrays(columns, capacity);
  const codes = new ArrayBuffer(packedStride(4, capacity) * columns.reduce((n, c) => n + (c.type === 'string' ? 1 : 0), 0));
  let at = 0;
  return columns.map((_, k) => typed[k] ?? new Int32Array(codes, packedStride(4, capacity) * at++, capacity));
}

/** The distinct buffers under `data` (what a message transfers: a buffer listed twice is an error). */
export function buffersOf(data: SentData): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const d of data) {
    const b = d.buffer as ArrayBuffer;
    if (!buffers.includes(b)) buffers.push(b);
  }
  return buffers;
}

/** Most buffers a packed block's arrays span: one per element size (8, 4 and 1 bytes). */
export const packedBuffers = 3;
