/**
 * Parquet's RLE / bit-packed hybrid encoding, making exactly the bytes of hyparquet-writer's
 * `writeRleBitPackedHybrid` (so files stay byte-identical) into one preallocated array instead of a
 * growing `ByteWriter` written byte by byte. Its choices, kept: from each position, a run of 8 or
 * more equal values is one RLE run; otherwise the next 8 values (whatever they hold) join a pending
 * bit-packed stretch, whose last group is padded with zeros past the end.
 * Format: https://parquet.apache.org/docs/file-format/data-pages/encodings/#run-length-encoding--bit-packing-hybrid-rle--3
 */

/** Writes `v` (≥ 0, < 2^31) as an unsigned LEB128 varint at `op`; returns the new position. */
function varint(out: Uint8Array, op: number, v: number): number {
  while (v > 0x7f) {
    out[op++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[op++] = v;
  return op;
}

/** Upper bound of the encoded size of `count` values of `bitWidth` bits. */
const maxEncodedLength = (count: number, bitWidth: number): number => Math.ceil(count / 8) * (bitWidth + 10) + 16;

/**
 * `values[0 … count − 1]` (non-negative integers below 2^bitWidth, bitWidth ≤ 32) encoded, after
 * `prefix` bytes left free at the start for the caller; the returned array holds prefix and encoding.
 */
export function rleBitPackedHybrid(values: ArrayLike<number>, count: number, bitWidth: number, prefix = 0): Uint8Array {
  const out = new Uint8Array(prefix + maxEncodedLength(count, bitWidth));
  let op = prefix;
  let groups = 0;
  let start = 0;
  let i = 0;
  while (i < count) {
    const first = values[i]!;
    let run = 1;
    while (i + run < count && values[i + run] === first) run++;
    if (run >= 8) {
      if (groups > 0) op = bitPacked(values, count, start, groups, bitWidth, out, op);
      groups = 0;
      op = varint(out, op, run << 1);
      for (let j = 0, width = (bitWidth + 7) >> 3; j < width; j++) out[op++] = (first >> (j << 3)) & 0xff;
      i += run;
    } else {
      if (groups === 0) start = i;
      groups++;
      i += 8;
    }
  }
  if (groups > 0) op = bitPacked(values, count, start, groups, bitWidth, out, op);
  return out.subarray(0, op);
}

/** `groups` groups of 8 values from `start`, bit-packed (first value in the lowest bits), zeros past `count`. */
function bitPacked(values: ArrayLike<number>, count: number, start: number, groups: number, bitWidth: number, out: Uint8Array, op: number): number {
  op = varint(out, op, (groups << 1) | 1);
  if (bitWidth === 0) return op;
  const mask = (1 << bitWidth) - 1;
  let buffer = 0;
  let bits = 0;
  for (let idx = start, end = start + groups * 8; idx < end; idx++) {
    const v = idx < count ? values[idx]! & mask : 0;
    buffer |= v << bits;
    bits += bitWidth;
    while (bits >= 8) {
      out[op++] = buffer & 0xff;
      buffer >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out[op++] = buffer & 0xff;
  return op;
}

/**
 * `count` (≥ 8) copies of `value` encoded as {@link rleBitPackedHybrid} would encode them (one RLE
 * run: the length, then the value in ⌈bitWidth / 8⌉ bytes), without reading `count` values.
 */
export function rleRun(count: number, value: number, bitWidth: number, prefix = 0): Uint8Array {
  if (count < 8) throw new RangeError(`rleRun: a run of ${count} values is bit-packed, not one RLE run`);
  const out = new Uint8Array(prefix + 10);
  let op = varint(out, prefix, count * 2);
  for (let j = 0, width = (bitWidth + 7) >> 3; j < width; j++) out[op++] = (value >> (j << 3)) & 0xff;
  return out.subarray(0, op);
}
