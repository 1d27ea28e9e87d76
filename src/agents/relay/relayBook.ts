/**
 * The relay's book for one auction: each builder's latest bid (a new bid replaces the builder's
 * previous one, a withdrawal removes it, as with mev-boost relays that accept cancellations) and
 * the best of them, which is what the proposer gets when it calls. Struct-of-arrays, no allocation
 * per bid.
 *
 * Best = highest amount; ties go to the bid that arrived first, then to the lower builder index.
 */
export class RelayBook {
  private readonly bidEth: Float64Array;
  private readonly valueEth: Float64Array;
  private readonly arrivalMs: Float64Array;
  private best = -1;

  constructor(readonly builders: number) {
    this.bidEth = new Float64Array(builders).fill(Number.NaN);
    this.valueEth = new Float64Array(builders);
    this.arrivalMs = new Float64Array(builders);
  }

  /** Empties the book for a new auction. */
  reset(): void {
    this.bidEth.fill(Number.NaN);
    this.best = -1;
  }

  /**
   * Records that `builder`'s bid reached the relay at `arrivalMs`; `bidEth` null withdraws it.
   * `valueEth` is the value of the block behind the bid (the builder's value when it sent it).
   */
  receive(builder: number, bidEth: number | null, valueEth: number, arrivalMs: number): void {
    this.bidEth[builder] = bidEth ?? Number.NaN;
    this.valueEth[builder] = valueEth;
    this.arrivalMs[builder] = arrivalMs;
    this.best = this.findBest();
  }

  private findBest(): number {
    return this.bestExcept(-1);
  }

  /**
   * The best standing bid's builder leaving out `excluded` (−1: none left out), by the book's
   * order (highest amount, then earliest arrival, then lower index); −1 when there is none.
   */
  bestExcept(excluded: number): number {
    let best = -1;
    for (let i = 0; i < this.builders; i++) {
      const bid = this.bidEth[i]!;
      if (i === excluded || Number.isNaN(bid)) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const top = this.bidEth[best]!;
      if (bid > top || (bid === top && this.arrivalMs[i]! < this.arrivalMs[best]!)) best = i;
    }
    return best;
  }

  /** Index of the builder holding the best bid, or -1 when the book is empty. */
  get bestBuilder(): number {
    return this.best;
  }

  /** The best bid, ETH (0 when the book is empty). */
  get bestBidEth(): number {
    return this.best < 0 ? 0 : this.bidEth[this.best]!;
  }

  /** Value of the block behind the best bid, ETH (0 when empty). */
  get bestValueEth(): number {
    return this.best < 0 ? 0 : this.valueEth[this.best]!;
  }

  /** When the best bid reached the relay, ms (NaN when empty). */
  get bestArrivalMs(): number {
    return this.best < 0 ? Number.NaN : this.arrivalMs[this.best]!;
  }

  /** Value of the block behind `builder`'s standing bid, ETH (meaningless without one). */
  standingValueEth(builder: number): number {
    return this.valueEth[builder]!;
  }

  /** When `builder`'s standing bid reached the relay, ms (meaningless without one). */
  standingArrivalMs(builder: number): number {
    return this.arrivalMs[builder]!;
  }

  /** `builder`'s standing bid, ETH, or null. */
  standingBidEth(builder: number): number | null {
    const bid = this.bidEth[builder]!;
    return Number.isNaN(bid) ? null : bid;
  }
}
