import fc from 'fast-check';
import { snappyCompress as referenceCompress } from 'hyparquet-writer/src/snappy.js';
import { snappyUncompress } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { SnappyStream, snappyCompress } from '../../src/io/formats/parquetSnappy.js';
import { mulberry32 as generator } from '../engine/mulberry32.js';

/*
 * seqsim's snappy compressor must give exactly hyparquet-writer's bytes (Parquet files are compared
 * byte for byte with the files hyparquet-writer made), for the whole input at once and for an input
 * compressed as it grows (SnappyStream), wherever it is cut.
 */

/**
 * Bytes like a page body's: pieces of random bytes from a small or full alphabet, runs of one byte,
 * copies of earlier bytes from near and far (past the 65,535-byte reach of a copy), and doubles.
 */
function pageLike(seed: number, size: number): Uint8Array {
  const rnd = generator(seed);
  const out = new Uint8Array(size);
  const doubles = new Float64Array(1);
  const doubleBytes = new Uint8Array(doubles.buffer);
  for (let at = 0; at < size; ) {
    const kind = Math.floor(rnd() * 5);
    const len = Math.min(size - at, 1 + Math.floor(rnd() ** 2 * 300));
    if (kind === 0) for (let i = 0; i < len; i++) out[at + i] = Math.floor(rnd() * 256);
    else if (kind === 1) out.fill(Math.floor(rnd() * 4), at, at + len);
    else if (kind === 2 && at > 0) {
      const from = Math.max(0, at - 1 - Math.floor(rnd() * Math.min(at, rnd() < 0.2 ? 100_000 : 2000)));
      for (let i = 0; i < len; i++) out[at + i] = out[from + i]!;
    } else
      for (let i = 0; i + 8 <= len; i += 8) {
        doubles[0] = 1900 + Math.floor(rnd() * 64) / 16;
        out.set(doubleBytes, at + i);
      }
    at += len;
  }
  return out;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

describe('snappy compression as hyparquet-writer compresses', () => {
  it('gives hyparquet-writer’s bytes, which decompress to the input, for inputs of 0 to 200,000 bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 200_000 }), (seed, size) => {
        const input = pageLike(seed, size);
        const ours = snappyCompress(input);
        expect(same(ours, referenceCompress(input))).toBe(true);
        const back = new Uint8Array(size);
        snappyUncompress(ours, back);
        expect(same(back, input)).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it.each([0, 1, 14, 15, 16, 100, 16_383, 16_384])('gives hyparquet-writer’s bytes for %i bytes of one value and of random bytes', (size) => {
    const rnd = generator(size);
    for (const input of [new Uint8Array(size).fill(7), Uint8Array.from({ length: size }, () => Math.floor(rnd() * 256))])
      expect(same(snappyCompress(input), referenceCompress(input))).toBe(true);
  });

  it('compressed as the input grows (SnappyStream, cut anywhere, from a byte to 40 KB at a time), the same bytes as at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 150_000 }), (seed, size) => {
        const input = pageLike(seed, size);
        const rnd = generator(seed ^ 0x5bd1e995);
        const stream = new SnappyStream(size);
        for (let at = 0; at < size; ) {
          at = Math.min(size, at + 1 + Math.floor(rnd() ** 3 * 40_000));
          // The stream sees only the bytes given so far: the rest of the array still holds zeros.
          const partial = new Uint8Array(size);
          partial.set(input.subarray(0, at));
          if (at < size) stream.advance(partial, at);
          else expect(same(stream.finish(input, size), referenceCompress(input))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a stream reset after one input compresses the next as a new stream would (its table emptied, its array reused)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: 0, max: 80_000 }), (seed, first, second) => {
        const stream = new SnappyStream(80_000);
        const a = pageLike(seed, first);
        stream.advance(a, first >> 1);
        stream.finish(a, first);
        stream.reset();
        const b = pageLike(seed + 1, second);
        stream.advance(b, second >> 1);
        expect(same(stream.finish(b, second), referenceCompress(b))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
