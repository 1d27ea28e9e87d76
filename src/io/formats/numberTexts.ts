/*
 * The texts of a block's numbers that are not small integers, formatted all at once. `String(x)`
 * per cell costs a runtime call, a new string and an entry in V8's number-string cache (about
 * 300–500 ns for a double of 16–17 digits: most of a CSV writer's time); `JSON.stringify` of an
 * array of doubles writes each one straight into its output by the same shortest round trip (a
 * finite number is serialised as ToString(x), ECMAScript § 25.5.2.2), about a third of the cost.
 * The line writer then copies each number's bytes from that text, in the order they were added, and
 * may copy a number's text again later (a repeat it did not add twice).
 */

/** `,` and `]`: what ends a number in the JSON text of an array. */
const comma = 0x2c;
const closeBracket = 0x5d;

/**
 * Numbers queued as a batch, formatted by one `JSON.stringify`, then read back in order. Use:
 * `clear()`, `add(x)` for each finite number in the order they will be written, `format()`, then
 * `write` once per added number, in the same order (`copy` any time after a number's `write`).
 */
export class NumberTexts {
  /** The queued numbers (a plain array of doubles: JSON.stringify's fast path); its first `count` are this batch's. */
  private readonly values: number[] = [];
  private count = 0;
  /** The JSON text `[a,b,…]` of the batch. */
  private text = '[]';
  /** Where the next number's text starts in `text`. */
  private at = 1;

  clear(): void {
    this.count = 0;
  }

  /** Queues finite `x` (NaN and ±Infinity would read back as `null`). */
  add(x: number): void {
    // Overwrites the last batch's numbers in place (no `length = 0`, which would drop the storage).
    this.values[this.count++] = x;
  }

  /** Formats the queued numbers; `write` then reads them back from the first. */
  format(): void {
    const values = this.values;
    if (values.length > this.count) values.length = this.count;
    this.text = JSON.stringify(values);
    this.at = 1; // after '['
  }

  /** Where the next number's text starts (for {@link copy}: a repeat of it later in the batch). */
  get next(): number {
    return this.at;
  }

  /** Writes the next number's text (`String(x)` of it) into `buf` at `pos`; returns the end. */
  write(buf: Uint8Array, pos: number): number {
    const text = this.text;
    let q = this.at;
    for (let c = text.charCodeAt(q); c !== comma && c !== closeBracket; c = text.charCodeAt(++q)) buf[pos++] = c;
    this.at = q + 1;
    return pos;
  }

  /** Writes again the text of an earlier number of this batch, the one that started at `from` (its `next`); returns the end. */
  copy(from: number, buf: Uint8Array, pos: number): number {
    const text = this.text;
    for (let q = from, c = text.charCodeAt(q); c !== comma && c !== closeBracket; c = text.charCodeAt(++q)) buf[pos++] = c;
    return pos;
  }
}
