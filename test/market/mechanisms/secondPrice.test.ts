import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateSecondPrice, paySecondPrice } from '../../../src/market/mechanisms/secondPrice.js';
import { bidsOf, constant, seeded } from './helpers.js';

describe('second-price sealed bid (Vickrey 1961)', () => {
  it('the highest bid wins and pays the second-highest bid', () => {
    const bids = bidsOf([4, 9, 6, 1]);
    const allocation = allocateSecondPrice(bids, {}, seeded('sp/basic'));
    expect(allocation.winnerIndex).toBe(1);
    const payments = paySecondPrice(bids, allocation, {});
    expect(payments.perBidder).toEqual([0, 6, 0, 0]);
    expect(payments.toProposer).toBe(6);
  });

  it('with a tie at the top the winner pays the (equal) top bid', () => {
    const bids = bidsOf([3, 8, 8]);
    const allocation = allocateSecondPrice(bids, {}, constant(0.9));
    expect(allocation.winnerIndex).toBe(2);
    expect(paySecondPrice(bids, allocation, {}).perBidder).toEqual([0, 0, 8]);
  });

  it('a lone bidder pays 0 (no reserve price)', () => {
    const bids = bidsOf([5]);
    const allocation = allocateSecondPrice(bids, {}, constant(0.1));
    expect(paySecondPrice(bids, allocation, {}).perBidder).toEqual([0]);
  });

  it('property: the payment is the second order statistic of the bids', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 8 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (amounts, u) => {
        const bids = bidsOf(amounts);
        const allocation = allocateSecondPrice(bids, {}, constant(u));
        const sorted = [...amounts].sort((a, b) => b - a);
        expect(paySecondPrice(bids, allocation, {}).toProposer).toBe(sorted[1]);
        expect(amounts[allocation.winnerIndex!]).toBe(sorted[0]);
      }),
    );
  });
});
