import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateAllPay, payAllPay } from '../../../src/market/mechanisms/allPay.js';
import { bidsOf, constant } from './helpers.js';

describe('all-pay auction', () => {
  it('the highest bid wins and every bidder pays its bid', () => {
    const bids = bidsOf([1.5, 0.25, 2]);
    const allocation = allocateAllPay(bids, {}, constant(0.3));
    expect(allocation.winnerIndex).toBe(2);
    const payments = payAllPay(bids, allocation, {});
    expect(payments.perBidder).toEqual([1.5, 0.25, 2]);
    expect(payments.toProposer).toBe(3.75);
  });

  it('all-zero bids tie: a uniformly drawn winner, who pays 0', () => {
    const bids = bidsOf([0, 0, 0]);
    const allocation = allocateAllPay(bids, {}, constant(0.5));
    expect(allocation.winnerIndex).toBe(1);
    expect(allocation.winProbabilities).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('property: revenue = sum of bids, whoever wins', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (amounts, u) => {
        const bids = bidsOf(amounts.map((a) => a / 100));
        const payments = payAllPay(bids, allocateAllPay(bids, {}, constant(u)), {});
        const sum = amounts.reduce((s, a) => s + a / 100, 0);
        expect(payments.toProposer).toBeCloseTo(sum, 9);
      }),
    );
  });
});
