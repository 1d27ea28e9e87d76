/*
 * The digits half of shortestDouble.ts: given the integers W + a0 … W + b0 in a double's rounding
 * interval (W = T·10^8 + R, the double scaled to 17 digits being X = W + F), picks the one with
 * the most trailing zeros, the closest to X among those, and writes it as Number::toString does.
 * For the common 16- and 17-digit results the choice is closed-form (the integer or multiple of 10
 * nearest X, moved into the interval), and the 17 digits are stored four at a time (32-bit words
 * through a DataView of the buffer) rather than byte by byte.
 */

import { viewOf } from './byteView.js';

/**
 * F, the scaled double's fraction (X = W + F, 0 ≤ F < 1), for {@link writeDigits}: passed through a
 * typed array because a double argument of a call that is not inlined is boxed (a heap number per call).
 */
export const fraction = new Float64Array(1);

/** How far F (and F ± gap) may be from the truth on shortestDouble.ts's approximate path (below 1e-4; errors are below 2^-45). */
export const approximate = 2 ** -32;

/**
 * Picks the shortest candidate among W + a0 … W + b0 (W = T·10^8 + R; X = W + F, F in
 * {@link fraction}) and writes it with sign and decimal point for decimal exponent `n`; returns the
 * end. When F is not `exact` (known to within 2^-32), a choice between two candidates as close as
 * that gives up (returns −1). T, R and the offsets are small integers: int32 arithmetic throughout
 * (a double `%` is a call to fmod; the divisors are constants where the path is hot).
 */
export function writeDigits(negative: boolean, T: number, R: number, a0: number, b0: number, n: number, exact: boolean, buf: Uint8Array, pos: number): number {
  const span = (b0 - a0) | 0;
  // W + b0 = Tv·10^8 + v: the largest multiple of 10^j at most W + b0 is at offset b0 − (W + b0) mod 10^j.
  const cv = carry((R + b0) | 0);
  const v = (R + b0 - cv * 100000000) | 0;
  const j = v % 10 > span ? 0 : trailingZeros(v, (T + cv) | 0, span);
  let off: number;
  if (j <= 1) {
    // 10^j ≤ span is possible: the multiples just below and above X (offsets lower ≤ 0 < upper), the closer one in range.
    const pj = j === 0 ? 1 : 10;
    const lower = j === 0 ? 0 : -(R % 10);
    const upper = lower + pj;
    const F = fraction[0]!;
    const side = 2 * F - (2 * lower + pj); // its sign is exact (a difference is 0 only of equal doubles)
    if (lower < a0) off = upper;
    else if (upper > b0) off = lower;
    else if (!exact && (side < 0 ? -side : side) <= approximate) return -1;
    else off = side < 0 ? lower : side > 0 ? upper : (((R + upper) / pj) & 1) === 0 ? upper : lower; // a tie: the even one
  } else off = (b0 - (j < 8 ? v % pow10Int[j]! : v)) | 0; // 10^j > span: the only multiple in range
  const cd = carry((R + off) | 0);
  const d = (R + off - cd * 100000000) | 0;
  const Td = (T + cd) | 0;
  if (negative) buf[pos++] = 45; // '-'
  if (Td >= 1000000000) return placeDigits(100000000, 0, 1, n + 1, buf, pos); // 10^17: the digit 1, a decimal place higher
  return placeDigits(Td, d, 17 - j, n, buf, pos);
}

/** 10^j as int32 for j ≤ 8. */
const pow10Int = Int32Array.from({ length: 9 }, (_, j) => 10 ** j);

/**
 * The largest j ≥ 1 (≤ 17) with a multiple of 10^j among the candidates, given one of 10 (v mod 10 ≤ span):
 * v mod 10^j ≤ span below 10^8 (each `%` by a constant, a multiplication), then Tv's trailing zeros.
 */
function trailingZeros(v: number, Tv: number, span: number): number {
  if (v % 100 > span) return 1;
  if (v % 1000 > span) return 2;
  if (v % 10000 > span) return 3;
  if (v % 100000 > span) return 4;
  if (v % 1000000 > span) return 5;
  if (v % 10000000 > span) return 6;
  if (v > span) return 7; // v < 10^8
  let j = 8;
  for (let q = Tv; q % 10 === 0 && j < 17; q = (q / 10) | 0) j++;
  return j;
}

/** What a low part R + offset (−10^8 < x < 2·10^8) carries into T: +1 at 10^8 or more, −1 below 0. */
function carry(x: number): number {
  return x >= 100000000 ? 1 : x < 0 ? -1 : 0;
}

/** Two ASCII digits per value 0 … 99 as a little-endian 16-bit word (the tens digit first in memory). */
const pairs = Uint16Array.from({ length: 100 }, (_, i) => (48 + Math.floor(i / 10)) | ((48 + (i % 10)) << 8));

/** Four ASCII digits of y < 10^4 as a little-endian 32-bit word. */
const fourDigits = (y: number): number => {
  const h = (y / 100) | 0;
  return pairs[h]! | (pairs[y - h * 100]! << 16);
};

/** "0.00" and "0000" as little-endian words. */
const zeroPoint = 0x30302e30;
const zeros = 0x30303030;

/** Writes the 17 digits of T·10^8 + d (T of 9 digits, d < 10^8) at `at`, four at a time; returns `at`. */
function write17(T: number, d: number, buf: Uint8Array, at: number): number {
  const to = viewOf(buf);
  const t0 = (T / 100000000) | 0;
  const t = T - t0 * 100000000;
  const t1 = (t / 10000) | 0;
  const d1 = (d / 10000) | 0;
  buf[at] = 48 + t0;
  to.setUint32(at + 1, fourDigits(t1), true);
  to.setUint32(at + 5, fourDigits(t - t1 * 10000), true);
  to.setUint32(at + 9, fourDigits(d1), true);
  to.setUint32(at + 13, fourDigits(d - d1 * 10000), true);
  return at;
}

/**
 * Writes the first `count` of the 17 digits of T·10^8 + d (the rest are zeros) as the number
 * 0.d₁d₂… × 10^n at `pos`, in Number::toString's form for n ≤ 21; returns the end. All 17 digits
 * are written, where they land for the form; those past `count` are left as garbage after the end.
 */
function placeDigits(T: number, d: number, count: number, n: number, buf: Uint8Array, pos: number): number {
  if (n <= -6) return placeExponent(T, d, count, n, buf, pos);
  if (n <= 0) {
    // 0.000ddd: "0.000000" in two word stores (bytes 0 … 7; n ≥ −5), the digits over the zeros past −n.
    const to = viewOf(buf);
    to.setUint32(pos, zeroPoint, true);
    to.setUint32(pos + 4, zeros, true);
    write17(T, d, buf, pos + 2 - n);
    return pos + 2 - n + count;
  }
  // ddd.ddd: the digits one place right, then the integer part back left and the point after it.
  write17(T, d, buf, pos + 1);
  for (let i = 0; i < n; i++) buf[pos + i] = buf[pos + 1 + i]!;
  if (count <= n) return pos + n; // an integer: its zeros are digits count … n − 1
  buf[pos + n] = 46; // '.'
  return pos + count + 1;
}

/** d.ddde-N, the form of Number::toString for n ≤ −6 (N = 1 − n, 7 … 22 for the formatter's range). */
function placeExponent(T: number, d: number, count: number, n: number, buf: Uint8Array, pos: number): number {
  write17(T, d, buf, pos + 1);
  buf[pos] = buf[pos + 1]!;
  let end = pos + 1;
  if (count > 1) {
    buf[pos + 1] = 46; // '.'
    end = pos + count + 1;
  }
  buf[end++] = 101; // 'e'
  buf[end++] = 45; // '-'
  const e = 1 - n;
  if (e >= 10) buf[end++] = 48 + ((e / 10) | 0);
  buf[end++] = 48 + (e % 10);
  return end;
}
