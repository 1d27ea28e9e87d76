/**
 * Snappy compression producing exactly the bytes of hyparquet-writer's `snappyCompress` (a port of
 * snappyjs, MIT, © 2016 Zhipeng Jia: one pass over the whole input with a hash table of at most
 * 2^14 entries, no 64 KiB blocks), so Parquet files stay byte-identical. Faster because it writes
 * into one preallocated array (hyparquet-writer's grows a `ByteWriter` by doubling and copying, and
 * appends byte by byte through a `DataView`), loads 4 bytes at once (an unaligned `DataView` load
 * instead of four byte loads), and extends matches 4 bytes at a time (the same length as byte by byte).
 * Format: https://github.com/google/snappy/blob/main/format_description.txt
 */

const maxHashTableBits = 14;
const maxOffset = 0xffff;
/** The compressor stops looking for matches this many bytes before the end (the reference's margin). */
const inputMargin = 15;

/** Bits of the hash table for an input of `size` bytes: the largest b ≤ 14 with 2^b ≤ size (at least 0). */
function hashTableBits(size: number): number {
  let bits = 1;
  while (1 << bits <= size && bits <= maxHashTableBits) bits++;
  return bits - 1;
}

/** Upper bound of the compressed size: the length varint, and literals cost at most 1 byte in 6 beyond their own. */
const maxCompressedLength = (size: number): number => 32 + size + Math.ceil(size / 6);

/** Snappy-compresses `input`: the uncompressed length as a varint, then literals and copies. */
export function snappyCompress(input: Uint8Array): Uint8Array {
  return new SnappyStream(input.length).finish(input, input.length);
}

/** Where a paused {@link SnappyStream} resumes. */
const enum Step {
  Start,
  /** Looking for a match from `ip`, stepping `skip >>> 5` bytes a lookup. */
  Search,
  /** Extending a match of `matched` bytes at `ip` against `candidate`. */
  Extend,
  /** After a copy that ended at `ip`. */
  AfterCopy,
}

/**
 * Snappy compression of an input that grows at its end (a page body built as rows arrive): `advance`
 * compresses as far as the bytes given so far decide, `finish` the rest, and the result is the same as
 * {@link snappyCompress} of the whole input. The compressor only ever reads ahead of its position, and
 * its one look at the input's size (the hash table's size) is the same for every size from 16 KiB on,
 * so `advance` waits for 16 KiB; it stops wherever the next step would need bytes not yet given or
 * would depend on where the input ends (a match reaching the end, the last 15 bytes).
 */
export class SnappyStream {
  private readonly out: Uint8Array;
  /** Compressed bytes are written from 5, leaving room for the length's varint (≤ 5 bytes), written by `finish`. */
  private op = 5;
  private nextEmit = 0;
  private step = Step.Start;
  private ip = 0;
  private skip = 32;
  private candidate = 0;
  private matched = 0;
  /** Last position of each hash (an Int32Array: positions < 2^31, and its loads stay small integers for the compiler, unlike a Uint32Array's). */
  private table = new Int32Array(0);

  /** For inputs of at most `maxSize` bytes. */
  constructor(maxSize: number) {
    this.out = new Uint8Array(5 + maxCompressedLength(maxSize));
  }

  /**
   * Makes the stream new again, for another input of at most the same size, keeping its arrays (its
   * last result is overwritten: the caller must be done with it).
   */
  reset(): void {
    this.op = 5;
    this.nextEmit = 0;
    this.step = Step.Start;
    this.ip = 0;
    this.skip = 32;
    this.candidate = 0;
    this.matched = 0;
  }

  /** Compresses what the first `size` bytes of `input` decide (the input only grows between calls). */
  advance(input: Uint8Array, size: number): void {
    if (this.step === Step.Start && size < 1 << maxHashTableBits) return;
    this.run(input, size, false);
  }

  /** The compressed bytes of `input[0 … size − 1]`, its whole content: the stream is done. */
  finish(input: Uint8Array, size: number): Uint8Array {
    if (size >= inputMargin) this.run(input, size, true);
    if (this.nextEmit < size) this.op = emitLiteral(input, this.nextEmit, size - this.nextEmit, this.out, this.op);
    let head = 0;
    for (let v = size; v > 0x7f; v >>>= 7) head++;
    let at = 4 - head;
    const start = at;
    for (let v = size; ; v >>>= 7) {
      if ((v & ~0x7f) === 0) {
        this.out[at] = v;
        break;
      }
      this.out[at++] = (v & 0x7f) | 0x80;
    }
    return this.out.subarray(start, this.op);
  }

  /**
   * The reference's loop over `input[0 … end − 1]`, entered at the paused step. Not `last`: `end` is
   * only what is known so far, and wherever the reference would look at the end (stop searching 15
   * bytes before it, a match reaching it) the stream pauses instead.
   */
  private run(input: Uint8Array, end: number, last: boolean): void {
    const limit = end - inputMargin;
    const out = this.out;
    // Unaligned little-endian loads; every load reads within the input (positions ≤ limit + 3).
    const view = new DataView(input.buffer, input.byteOffset, end);
    if (this.step === Step.Start) {
      const bits = hashTableBits(end);
      // A reset stream reuses its table, emptied (the compressor starts from an all-zero table).
      if (this.table.length === 1 << bits) this.table.fill(0);
      else this.table = new Int32Array(1 << bits);
      this.skip = 32;
      this.ip = 1;
      this.step = Step.Search;
    }
    const table = this.table;
    const shift = 32 - Math.log2(table.length);
    let { op, ip, skip, candidate, matched, step } = this;
    let nextEmit = this.nextEmit;
    for (;;) {
      if (step === Step.Search) {
        // Look for a 4-byte match, stepping further the longer none is found (1 + lookups / 32 bytes).
        // Each position's 4 bytes are loaded once: hashed, then compared with the candidate's.
        let nextWord = ip <= limit ? view.getInt32(ip, true) : 0;
        let nextIp = ip;
        let word = 0;
        do {
          ip = nextIp;
          if (ip > limit) break;
          word = nextWord;
          const hash = Math.imul(word, 0x1e35a7bd) >>> shift;
          nextIp = ip + (skip++ >>> 5);
          // nextIp may lie past the input: that word is never used (the next turn stops first).
          nextWord = nextIp <= limit ? view.getInt32(nextIp, true) : 0;
          candidate = table[hash]!;
          table[hash] = ip;
        } while (ip - candidate > maxOffset || word !== view.getInt32(candidate, true));
        if (ip > limit) break; // paused at ip with skip, or at the end
        op = emitLiteral(input, nextEmit, ip - nextEmit, out, op);
        matched = 4;
        step = Step.Extend;
      }
      if (step === Step.Extend) {
        // Four bytes at a time, then byte by byte: the same length as a byte-by-byte scan.
        while (ip + matched + 4 <= end && view.getInt32(ip + matched, true) === view.getInt32(candidate + matched, true)) matched += 4;
        while (ip + matched < end && input[ip + matched] === input[candidate + matched]) matched++;
        if (ip + matched === end && !last) break; // the match may go on
        const base = ip;
        ip += matched;
        op = emitCopy(base - candidate, matched, out, op);
        nextEmit = ip;
        step = Step.AfterCopy;
      }
      // After a copy: go on copying while the bytes at ip match again, else search from ip + 1.
      if (ip >= limit) break;
      table[Math.imul(view.getInt32(ip - 1, true), 0x1e35a7bd) >>> shift] = ip - 1;
      const word = view.getInt32(ip, true);
      const hash = Math.imul(word, 0x1e35a7bd) >>> shift;
      candidate = table[hash]!;
      table[hash] = ip;
      if (ip - candidate <= maxOffset && word === view.getInt32(candidate, true)) {
        matched = 4;
        step = Step.Extend;
      } else {
        ip++;
        skip = 32;
        step = Step.Search;
      }
    }
    Object.assign(this, { op, ip, skip, candidate, matched, step, nextEmit });
  }
}

/** Writes a literal of `input[from … from + len − 1]` at `op`; returns the new output position. */
function emitLiteral(input: Uint8Array, from: number, len: number, out: Uint8Array, op: number): number {
  if (len <= 60) out[op++] = (len - 1) << 2;
  else {
    const value = len - 1;
    const bytes = value < 0x100 ? 1 : value < 0x10000 ? 2 : value < 0x1000000 ? 3 : 4;
    out[op++] = (59 + bytes) << 2;
    for (let i = 0; i < bytes; i++) out[op++] = (value >>> (i * 8)) & 0xff;
  }
  if (len < 32) for (let i = 0; i < len; i++) out[op++] = input[from + i]!;
  else {
    out.set(input.subarray(from, from + len), op);
    op += len;
  }
  return op;
}

/** Writes a copy of `len` (4 … 64) bytes from `offset` back; returns the new output position. */
function emitCopyUpTo64(offset: number, len: number, out: Uint8Array, op: number): number {
  if (len < 12 && offset < 2048) {
    out[op++] = 1 + ((len - 4) << 2) + ((offset >>> 8) << 5);
    out[op++] = offset & 0xff;
  } else {
    out[op++] = 2 + ((len - 1) << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
  }
  return op;
}

/** Writes a copy of `len` ≥ 4 bytes as copies of at most 64 (the reference's split); returns the new output position. */
function emitCopy(offset: number, len: number, out: Uint8Array, op: number): number {
  while (len >= 68) {
    op = emitCopyUpTo64(offset, 64, out, op);
    len -= 64;
  }
  if (len > 64) {
    op = emitCopyUpTo64(offset, 60, out, op);
    len -= 60;
  }
  return emitCopyUpTo64(offset, len, out, op);
}
