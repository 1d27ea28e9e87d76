import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelayBook } from '../../../src/agents/relay/relayBook.js';

describe('the relay book', () => {
  it('keeps the best of the builders\' latest bids', () => {
    const book = new RelayBook(3);
    expect(book.bestBuilder).toBe(-1);
    expect(book.bestBidEth).toBe(0);
    book.receive(0, 0.05, 0.06, 10);
    book.receive(1, 0.07, 0.08, 20);
    book.receive(2, 0.06, 0.07, 30);
    expect([book.bestBuilder, book.bestBidEth, book.bestValueEth, book.bestArrivalMs]).toEqual([1, 0.07, 0.08, 20]);
    // A builder's new bid replaces its old one, even when lower (cancellation).
    book.receive(1, 0.04, 0.08, 40);
    expect([book.bestBuilder, book.bestBidEth]).toEqual([2, 0.06]);
    book.receive(2, null, 0.07, 50);
    expect([book.bestBuilder, book.bestBidEth]).toEqual([0, 0.05]);
    expect(book.standingBidEth(2)).toBeNull();
    book.reset();
    expect(book.bestBuilder).toBe(-1);
  });

  it('breaks ties by arrival time, then by builder index', () => {
    const book = new RelayBook(3);
    book.receive(2, 0.05, 0.06, 10);
    book.receive(0, 0.05, 0.06, 20);
    expect(book.bestBuilder).toBe(2);
    book.receive(1, 0.05, 0.06, 10);
    expect(book.bestBuilder).toBe(1);
  });

  it('property: the best is the maximum over each builder\'s last bid', () => {
    const submission = fc.record({
      builder: fc.integer({ min: 0, max: 4 }),
      bid: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(submission, { maxLength: 60 }), (subs) => {
        const book = new RelayBook(5);
        const latest = new Map<number, number | null>();
        subs.forEach((s, t) => {
          book.receive(s.builder, s.bid, 1, t);
          latest.set(s.builder, s.bid);
        });
        const standing = [...latest.values()].filter((b): b is number => b !== null);
        expect(book.bestBidEth).toBe(standing.length ? Math.max(...standing) : 0);
        if (standing.length) expect(latest.get(book.bestBuilder)).toBe(book.bestBidEth);
      }),
    );
  });
});
