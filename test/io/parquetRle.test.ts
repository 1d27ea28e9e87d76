import fc from 'fast-check';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { describe, expect, it } from 'vitest';
import { rleBitPackedHybrid } from '../../src/io/formats/parquetRle.js';

/** hyparquet-writer's encoding of the same values (the bytes seqsim's files are compared with). */
function reference(values: Int32Array, bitWidth: number): Uint8Array {
  const w = new ByteWriter();
  writeRleBitPackedHybrid(w, values, bitWidth);
  return w.getBytes();
}

/** Values below 2^bitWidth in runs (long and short) and scattered, as dictionary indexes and levels come. */
const runs = (bitWidth: number) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 2 ** bitWidth - 1 }), fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 300 }))), { maxLength: 60 })
    .map((pieces) => Int32Array.from(pieces.flatMap(([v, n]) => Array.from({ length: n }, () => v))));

describe('the RLE / bit-packed hybrid as hyparquet-writer encodes it', () => {
  it.each([0, 1, 2, 3, 7, 8, 9, 13, 16, 17, 24])('bit width %i: the same bytes for runs and scattered values, ending anywhere in a group', (bitWidth) => {
    fc.assert(
      fc.property(runs(Math.min(bitWidth, 30)), fc.integer({ min: 0, max: 8 }), (values, prefix) => {
        const ours = rleBitPackedHybrid(values, values.length, bitWidth, prefix);
        expect(Buffer.from(ours.subarray(prefix)).equals(Buffer.from(reference(values, bitWidth)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('reads only the first count values', () => {
    const values = Int32Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
    expect(Buffer.from(rleBitPackedHybrid(values, 9, 2)).equals(Buffer.from(reference(values.subarray(0, 9), 2)))).toBe(true);
  });
});
