import { describe, expect, it } from 'vitest';
import { allocateFirstPrice, payFirstPrice } from '../../../src/market/mechanisms/firstPrice.js';
import { bidsOf, binomialTolerance, constant, seeded } from './helpers.js';

describe('first-price sealed bid', () => {
  it('gives the good to the highest bid, which pays its own bid to the proposer', () => {
    const bids = bidsOf([1, 3, 2]);
    const allocation = allocateFirstPrice(bids, {}, seeded('fp/basic'));
    expect(allocation.winnerIndex).toBe(1);
    expect(allocation.winProbabilities).toEqual([0, 1, 0]);
    const payments = payFirstPrice(bids, allocation, {});
    expect(payments.perBidder).toEqual([0, 3, 0]);
    expect(payments.toProposer).toBe(3);
    expect(payments.burned + payments.toCommittee + payments.rebateToUser).toBe(0);
  });

  it('breaks ties uniformly: the floor(u·k)-th tied index wins, each with x = 1/k', () => {
    const bids = bidsOf([5, 2, 5, 5]);
    expect(allocateFirstPrice(bids, {}, constant(0)).winnerIndex).toBe(0);
    expect(allocateFirstPrice(bids, {}, constant(0.34)).winnerIndex).toBe(2);
    expect(allocateFirstPrice(bids, {}, constant(0.999)).winnerIndex).toBe(3);
    expect(allocateFirstPrice(bids, {}, constant(0.5)).winProbabilities).toEqual([1 / 3, 0, 1 / 3, 1 / 3]);
  });

  it('tie-breaking frequencies are uniform within a binomial tolerance', () => {
    const bids = bidsOf([7, 7, 1]);
    const source = seeded('fp/ties');
    const rounds = 20_000;
    let first = 0;
    for (let r = 0; r < rounds; r += 1) if (allocateFirstPrice(bids, {}, source).winnerIndex === 0) first += 1;
    expect(Math.abs(first / rounds - 0.5)).toBeLessThanOrEqual(binomialTolerance(0.5, rounds));
  });

  it('consumes exactly one draw per allocation, tie or not', () => {
    let draws = 0;
    const counting = () => {
      draws += 1;
      return 0.5;
    };
    allocateFirstPrice(bidsOf([1, 2]), {}, counting);
    allocateFirstPrice(bidsOf([2, 2]), {}, counting);
    expect(draws).toBe(2);
  });

  it('sells nothing without bids, and zero bids are valid bids', () => {
    const empty = allocateFirstPrice([], {}, constant(0.5));
    expect(empty.winnerIndex).toBeNull();
    expect(payFirstPrice([], empty, {}).toProposer).toBe(0);
    const zeros = bidsOf([0, 0]);
    const allocation = allocateFirstPrice(zeros, {}, constant(0.7));
    expect(allocation.winnerIndex).toBe(1);
    expect(payFirstPrice(zeros, allocation, {}).perBidder).toEqual([0, 0]);
  });
});
