import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateOrderFlowAuction,
  payOrderFlowAuction,
} from '../../../src/market/mechanisms/orderFlowAuction.js';
import { bidsOf, constant } from './helpers.js';

describe('order-flow auction', () => {
  it('second-price: the top searcher wins, pays the second bid, the user gets f × that', () => {
    const bids = bidsOf([10, 4, 7]);
    const params = { pricing: 'second-price', rebateFraction: 0.9, userShare: 1 } as const;
    const allocation = allocateOrderFlowAuction(bids, params, constant(0.5));
    expect(allocation.winnerIndex).toBe(0);
    const payments = payOrderFlowAuction(bids, allocation, params);
    expect(payments.perBidder).toEqual([7, 0, 0]);
    expect(payments.rebateToUser).toBeCloseTo(6.3, 12);
    expect(payments.toProposer).toBeCloseTo(0.7, 12);
  });

  it('first-price: the clearing price is the winning bid', () => {
    const bids = bidsOf([10, 4]);
    const params = { pricing: 'first-price', rebateFraction: 0.5, userShare: 1 } as const;
    const payments = payOrderFlowAuction(bids, allocateOrderFlowAuction(bids, params, constant(0)), params);
    expect(payments.perBidder).toEqual([10, 0]);
    expect(payments.rebateToUser).toBe(5);
  });

  it('rejects rebateFraction outside [0, 1] with a RangeError naming it', () => {
    for (const rebateFraction of [-0.1, 1.1, Number.NaN]) {
      const params = { pricing: 'second-price', rebateFraction, userShare: 1 } as const;
      expect(() => allocateOrderFlowAuction(bidsOf([1]), params, constant(0))).toThrow(RangeError);
      expect(() => allocateOrderFlowAuction(bidsOf([1]), params, constant(0))).toThrow(/rebateFraction/);
    }
  });

  it('rejects userShare outside [0, 1] with a RangeError naming it', () => {
    for (const userShare of [-0.1, 1.1, Number.NaN]) {
      const params = { pricing: 'second-price', rebateFraction: 0.5, userShare } as const;
      expect(() => allocateOrderFlowAuction(bidsOf([1]), params, constant(0))).toThrow(/userShare/);
    }
  });

  it('property: rebate = rebateFraction × clearing price, and rebate + proposer = clearing price', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('first-price', 'second-price'),
        (amounts, rebateFraction, pricing) => {
          const bids = bidsOf(amounts);
          const params = { pricing, rebateFraction, userShare: 1 } as const;
          const payments = payOrderFlowAuction(bids, allocateOrderFlowAuction(bids, params, constant(0.5)), params);
          const sorted = [...amounts].sort((a, b) => b - a);
          const clearing = pricing === 'first-price' ? sorted[0]! : (sorted[1] ?? 0);
          expect(payments.rebateToUser).toBeCloseTo(rebateFraction * clearing, 9);
          expect(payments.rebateToUser + payments.toProposer).toBeCloseTo(clearing, 9);
        },
      ),
    );
  });
});
