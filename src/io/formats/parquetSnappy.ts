/**
 * Snappy compression producing exactly the bytes of hyparquet-writer's `snappyCompress` (a port of
 * snappyjs, MIT, © 2016 Zhipeng Jia: one pass over the whole input with a hash table of at most
 * 2^14 entries, no 64 KiB blocks), so Parquet files stay byte-identical. Faster because it writes
 * into one preallocated array (hyparquet-writer's grows a `ByteWriter` by doubling and copying, and
 * appends byte by byte through a `DataView`) and keeps the hot loop's loads and hashes inline.
 * Format: https://github.com/google/snappy/blob/main/format_description.txt
 */

const maxHashTableBits = 14;
const maxOffset = 0xffff;
/** The compressor stops looking for matches this many bytes before the end (the reference's margin). */
const inputMargin = 15;
/** One hash table per size, reused (cleared per call), as hyparquet-writer keeps them. */
const hashTables: (Uint32Array | undefined)[] = [];

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
  const out = new Uint8Array(maxCompressedLength(input.length));
  let op = 0;
  for (let v = input.length; ; v >>>= 7) {
    if ((v & ~0x7f) === 0) {
      out[op++] = v;
      break;
    }
    out[op++] = (v & 0x7f) | 0x80;
  }
  op = compressInto(input, out, op);
  return out.subarray(0, op);
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

/** The compressed body of `input` (after the length), written from `op`; returns the end position. Same steps as snappyjs. */
function compressInto(input: Uint8Array, out: Uint8Array, op: number): number {
  const end = input.length;
  let nextEmit = 0;
  if (end >= inputMargin) {
    const bits = hashTableBits(end);
    const shift = 32 - bits;
    const table = (hashTables[bits] ??= new Uint32Array(1 << bits));
    table.fill(0);
    const limit = end - inputMargin;
    // Unaligned little-endian loads; every load below reads within the input (positions ≤ limit + 3).
    const view = new DataView(input.buffer, input.byteOffset, end);
    let ip = 1;
    let nextHash = Math.imul(view.getInt32(ip, true), 0x1e35a7bd) >>> shift;
    for (;;) {
      // Look for a 4-byte match, stepping further the longer none is found (1 + lookups / 32 bytes).
      let skip = 32;
      let nextIp = ip;
      let candidate = 0;
      do {
        ip = nextIp;
        const hash = nextHash;
        nextIp = ip + (skip++ >>> 5);
        if (ip > limit) return nextEmit < end ? emitLiteral(input, nextEmit, end - nextEmit, out, op) : op;
        // nextIp may lie past the input: that hash is never used (the next turn stops first).
        nextHash = nextIp <= limit ? Math.imul(view.getInt32(nextIp, true), 0x1e35a7bd) >>> shift : 0;
        candidate = table[hash]!;
        table[hash] = ip;
      } while (ip - candidate > maxOffset || view.getInt32(ip, true) !== view.getInt32(candidate, true));
      op = emitLiteral(input, nextEmit, ip - nextEmit, out, op);
      // Emit copies while the byte after each one starts another match.
      let word = 0;
      do {
        const base = ip;
        let matched = 4;
        // Four bytes at a time, then byte by byte: the same length as a byte-by-byte scan.
        while (ip + matched + 4 <= end && view.getInt32(ip + matched, true) === view.getInt32(candidate + matched, true)) matched += 4;
        while (ip + matched < end && input[ip + matched] === input[candidate + matched]) matched++;
        ip += matched;
        op = emitCopy(base - candidate, matched, out, op);
        nextEmit = ip;
        if (ip >= limit) return nextEmit < end ? emitLiteral(input, nextEmit, end - nextEmit, out, op) : op;
        table[Math.imul(view.getInt32(ip - 1, true), 0x1e35a7bd) >>> shift] = ip - 1;
        word = view.getInt32(ip, true);
        const hash = Math.imul(word, 0x1e35a7bd) >>> shift;
        candidate = table[hash]!;
        table[hash] = ip;
      } while (ip - candidate <= maxOffset && word === view.getInt32(candidate, true));
      ip++;
      nextHash = Math.imul(view.getInt32(ip, true), 0x1e35a7bd) >>> shift;
    }
  }
  return nextEmit < end ? emitLiteral(input, nextEmit, end - nextEmit, out, op) : op;
}
