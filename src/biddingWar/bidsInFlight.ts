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

  /** The bid `takeArrived` found last: its arrival time, amount (NaN: withdrawal) and block value. */
  arrivedMs = 0;
  arrivedBidEth = 0;
  arrivedValueEth = 0;

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
  }

  /** Queues `builder`'s bid (NaN: a withdrawal) arriving at `arrivalMs`, after those it sent before. */
  push(builder: number, arrivalMs: number, bidEth: number, valueEth: number): void {
    if (this.count[builder]! === this.capacity) this.grow();
    const at = builder * this.capacity + ((this.head[builder]! + this.count[builder]!) % this.capacity);
    this.arrivalMs[at] = arrivalMs;
    this.bidEth[at] = bidEth;
    this.valueEth[at] = valueEth;
    this.count[builder]!++;
  }

  /**
   * Removes `builder`'s bids that have arrived by `timeMs` (arrival ≤ timeMs) and keeps the last
   * of them in `arrived*`: only the latest bid of a builder stands at the relay. False when none
   * has arrived.
   */
  takeArrived(builder: number, timeMs: number): boolean {
    let n = this.count[builder]!;
    if (n === 0) return false;
    const row = builder * this.capacity;
    let h = this.head[builder]!;
    if (this.arrivalMs[row + h]! > timeMs) return false;
    let last = h;
    do {
      last = h;
      h = h + 1 === this.capacity ? 0 : h + 1;
      n--;
    } while (n > 0 && this.arrivalMs[row + h]! <= timeMs);
    this.head[builder] = h;
    this.count[builder] = n;
    this.arrivedMs = this.arrivalMs[row + last]!;
    this.arrivedBidEth = this.bidEth[row + last]!;
    this.arrivedValueEth = this.valueEth[row + last]!;
    return true;
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
