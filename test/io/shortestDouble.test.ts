import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInteger } from '../../src/io/formats/lineBytes.js';
import { isShortestRange, writeShortest } from '../../src/io/formats/shortestDouble.js';

const buf = Buffer.alloc(64);

/** What `writeShortest` writes for `x` (checking it stays within 25 bytes), or null when it leaves `x` to `String`. */
function shortest(x: number): string | null {
  buf.fill(0xee);
  const end = writeShortest(x, buf, 8);
  if (end < 0) return null;
  expect(buf.subarray(8 + 25).every((b) => b === 0xee)).toBe(true);
  return buf.toString('latin1', 8, end);
}

/** Where the formatter is exact and never gives up: 1e-4 ≤ |x| < 2^53. */
const exactRange = (x: number) => Math.abs(x) >= 1e-4 && Math.abs(x) < 2 ** 53;

/** The double with bit pattern `high`·2^32 + `low`. */
function fromBits(high: number, low: number): number {
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  u[0] = low;
  u[1] = high;
  return f[0]!;
}

/** Any bit pattern; and patterns with the binary exponents of [1e-22, 2^53) (the formatter's range), either sign. */
const anyBits = fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff })).map(([h, l]) => fromBits(h, l));
const inRangeBits = fc
  .tuple(fc.integer({ min: -74, max: 52 }), fc.nat({ max: 0xfffff }), fc.nat({ max: 0xffffffff }), fc.boolean())
  .map(([e, m, l, neg]) => fromBits(((e + 1023) << 20) | m | (neg ? 0x80000000 : 0), l));
/** Short decimals (few significant digits, where several shortest candidates and ties arise) and their neighbouring doubles. */
const shortDecimal = fc
  .tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: -2, max: 2 }))
  .map(([m, k, ulps]) => {
    const x = m / 10 ** k;
    return ulps === 0 || x === 0 ? x : x + ulps * Number.EPSILON * Math.abs(x);
  });

describe('shortest round-trip doubles without the runtime (shortestDouble.ts)', () => {
  it('writes exactly String(x) for every double it takes, and from 1e-4 up takes every double', () => {
    const numbers = fc.oneof(anyBits, inRangeBits, shortDecimal, fc.double(), fc.double({ min: 1e-4, max: 2 ** 53 }));
    fc.assert(
      fc.property(numbers, (x) => {
        const s = shortest(x);
        if (s !== null) expect(s).toBe(String(x));
        else expect(exactRange(x)).toBe(false); // from 1e-4 up, no double is known to be given up on
      }),
      { numRuns: 200_000 },
    );
  });

  it('writes powers of ten and two, their neighbours and the range ends as String does', () => {
    const edges: number[] = [1e-4, 1.0000000000000001e-4, 9.999999999999999e-5, 2 ** 53 - 0.5, 2 ** 52 + 0.5, 4503599627370495.5, 0.1 + 0.2, 1 / 3, 2 / 3, 5e-324, 1e21, 1e-7, -0, 0];
    for (let e = -22; e <= 15; e++) edges.push(10 ** e, -(10 ** e), 1.5 * 10 ** e);
    for (let e = -74; e <= 52; e++) edges.push(2 ** e, -(2 ** e), 2 ** e * (1 + Number.EPSILON), 2 ** e * (1 - Number.EPSILON / 2), 3 * 2 ** e);
    for (const x of [...edges]) {
      const f = new Float64Array([x]);
      const u = new Uint32Array(f.buffer);
      u[0] = (u[0]! + 1) >>> 0;
      edges.push(f[0]!);
      u[0] = (u[0] - 2) >>> 0;
      edges.push(f[0]!);
    }
    for (const x of edges) {
      const s = shortest(x);
      if (s !== null) expect(s).toBe(String(x));
      else expect(exactRange(x), `${x}`).toBe(false);
    }
  });

  it('leaves zero, NaN, ±Infinity, subnormals and numbers outside [1e-22, 2^53) to String', () => {
    for (const x of [0, -0, Number.NaN, Infinity, -Infinity, 5e-324, 2.2250738585072014e-308, 9.99e-23, -1e-23, 2 ** 53, 1e21, 1.7976931348623157e308]) {
      expect(shortest(x)).toBeNull();
      expect(isShortestRange(x)).toBe(false);
    }
    expect(shortest(0.5)).toBe('0.5');
    expect(shortest(-2000.0579078799667)).toBe('-2000.0579078799667');
    expect(shortest(0.00022337056057055305)).toBe('0.00022337056057055305');
    expect(shortest(-9.094947017729282e-13)).toBe('-9.094947017729282e-13');
    expect(shortest(8.75e-8)).toBe('8.75e-8');
    expect(shortest(0.0000175)).toBe('0.0000175');
  });

  it('below 1e-4 (not exact there), gives up on fewer than 1 in 1,000 random doubles', () => {
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    let tried = 0;
    let givenUp = 0;
    while (tried < 100_000) {
      const x = fromBits(((((next() % 60) - 73 + 1023) << 20) | (next() & 0xfffff)) >>> 0, next());
      if (x < 1e-22 || x >= 1e-4) continue;
      tried++;
      const s = shortest(x);
      if (s === null) givenUp++;
      else expect(s).toBe(String(x));
    }
    expect(givenUp).toBeLessThan(100);
  });
});

describe('shortest doubles, seeded sweeps (every binary exponent of the range, both signs)', () => {
  /** A seeded 32-bit generator (LCG): the same cases every run. */
  function lcg(seed: number): () => number {
    let state = seed >>> 0;
    return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  }

  it('writes String(x) for 300,000 random doubles of [2^-73, 2^53), taking all of them from 1e-4 up', () => {
    const next = lcg(18);
    const mismatches: string[] = [];
    let tried = 0;
    let given = 0;
    while (tried < 300_000) {
      const e = (next() % 126) - 73; // binary exponents −73 … 52: [2^-73, 2^53) ⊂ [1e-22, 2^53)
      const x = fromBits((((e + 1023) << 20) | (next() & 0xfffff) | (next() & 1 ? 0x80000000 : 0)) >>> 0, next());
      tried++;
      const s = shortest(x);
      if (s === null) {
        given++;
        if (exactRange(x)) mismatches.push(`${x}: given up`);
      } else if (s !== String(x)) mismatches.push(`${x}: ${s}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(given).toBeLessThan(300); // only below 1e-4, and rarely
  });

  it('writes String(x) where the scaled 17 digits sit next to a multiple of 10^8 (T and R, the carry between them)', () => {
    const next = lcg(33);
    for (let i = 0; i < 100_000; i++) {
      const n = (next() % 22) - 4; // decimal exponents −4 … 17 (10^(n−1) ≤ |x| < 10^n), the exact range
      const high = 1e8 + (next() % 9e8); // the 9 leading digits
      const low = next() & 1 ? next() % 40 : 1e8 - 1 - (next() % 40); // within 40 of a multiple of 10^8
      const x = ((high * 1e8 + low) / 1e17) * 10 ** n;
      if (!exactRange(x)) continue;
      expect(shortest(x), `${x}`).toBe(String(x));
      const y = Number(`${high}${String(low).padStart(8, '0')}e${n - 17}`); // the decimal itself, correctly rounded
      if (exactRange(y)) expect(shortest(y), `${y}`).toBe(String(y));
    }
  });
});

describe('integers digit by digit (lineBytes.ts writeInteger)', () => {
  it('writes String(x) for integers below 2^53, on both sides of 2^31', () => {
    const ints = fc.oneof(fc.maxSafeInteger(), fc.integer(), fc.integer({ min: 2 ** 31 - 20, max: 2 ** 31 + 20 }), fc.integer({ min: -(2 ** 31) - 20, max: -(2 ** 31) + 20 }));
    fc.assert(
      fc.property(ints, (x) => void expect(buf.toString('latin1', 0, writeInteger(x, buf, 0))).toBe(String(x))),
      { numRuns: 20_000 },
    );
    for (const x of [0, -0, 9, 10, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1)]) expect(buf.toString('latin1', 0, writeInteger(x, buf, 0))).toBe(x === 0 ? '0' : String(x));
  });
});
