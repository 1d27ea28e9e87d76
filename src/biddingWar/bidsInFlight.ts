import type { RelayBook } from '../agents/relay/relayBook.js';

/**
 * Bids on their way to the relay, one FIFO per builder, struct-of-arrays (no object per bid). A
 * builder's submission delay is fixed for the run, so its bids reach the relay in the order it sent
 * them: a FIFO per builder replaces a priority queue. Each queue is a ring in one flat row of
 * `capacity` slots; every row doubles when one fills (bids in flight are at most the steps in one
 * delay, plus one).
 */
export class BidsInFlight {
  private capacity: number;
  private arrivalMs: Float64Array;
  /** The bid (NaN: a withdrawal), ETH. */
  private bidEth: Float64Array;
  /** The value of the block behind the bid, ETH. */
  private valueEth: Float64Array;
  private readonly head: Int32Array;
  private readonly count: Int32Array;

  /** The earliest arrival of any bid in flight (Infinity: none), ms: a step before it has nothing to deliver. */
  private nextArrivalMs = Number.POSITIVE_INFINITY;

  constructor(readonly builders: number, capacity = 8) {
    this.capacity = capacity;
    this.arrivalMs = new Float64Array(builders * capacity);
    this.bidEth = new Float64Array(builders * capacity);
    this.valueEth = new Float64Array(builders * capacity);
    this.head = new Int32Array(builders);
    this.count = new Int32Array(builders);
  }

  /** Empties every queue for a new auction. */
  reset(): void {
    this.head.fill(0);
    this.count.fill(0);
    this.nextArrivalMs = Number.POSITIVE_INFINITY;
  }

  /** Queues `builder`'s bid (NaN: a withdrawal) arriving at `arrivalMs`, after those it sent before. */
  push(builder: number, arrivalMs: number, bidEth: number, valueEth: number): void {
    if (this.count[builder]! === this.capacity) this.grow();
    const at = builder * this.capacity + ((this.head[builder]! + this.count[builder]!) % this.capacity);
    this.arrivalMs[at] = arrivalMs;
    this.bidEth[at] = bidEth;
    this.valueEth[at] = valueEth;
    this.count[builder]!++;
    if (arrivalMs < this.nextArrivalMs) this.nextArrivalMs = arrivalMs;
  }

  /**
   * Hands every bid that has arrived by `timeMs` (arrival ≤ timeMs) to the relay's book, removing
   * it from flight: per builder only the last of them, since a builder's latest bid replaces its
   * earlier ones (and the book's best does not depend on the order builders' bids came in).
   */
  deliver(timeMs: number, book: RelayBook): void {
    if (this.nextArrivalMs > timeMs) return;
    let next = Number.POSITIVE_INFINITY;
    const { capacity, arrivalMs, head, count } = this;
    for (let b = 0; b < this.builders; b++) {
      let n = count[b]!;
      if (n === 0) continue;
      const row = b * capacity;
      let h = head[b]!;
      if (arrivalMs[row + h]! <= timeMs) {
        let last = h;
        do {
          last = h;
          h = h + 1 === capacity ? 0 : h + 1;
          n--;
        } while (n > 0 && arrivalMs[row + h]! <= timeMs);
        head[b] = h;
        count[b] = n;
        const bid = this.bidEth[row + last]!;
        book.receive(b, Number.isNaN(bid) ? null : bid, this.valueEth[row + last]!, arrivalMs[row + last]!);
      }
      if (n > 0 && arrivalMs[row + h]! < next) next = arrivalMs[row + h]!;
    }
    this.nextArrivalMs = next;
  }

  /** Doubles every row, unrolling each ring to start at slot 0. */
  private grow(): void {
    const old = this.capacity;
    const size = old * 2;
    const arrivalMs = new Float64Array(this.builders * size);
    const bidEth = new Float64Array(this.builders * size);
    const valueEth = new Float64Array(this.builders * size);
    for (let b = 0; b < this.builders; b++) {
      for (let k = 0; k < this.count[b]!; k++) {
        const from = b * old + ((this.head[b]! + k) % old);
        arrivalMs[b * size + k] = this.arrivalMs[from]!;
        bidEth[b * size + k] = this.bidEth[from]!;
        valueEth[b * size + k] = this.valueEth[from]!;
      }
      this.head[b] = 0;
    }
    this.capacity = size;
    this.arrivalMs = arrivalMs;
    this.bidEth = bidEth;
    this.valueEth = valueEth;
  }
}
