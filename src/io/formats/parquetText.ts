import { keepsDictionary, sampledRow, sampleSize } from './parquetNumbers.js';

/**
 * The non-null cells of a text column of one row group: `values[0 … count − 1]` in row order (entries
 * past `count` are not read), `defined[i]` 1 for a non-null row `i` (only filled when some row is
 * null). An empty string is a value, not a null.
 */
export interface TextCells {
  values: readonly string[];
  count: number;
  defined: Uint8Array;
}

/**
 * Gathers rows `0 … rows − 1` of `data` (see {@link TextCells}); `defined` holds at least `rows`.
 * Without a null (the usual case) the values are `data` itself: copying 65,536 strings into a new
 * array cost more than the dictionary built from them.
 */
export function gatherText(data: readonly (string | null)[], rows: number, defined: Uint8Array): TextCells {
  let nulls = 0;
  for (let i = 0; i < rows; i++) if (data[i] === null || data[i] === undefined) nulls++;
  if (nulls === 0) return { values: data as readonly string[], count: rows, defined };
  const values: string[] = [];
  for (let i = 0; i < rows; i++) {
    const s = data[i];
    if (s !== null && s !== undefined) values.push(s);
  }
  for (let i = 0; i < rows; i++) defined[i] = data[i] === null || data[i] === undefined ? 0 : 1;
  return { values, count: values.length, defined };
}

/**
 * Whether a sample of up to 1,000 cells spread over the column (nulls included, weighing nothing)
 * rules a dictionary out, as hyparquet-writer's sample does: each value weighs its UTF-16 length plus
 * a 4-byte prefix, and more than 90% of the sampled weight in distinct values (or none at all) means PLAIN.
 */
export function sampleRulesOutTextDictionary(data: readonly (string | null)[], rows: number): boolean {
  const size = sampleSize(rows);
  const seen = new Set<string>();
  let distinct = 0;
  let total = 0;
  for (let i = 0; i < size; i++) {
    const s = data[sampledRow(i, size, rows)];
    if (s === null || s === undefined) continue;
    total += s.length + 4;
    if (!seen.has(s)) {
      seen.add(s);
      distinct += s.length + 4;
    }
  }
  return total === 0 || distinct / total > 0.9;
}

/** A text column's dictionary: distinct values in first-seen order and each value's index. */
export interface TextDictionary {
  entries: string[];
  indexes: Int32Array;
}

/**
 * Dictionary-encodes `values[0 … count − 1]`, or returns null when a dictionary would not halve the
 * PLAIN bytes (hyparquet-writer's rule, which sizes a string by its UTF-16 length plus a 4-byte prefix).
 */
export function textDictionary(values: readonly string[], count = values.length): TextDictionary | null {
  const index = new Map<string, number>();
  const entries: string[] = [];
  const indexes = new Int32Array(count);
  let total = 0;
  let distinct = 0;
  let last: string | null = null;
  let lastIndex = -1;
  for (let i = 0; i < count; i++) {
    const s = values[i]!;
    total += s.length;
    if (s === last) {
      indexes[i] = lastIndex;
      continue;
    }
    // Rows alternate between rollups: a text often repeats the one two rows back (no map lookup then).
    if (i >= 2 && s === values[i - 2]) {
      indexes[i] = lastIndex = indexes[i - 2]!;
      last = s;
      continue;
    }
    let k = index.get(s);
    if (k === undefined) {
      k = entries.length;
      entries.push(s);
      index.set(s, k);
      distinct += s.length;
    }
    indexes[i] = lastIndex = k;
    last = s;
  }
  return keepsDictionary(entries.length, distinct + 4 * entries.length, count, total + 4 * count) ? { entries, indexes } : null;
}

/** PLAIN encoding of `values[0 … count − 1]`: each value's UTF-8 bytes after their 4-byte little-endian length. */
export function plainText(values: readonly string[], count = values.length): Uint8Array {
  let size = 0;
  for (let i = 0; i < count; i++) size += 4 + Buffer.byteLength(values[i]!, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < count; i++) {
    const s = values[i]!;
    const n = out.write(s, at + 4, 'utf8');
    out.writeUInt32LE(n, at);
    at += 4 + n;
  }
  return out;
}

/** The smallest and largest of `values[0 … count − 1]` in UTF-8 byte order (Parquet's order for UTF8), undefined when none. */
export function textRange(values: readonly string[], count = values.length): { min?: string; max?: string } {
  let min: string | undefined;
  let max: string | undefined;
  let minBytes: Buffer | undefined;
  let maxBytes: Buffer | undefined;
  for (let i = 0; i < count; i++) {
    const s = values[i]!;
    if (s === min || s === max) continue;
    const b = Buffer.from(s, 'utf8');
    if (!minBytes || Buffer.compare(b, minBytes) < 0) [min, minBytes] = [s, b];
    if (!maxBytes || Buffer.compare(b, maxBytes) > 0) [max, maxBytes] = [s, b];
  }
  return { min, max };
}
