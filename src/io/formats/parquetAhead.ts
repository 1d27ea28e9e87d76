import type { ColumnBlock } from '../../engine/columnBlock.js';
import { littleEndian, sampleDistinctShare } from './parquetNumbers.js';
import { SnappyStream } from './parquetSnappy.js';

/** A column is looked at from this many rows on: its PLAIN bytes (8 a value) then reach the 16 KiB a {@link SnappyStream} waits for. */
const firstLook = 4096;


/**
 * A double column's PLAIN page body (its finite values, −0 as 0, 8 bytes each little-endian, as
 * `gatherNumbers` and `plainNumbers` make it), gathered and snappy-compressed while its row group
 * fills, so that little is left to do when the group is encoded: the last row group of a run is
 * encoded when the run closes, after the model has finished.
 */
export class PlainAhead {
  private readonly values: Float64Array;
  private readonly bytes: Uint8Array;
  private readonly stream: SnappyStream;
  /** Values gathered, and rows of the column read, so far. */
  private count = 0;
  private rows = 0;

  /** For a row group of at most `capacity` rows. */
  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.bytes = new Uint8Array(this.values.buffer);
    this.stream = new SnappyStream(8 * capacity);
  }

  /** Empties it for another row group of at most the same capacity, keeping its arrays (its last result is overwritten). */
  reset(): PlainAhead {
    this.count = 0;
    this.rows = 0;
    this.stream.reset();
    return this;
  }

  /** Rows read so far. */
  get rowsRead(): number {
    return this.rows;
  }

  /** Reads rows up to `rows − 1` of `data` (rows before were read by earlier calls, and are unchanged) and compresses what they decide. */
  extend(data: Float64Array, rows: number): void {
    const values = this.values;
    let count = this.count;
    for (let i = this.rows; i < rows; i++) {
      const v = data[i]!;
      // v − v is 0 exactly for finite v; + 0 turns −0 into 0 (as gatherNumbers).
      if (v - v === 0) values[count++] = v + 0;
    }
    this.count = count;
    this.rows = rows;
    this.stream.advance(this.bytes, 8 * count);
  }

  /**
   * The compressed PLAIN body of rows `0 … rows − 1` of `data`, which must hold `count` finite
   * values; null (compress it whole instead) if the values read do not add up to that.
   */
  finish(data: Float64Array, rows: number, count: number): Uint8Array | null {
    if (rows < this.rows) return null;
    this.extend(data, rows);
    return this.count === count ? this.stream.finish(this.bytes, 8 * count) : null;
  }
}

/**
 * A dictionary is kept only when it and its indexes take at most half the PLAIN bytes, which with
 * indexes of 10–16 bits needs fewer than a third of the values distinct: a sample more varied than
 * this is taken to mean PLAIN.
 */
const likelyPlainShare = 0.5;

/**
 * The {@link PlainAhead}s of the row group being filled: those of its double columns that were PLAIN
 * in the row group before, or, in the first row group, whose rows so far have a sample too varied for
 * a dictionary. A guess:
 * when the whole group ends up with a dictionary, that work is lost, not wrong.
 */
export class RowGroupAhead {
  private readonly ahead: (PlainAhead | undefined)[] = [];
  /** Rows the group had when a column was last sampled; sampled again at twice as many. */
  private readonly sampledAt: number[] = [];
  private next = 0;

  /**
   * For row groups of at most `capacity` rows; `plainBefore[k]`: column `k` was PLAIN in the row
   * group before (undefined: no group before); `spare`: PlainAheads of that capacity done with (an
   * encoded row group's, see {@link release}), reused before new ones are made (each holds ~1.1 MB).
   */
  constructor(
    private readonly capacity: number,
    private readonly plainBefore: readonly boolean[] = [],
    private readonly spare: PlainAhead[] = [],
  ) {}

  /** Its PlainAheads, for the next row group's: call once this group's chunks are written (their pages live in the PlainAheads' arrays). */
  release(): PlainAhead[] {
    const all = this.ahead.filter((a): a is PlainAhead => a !== undefined);
    this.ahead.length = 0;
    return all;
  }

  /** Column `k`'s body compressed ahead, if any. */
  column(k: number): PlainAhead | null {
    return this.ahead[k] ?? null;
  }

  /** Brings one column up to the rows of `block` (the group being filled); false when none needed it. */
  step(block: ColumnBlock): boolean {
    const n = block.columns.length;
    if (!littleEndian || block.length < firstLook) return false;
    for (let tried = 0; tried < n; tried++) {
      const k = this.next;
      this.next = k + 1 < n ? k + 1 : 0;
      if (block.columns[k]!.type !== 'double') continue;
      const data = block.data[k] as Float64Array;
      let a = this.ahead[k];
      if (!a) {
        // A dictionary in the row group before: taken to hold again. A sample of the group's first
        // rows overrates how distinct a whole group is (a value repeats more, the more rows), so
        // columns kept as dictionaries of ~17,000 values in 65,536 rows were compressed ahead in vain.
        const before = this.plainBefore[k];
        if (before === false) continue;
        if (block.length < 2 * (this.sampledAt[k] ?? 0)) continue;
        this.sampledAt[k] = block.length;
        if (before !== true && sampleDistinctShare(data, block.length) <= likelyPlainShare) continue;
        a = this.ahead[k] = this.spare.pop()?.reset() ?? new PlainAhead(this.capacity);
      }
      if (a.rowsRead === block.length) continue;
      a.extend(data, block.length);
      return true;
    }
    return false;
  }
}
