import { approximate, fraction, writeDigits } from './shortestDigits.js';

/*
 * `String(x)` of a double in [1e-22, 2^53), written as bytes without calling into the runtime:
 * the shortest decimal that reads back as x, the closest to x if several (ties to an even last
 * digit), as ECMAScript's Number::toString (§ 6.1.6.1.20) and V8 render it. On the CSV writer's
 * real numbers (~16–17 digits each) it takes ~70–75 ns a number on the loaded 2-core machine
 * (session 33; ~87–90 before, about a batched `JSON.stringify`'s time, and ~½ of `String(x)`), and
 * writes straight into the line's bytes: no batch to collect, no string made or copied. What it
 * cannot settle it leaves to the caller (returns −1).
 *
 * Method (no BigInt): with n the decimal exponent (10^(n−1) ≤ |x| < 10^n) and k = 17 − n,
 * X = |x|·10^k lies in [10^16, 10^17) and is hi + lo, split into W = T·10^8 + R (integers) and a
 * fraction F. The half-gaps to the neighbouring doubles are scaled alike. The integers in the
 * rounding interval [X − gapBelow, X + gapAbove] (ends included when x's significand is even:
 * round-half-even reads them back as x) are W + a0 … W + b0, and the shortest output is the
 * multiple of the largest 10^j among them (shortestDigits.ts).
 * - |x| ≥ 1e-4 (k ≤ 21): everything is exact. 10^k is a double, Dekker's two-product gives
 *   X = hi + lo exactly, and F and F ± gap need at most 53 bits.
 * - 1e-22 ≤ |x| < 1e-4 (k ≤ 38): X (past k = 22 as |x|·5^22·5^(k−22)·2^k) and F ± gap to
 *   about 2^-45; a decision within `approximate` of a boundary gives up (a tie, an interval end).
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** The fast path reads a double's words as [low, high]: little-endian only (else always −1). */
const littleEndian = ((f64[0] = 1), u32[1] === 0x3ff00000);

const splitter = 134217729; // 2^27 + 1: Dekker's split into 26 high bits and the rest
const highOf = (p: number) => splitter * p - (splitter * p - p);
/** 10^k and 5^k, exact for k ≤ 22, with their Dekker splits (tabled: a call to `highOf` per number was not always inlined). */
const pow10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const pow10High = pow10.map(highOf);
const pow10Low = pow10.map((p, k) => p - pow10High[k]!);
const pow5 = Array.from({ length: 23 }, (_, k) => 5 ** k);
const pow5High = pow5.map(highOf);
const pow5Low = pow5.map((p, k) => p - pow5High[k]!);
/** 2^(i − 128): the scaled half-ulps (2^-104 … 2^-1) and the scales 2^k. */
const pow2 = Array.from({ length: 200 }, (_, i) => 2 ** (i - 128));

/**
 * Per binary exponent e2 (−75 … 52, at e2 + 75): floor(e2·log10 2) + 1, the decimal exponent of
 * 2^e2, and 10 to that power, the bound past which [2^e2, 2^(e2+1)) has one digit more. Tabled so
 * that both come from e2 by loads, not from a product, a floor and a load that waits on them.
 */
const exponentOf = Int32Array.from({ length: 128 }, (_, i) => Math.floor((i - 75) * 0.3010299956639812) + 1);
const nextDecade = Float64Array.from(exponentOf, (n) => 10 ** n);

/**
 * n with 10^(n−1) ≤ a < 10^n for `a` in [2^e2, 2^(e2+1)), −75 ≤ e2 ≤ 52: floor(e2·log10 2) + 1 or
 * one more. The comparison is with a rounded power for n < 0; a wrong n is caught by the range check on X.
 */
function decimalExponent(a: number, e2: number): number {
  const n = exponentOf[e2 + 75]!;
  return a >= nextDecade[e2 + 75]! ? n + 1 : n;
}

/** True for the numbers {@link writeShortest} takes: 1e-22 ≤ |x| < 2^53 (false for NaN). */
export const isShortestRange = (x: number): boolean => (x < 0 ? -x >= 1e-22 && -x < 9007199254740992 : x >= 1e-22 && x < 9007199254740992);

/**
 * X as hi + lo, set by {@link scale}: a typed array, not module `let`s, since a double stored in a
 * module variable is boxed (a heap number allocated per store), and one stored in a Float64Array is not.
 */
const scaled = new Float64Array(2);

/** Sets X = a·10^k as hi + lo: exact for k ≤ 22 (Dekker's two-product), else to ~2^-47 through 5^22·5^(k−22). */
function scale(a: number, k: number): void {
  const t = splitter * a;
  const ah = t - (t - a);
  const al = a - ah;
  if (k <= 22) {
    const hi = a * pow10[k]!;
    scaled[0] = hi;
    scaled[1] = ah * pow10High[k]! - hi + ah * pow10Low[k]! + al * pow10High[k]! + al * pow10Low[k]!;
    return;
  }
  // (a·5^22)·5^(k−22)·2^k: two exact products, the second's low part rounded once (error ~2^-53 of ≤ 16).
  const h1 = a * pow5[22]!;
  const l1 = ah * pow5High[22]! - h1 + ah * pow5Low[22]! + al * pow5High[22]! + al * pow5Low[22]!;
  const q = pow5[k - 22]!;
  const h2 = h1 * q;
  const t2 = splitter * h1;
  const hh = t2 - (t2 - h1);
  const hl = h1 - hh;
  const qh = pow5High[k - 22]!;
  const ql = pow5Low[k - 22]!;
  const l2 = hh * qh - h2 + hh * ql + hl * qh + hl * ql;
  const p2 = pow2[k + 128]!;
  scaled[0] = h2 * p2;
  scaled[1] = (l2 + l1 * q) * p2;
}

/**
 * Writes `x` as `String(x)` does into `buf` at `pos` (at most 25 bytes, which may all be written);
 * returns the end, or −1 when `x` is out of range (see {@link isShortestRange}) or not settled
 * (from 1e-4 up: a rounding interval without an integer, none known; below, a decision too close to call).
 */
export function writeShortest(x: number, buf: Uint8Array, pos: number): number {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-22 && a < 9007199254740992) || !littleEndian) return -1;
  f64[0] = a;
  const high = u32[1]!;
  const e2 = (high >>> 20) - 1023; // a is normal: its binary exponent
  const n = decimalExponent(a, e2);
  const k = 17 - n;
  const tol = a >= 1e-4 ? 0 : approximate;
  scale(a, k);
  const hi = scaled[0]!;
  const lo = scaled[1]!;
  if (!(hi > 1e16 || (hi === 1e16 && lo >= 0)) || !(hi < 1e17)) return -1;
  // W = T·10^8 + R, F = X − W in [0, 1).
  // T by a product, not a division (a long latency); off by one only when hi is within ~20 of a multiple of
  // 10^8, and then r is within ~20 of 0 or 10^8, which the correction of R below absorbs.
  let T = Math.floor(hi * 1e-8);
  const r = hi - T * 1e8; // T·10^8 = (T·5^8)·2^8 is exact, and so is the difference of these integers
  const loFloor = Math.floor(lo);
  let R = r + loFloor;
  const F = lo - loFloor;
  if (R < 0) {
    R += 1e8;
    T -= 1;
  } else if (R >= 1e8) {
    R -= 1e8;
    T += 1;
  }
  // Half the gaps to the neighbouring doubles, times 10^k = 5^k·2^k; the one below is half as wide at a power of two.
  const gapAbove = k <= 22 ? pow2[e2 - 53 + 128]! * pow10[k]! : pow2[e2 - 53 + k + 128]! * pow5[22]! * pow5[k - 22]!;
  const gapBelow = (high & 0xfffff) === 0 && u32[0] === 0 ? gapAbove / 2 : gapAbove;
  const even = (u32[0]! & 1) === 0;
  const top = F + gapAbove;
  const bottom = F - gapBelow;
  let b0 = Math.floor(top);
  let a0 = Math.ceil(bottom);
  if (tol > 0) {
    if (top - b0 < tol || b0 + 1 - top < tol || a0 - bottom < tol || bottom - (a0 - 1) < tol) return -1;
  } else {
    if (b0 === top && !even) b0--;
    if (a0 === bottom && !even) a0++;
  }
  if (a0 > b0) return -1;
  fraction[0] = F;
  return writeDigits(x < 0, T, R, a0 | 0, b0 | 0, n, tol === 0, buf, pos); // | 0: −0 would be a heap number
}
