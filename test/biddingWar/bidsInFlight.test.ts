import { describe, expect, it } from 'vitest';
import { RelayBook } from '../../src/agents/relay/relayBook.js';
import { BidsInFlight } from '../../src/biddingWar/bidsInFlight.js';

describe('BidsInFlight: a FIFO of bids per builder', () => {
  it('delivers, per builder, only the last bid arrived by the time, and keeps later ones in flight', () => {
    const f = new BidsInFlight(2, 2);
    const book = new RelayBook(2);
    f.push(0, 10, 0.1, 1);
    f.push(0, 20, 0.2, 2);
    f.push(0, 30, Number.NaN, 3); // a withdrawal
    f.push(1, 25, 0.15, 4);
    f.deliver(9, book);
    expect(book.bestBuilder).toBe(-1);
    f.deliver(20, book);
    expect([book.standingBidEth(0), book.standingValueEth(0), book.standingArrivalMs(0)]).toEqual([0.2, 2, 20]);
    expect(book.standingBidEth(1)).toBeNull();
    f.deliver(29, book);
    expect(book.bestBuilder).toBe(0);
    expect(book.standingBidEth(1)).toBe(0.15);
    f.deliver(30, book);
    expect(book.standingBidEth(0)).toBeNull();
    expect(book.bestBuilder).toBe(1);
  });

  it('grows past its capacity without losing order, and reset empties it', () => {
    const f = new BidsInFlight(3, 1);
    const book = new RelayBook(3);
    for (let k = 1; k <= 40; k++) for (let b = 0; b < 3; b++) f.push(b, k + b, k / 100 + b, k);
    for (let t = 1; t <= 42; t++) {
      f.deliver(t, book);
      for (let b = 0; b < 3; b++) {
        const k = Math.min(40, t - b);
        expect(book.standingBidEth(b)).toBe(k >= 1 ? k / 100 + b : null);
      }
    }
    f.push(0, 50, 0.5, 1);
    f.reset();
    const fresh = new RelayBook(3);
    f.deliver(1e9, fresh);
    expect(fresh.bestBuilder).toBe(-1);
  });
});
