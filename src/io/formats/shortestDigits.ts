/*
 * The digits half of shortestDouble.ts: given the integers W + a0 … W + b0 in a double's rounding
 * interval (W = T·10^8 + R, the double scaled to 17 digits being X = W + F), picks the one with
 * the most trailing zeros, the closest to X among those, and writes it as Number::toString does.
 */

/**
 * Picks the shortest candidate among W + a0 … W + b0 (W = T·10^8 + R; X = W + F) and writes it
 * with sign and decimal point for decimal exponent `n`; returns the end. With `tol` > 0 (F known to
 * within `tol`), a choice between two candidates as close as that gives up (returns −1). T, R and
 * the offsets are small integers: int32 arithmetic throughout (a double `%` is a call to fmod).
 */
export function writeDigits(negative: boolean, T: number, R: number, F: number, a0: number, b0: number, n: number, tol: number, buf: Uint8Array, pos: number): number {
  const span = (b0 - a0) | 0;
  // W + b0 = Tv·10^8 + v: the largest multiple of 10^j at most W + b0 is at offset b0 − (W + b0) mod 10^j.
  const cv = carry((R + b0) | 0);
  const v = (R + b0 - cv * 100000000) | 0;
  const Tv = (T + cv) | 0;
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
    const above = off - F; // exact with tol 0 (and so is below): compared, never subtracted
    const below = F - (off - pj);
    if (above < below - tol) break;
    if (above <= below + tol) {
      if (tol > 0) return -1;
      if ((((R + off) / pj) & 1) === 0) break; // a tie: the even one
    }
    off = (off - pj) | 0;
  }
  const cd = carry((R + off) | 0);
  const d = (R + off - cd * 100000000) | 0;
  const Td = (T + cd) | 0;
  if (negative) buf[pos++] = 45; // '-'
  if (Td >= 1000000000) return placeDigits(100000000, 0, 1, n + 1, buf, pos); // 10^17: the digit 1, a decimal place higher
  return placeDigits(Td, d, 17 - j, n, buf, pos);
}

/** What a low part R + offset (−10^8 < x < 2·10^8) carries into T: +1 at 10^8 or more, −1 below 0. */
function carry(x: number): number {
  return x >= 100000000 ? 1 : x < 0 ? -1 : 0;
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
 * 0.d₁d₂… × 10^n at `pos`, in Number::toString's form for n ≤ 21; returns the end. All 17 digits
 * are written, where they land for the form; those past `count` are left as garbage after the end.
 */
function placeDigits(T: number, d: number, count: number, n: number, buf: Uint8Array, pos: number): number {
  if (n <= -6) return placeExponent(T, d, count, n, buf, pos);
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
