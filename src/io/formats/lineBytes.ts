/*
 * Writers of a table line's pieces straight into a byte buffer (a LineFile's chunk), so a line is
 * never built as a string first. Each takes the buffer and the position to write at, and returns
 * the position after what it wrote. The caller guarantees the room (see `numberCellBytes`).
 */

/** Most bytes `String(x)` takes for a finite double: `-0.000000` + 17 digits is 26; kept with slack. */
export const numberCellBytes = 32;

/** Integers below this magnitude are written digit by digit (exact in doubles; `String` shows them plainly). */
const exactIntegers = 2 ** 53;

/** 10^k for k = 0 … 15 (2^53 has 16 digits). */
const powersOf10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** True for an integer below 2^53 in magnitude (−0 included): written digit by digit by {@link writeInteger}. */
export const isExactInteger = (x: number): boolean => x > -exactIntegers && x < exactIntegers && x === Math.floor(x);

/** Writes the digits of `x`, an integer with |x| < 2^53, as `String(x)` renders it (−0 as `0`). */
export function writeInteger(x: number, buf: Uint8Array, pos: number): number {
  if (x < 0) {
    buf[pos++] = 0x2d; // '-'
    x = -x;
  }
  let digits = 1;
  while (digits < 16 && x >= powersOf10[digits]!) digits++;
  let at = pos + digits;
  const end = at;
  // Below 2^31 in int32 arithmetic: a double `%` is a call to fmod, an int32 division by 10 a multiply.
  while (x >= 2147483648) {
    const d = x % 10; // exact: x is an integer below 2^53
    buf[--at] = 0x30 + d;
    x = (x - d) / 10; // exact: x − d is a multiple of 10
  }
  let y = x | 0;
  do {
    const q = (y / 10) | 0;
    buf[--at] = 0x30 + y - q * 10;
    y = q;
  } while (y > 0);
  return end;
}

/**
 * Copies text `v` byte by byte if every character is printable ASCII other than `"`, `,` and `\`
 * (text that CSV and JSON Lines both write unchanged); returns the position after it, or −1 (and
 * leaves garbage after `pos`) at the first other character, for the caller to encode it in full.
 */
export function writePlainText(v: string, buf: Uint8Array, pos: number): number {
  for (let j = 0; j < v.length; j++) {
    const c = v.charCodeAt(j);
    if (c >= 0x80 || c < 0x20 || c === 0x22 || c === 0x2c || c === 0x5c) return -1;
    buf[pos++] = c;
  }
  return pos;
}
