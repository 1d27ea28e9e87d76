/*
 * `String(x)` of a double in [1e-4, 2^53), written as bytes without calling into the runtime:
 * the shortest decimal that reads back as x, the closest to x if several (ties to an even last
 * digit), as ECMAScript's Number::toString (§ 6.1.6.1.20) and V8 render it. On the CSV writer's
 * real numbers (~16–17 digits each) `String(x)` costs ~150 ns and a batched `JSON.stringify` ~100;
 * this ~40. Anything it cannot settle exactly it leaves to the caller (returns −1).
 *
 * Method (exact arithmetic in doubles, no BigInt): with n the decimal exponent (10^(n−1) ≤ |x| <
 * 10^n) and k = 17 − n ≤ 21, X = |x|·10^k lies in [10^16, 10^17) and equals hi + lo exactly
 * (Dekker's product: 10^k is a double for k ≤ 22). X is split into W = T·10^8 + R (integers) and a
 * fraction F; the half-gaps to the neighbouring doubles, scaled alike, are exact doubles too. The
 * integers in the rounding interval [X − gapBelow, X + gapAbove] (ends included when x's
 * significand is even: round-half-even reads them back as x) are W + a0 … W + b0; the shortest
 * output is the multiple of the largest 10^j among them.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** The fast path reads a double's words as [low, high]: little-endian only (else always −1). */
const littleEndian = ((f64[0] = 1), u32[1] === 0x3ff00000);

/** 10^k, exact for k ≤ 22, and its Dekker split (high 26 bits and the rest). */
const pow10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const splitter = 134217729; // 2^27 + 1
const pow10High = pow10.map((p) => splitter * p - (splitter * p - p));
const pow10Low = pow10.map((p, k) => p - pow10High[k]!);
/** 2^(i − 80): the scaled half-ulps' powers of two. */
const pow2 = Array.from({ length: 160 }, (_, i) => 2 ** (i - 80));

/** 10^(i − 8) as doubles, for the decimal exponent's estimate (the negative powers are rounded). */
const decades = Array.from({ length: 32 }, (_, i) => 10 ** (i - 8));

/**
 * n with 10^(n−1) ≤ a < 10^n for `a` in [2^e2, 2^(e2+1)), e2 ≥ −14: floor(e2·log10 2) + 1 or one
 * more. The comparison is with a rounded power for n < 0; a wrong n is caught by the range check on X.
 */
function decimalExponent(a: number, e2: number): number {
  const n = Math.floor(e2 * 0.3010299956639812) + 1;
  return a >= decades[n + 8]! ? n + 1 : n;
}

/** True for the numbers {@link writeShortest} takes: 1e-4 ≤ |x| < 2^53 (false for NaN). */
export const isShortestRange = (x: number): boolean => (x < 0 ? -x >= 1e-4 && -x < 9007199254740992 : x >= 1e-4 && x < 9007199254740992);

/**
 * Writes `x` as `String(x)` does into `buf` at `pos` (at most 23 bytes, which may all be written);
 * returns the end, or −1 when `x` is out of range (see {@link isShortestRange}) or not settled
 * exactly (a rounding interval without an integer; none known): then use `String`.
 */
export function writeShortest(x: number, buf: Uint8Array, pos: number): number {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-4 && a < 9007199254740992) || !littleEndian) return -1;
  f64[0] = a;
  const high = u32[1]!;
  const e2 = (high >>> 20) - 1023; // a is normal: its binary exponent
  let n = decimalExponent(a, e2);
  const k = 17 - n;
  if (k < 1 || k > 21) return -1;
  // X = a·10^k = hi + lo exactly (Dekker's two-product).
  const p = pow10[k]!;
  const hi = a * p;
  const t = splitter * a;
  const ah = t - (t - a);
  const al = a - ah;
  const ph = pow10High[k]!;
  const pl = pow10Low[k]!;
  const lo = ah * ph - hi + ah * pl + al * ph + al * pl;
  if (!(hi > 1e16 || (hi === 1e16 && lo >= 0)) || !(hi < 1e17)) return -1;
  // W = T·10^8 + R, F = X − W in [0, 1): all exact.
  let T = Math.floor(hi / 1e8);
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
  // Half the gaps to the neighbouring doubles, times 10^k; the one below is half as wide at a power of two.
  const gapAbove = pow2[e2 - 53 + 80]! * p;
  const gapBelow = (high & 0xfffff) === 0 && u32[0] === 0 ? gapAbove / 2 : gapAbove;
  const even = (u32[0]! & 1) === 0;
  const top = F + gapAbove;
  const bottom = F - gapBelow;
  let b0 = Math.floor(top);
  if (b0 === top && !even) b0--;
  let a0 = Math.ceil(bottom);
  if (a0 === bottom && !even) a0++;
  if (a0 > b0) return -1;
  return writeDigits(x < 0, T, R, F, a0, b0, n, buf, pos);
}

/**
 * Picks the shortest candidate among W + a0 … W + b0 (W = T·10^8 + R; X = W + F) and writes it
 * with sign and decimal point for decimal exponent `n`. T, R and the offsets are small integers:
 * int32 arithmetic throughout (a double `%` is a call to fmod).
 */
function writeDigits(negative: boolean, T: number, R: number, F: number, a0: number, b0: number, n: number, buf: Uint8Array, pos: number): number {
  const span = (b0 - a0) | 0;
  // W + b0 = Tv·10^8 + v: the largest multiple of 10^j at most W + b0 is at offset b0 − (W + b0) mod 10^j.
  let v = (R + b0) | 0;
  let Tv = T | 0;
  if (v >= 100000000) {
    v = (v - 100000000) | 0;
    Tv = (Tv + 1) | 0;
  } else if (v < 0) {
    v = (v + 100000000) | 0;
    Tv = (Tv - 1) | 0;
  }
  let j = 0;
  let pj = 1;
  while (j < 8 && v % (pj * 10) <= span) {
    j++;
    pj *= 10;
  }
  let rem = v % pj;
  if (j === 8) {
    rem = v;
    for (let q = Tv; q % 10 === 0 && j < 17; q = (q / 10) | 0) j++;
  }
  let off = (b0 - rem) | 0;
  // Several multiples in range only when 10^j ≤ span (j ≤ 1): the closest to X, ties to even.
  while (off - pj >= a0) {
    const above = off - F;
    const below = F - (off - pj);
    if (above < below) break;
    if (above === below && (((R + off) / pj) & 1) === 0) break;
    off = (off - pj) | 0;
  }
  let d = (R + off) | 0;
  let Td = T | 0;
  if (d >= 100000000) {
    d = (d - 100000000) | 0;
    Td = (Td + 1) | 0;
  } else if (d < 0) {
    d = (d + 100000000) | 0;
    Td = (Td - 1) | 0;
  }
  if (negative) buf[pos++] = 45; // '-'
  if (Td >= 1000000000) return placeDigits(100000000, 0, 1, n + 1, buf, pos); // 10^17: the digit 1, a decimal place higher
  return placeDigits(Td, d, 17 - j, n, buf, pos);
}

/** Two ASCII digits per value 0 … 99. */
const pairs = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor(i / 20)));

/** Writes the 17 digits of T·10^8 + d (T of 9 digits, d < 10^8) at `at`; returns `at`. */
function write17(T: number, d: number, buf: Uint8Array, at: number): number {
  for (let i = at + 15; i > at + 8; i -= 2) {
    const q = (d / 100) | 0;
    const r = (d - q * 100) << 1;
    buf[i] = pairs[r]!;
    buf[i + 1] = pairs[r + 1]!;
    d = q;
  }
  for (let i = at + 7; i > at; i -= 2) {
    const q = (T / 100) | 0;
    const r = (T - q * 100) << 1;
    buf[i] = pairs[r]!;
    buf[i + 1] = pairs[r + 1]!;
    T = q;
  }
  buf[at] = 48 + T;
  return at;
}

/**
 * Writes the first `count` of the 17 digits of T·10^8 + d (the rest are zeros) as the number
 * 0.d₁d₂… × 10^n at `pos`, for −6 < n ≤ 21 (the forms of Number::toString without an exponent);
 * returns the end. All 17 digits are written, where they land for the form; those past `count` are
 * left as garbage after the end.
 */
function placeDigits(T: number, d: number, count: number, n: number, buf: Uint8Array, pos: number): number {
  if (n <= 0) {
    // 0.000ddd
    buf[pos] = 48; // '0'
    buf[pos + 1] = 46; // '.'
    for (let i = 0; i < -n; i++) buf[pos + 2 + i] = 48;
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
