import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  committeeFloor,
  committeeParamsSchema,
  observeBestBids,
  type CommitteeParams,
} from '../../../src/market/mechanisms/committee.js';
import {
  allocateMevBurn,
  allocateWithFloor,
  payMevBurn,
} from '../../../src/market/mechanisms/mevBurn.js';
import { committeeMemberShare, payMevSmoothing } from '../../../src/market/mechanisms/mevSmoothing.js';
import { bidsOf, constant, seeded } from './helpers.js';

const noNoise: CommitteeParams = {
  committeeSize: 3,
  memberLatencyMs: 100,
  latencyJitterMs: 0,
  deadlineMs: 1000,
  floorRule: 'majority',
};

describe('committee observation and floor', () => {
  it('without jitter a member sees exactly the bids with time + latency <= deadline', () => {
    const bids = bidsOf([5, 3, 9], [850, 0, 950]); // 9 arrives at 1050 > 1000: unseen
    expect(observeBestBids(bids, [100, 100], 1000, 0, constant(0))).toEqual([5, 5]);
    expect(observeBestBids(bids, [100, 200], 1000, 0, constant(0))).toEqual([5, 3]);
  });

  it('majority floor is the ceil(n/2)-th largest observation; min and max are the extremes', () => {
    expect(committeeFloor([5, 1, 3], 'majority')).toBe(3); // median
    // n = 4: a burn of 3 is accepted by members with floor <= 3, i.e. 3 of 4 (a strict majority)
    expect(committeeFloor([4, 3, 2, 1], 'majority')).toBe(3);
    expect(committeeFloor([4, 3, 2, 1], 'min')).toBe(1);
    expect(committeeFloor([4, 3, 2, 1], 'max')).toBe(4);
  });

  it('rejects an empty committee and committeeSize 0 with a RangeError naming committeeSize', () => {
    expect(() => committeeFloor([], 'majority')).toThrow(/committeeSize/);
    expect(() => allocateMevBurn(bidsOf([1]), { ...noNoise, committeeSize: 0 }, constant(0))).toThrow(RangeError);
    expect(() => allocateMevBurn(bidsOf([1]), { ...noNoise, committeeSize: 0 }, constant(0))).toThrow(/committeeSize/);
    expect(() => allocateMevBurn(bidsOf([1]), { ...noNoise, latencyJitterMs: -1 }, constant(0))).toThrow(/latencyJitterMs/);
  });

  it('schema defaults give a 16-member majority committee', () => {
    expect(committeeParamsSchema.parse({})).toEqual({
      committeeSize: 16, memberLatencyMs: 100, latencyJitterMs: 50, deadlineMs: 1500, floorRule: 'majority',
    });
  });
});

describe('mev-burn and mev-smoothing', () => {
  it('burns the floor, the proposer keeps the excess: burn + take = winning bid', () => {
    // Early bid 5 is seen by all; the late 9 is not, so the floor is 5 and 9 wins.
    const bids = bidsOf([5, 9], [0, 950]);
    const allocation = allocateMevBurn(bids, noNoise, constant(0.5));
    expect(allocation.floor).toBe(5);
    expect(allocation.winnerIndex).toBe(1);
    const payments = payMevBurn(bids, allocation, noNoise);
    expect(payments).toEqual({ perBidder: [0, 9], toProposer: 4, burned: 5, toCommittee: 0, rebateToUser: 0 });
  });

  it('mev-smoothing shares the floor among the committee instead of burning it', () => {
    const bids = bidsOf([6, 9], [0, 950]);
    const allocation = allocateMevBurn(bids, noNoise, constant(0.5));
    const payments = payMevSmoothing(bids, allocation, noNoise);
    expect(payments.toCommittee).toBe(6);
    expect(payments.burned).toBe(0);
    expect(payments.toProposer).toBe(3);
    expect(committeeMemberShare(payments, noNoise)).toBe(2); // 6 / 3 members
  });

  it('bids below the floor are invalid', () => {
    const bids = bidsOf([3, 5, 4]);
    const allocation = allocateWithFloor(bids, 4, constant(0));
    expect(allocation.winProbabilities).toEqual([0, 1, 0]);
    const none = allocateWithFloor(bidsOf([1, 2]), 3, constant(0));
    expect(none.winnerIndex).toBeNull();
    const forged = { ...allocateWithFloor(bids, 0, constant(0)), winnerIndex: 0, floor: 4 };
    expect(() => payMevBurn(bids, forged, noNoise)).toThrow(/below the committee floor/);
  });

  it('property: with latency noise, floor <= winning bid and burn + proposer take = winning bid', () => {
    const source = seeded('mev-burn/property');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2000 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('majority', 'min', 'max'),
        (pairs, committeeSize, floorRule) => {
          const bids = bidsOf(pairs.map(([a]) => a / 10), pairs.map(([, t]) => t));
          const params = { committeeSize, memberLatencyMs: 50, latencyJitterMs: 300, deadlineMs: 1500, floorRule } as const;
          const allocation = allocateMevBurn(bids, params, source);
          const winner = bids[allocation.winnerIndex!]!.amount;
          expect(allocation.floor).toBeLessThanOrEqual(winner);
          const payments = payMevBurn(bids, allocation, params);
          expect(payments.burned + payments.toProposer).toBeCloseTo(winner, 12);
        },
      ),
    );
  });
});
