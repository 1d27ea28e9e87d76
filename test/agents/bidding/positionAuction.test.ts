import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cappedActionBidY } from '../../../src/agents/bidding/bidderRecord.js';
import { positionPayoff, positionPayoffsOnGrid, type PositionLeg, type PositionRule } from '../../../src/agents/bidding/positionAuction.js';

const leg = fc.record({
  share: fc.constantFrom(1, 0.5, 0.25, 0, 0.3),
  bestRivalY: fc.option(fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constantFrom(0, 1, 2.5, 5)), { nil: null }),
  reach: fc.constantFrom(0, 1),
});
const grid = fc.uniqueArray(fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(0, 0.25, 0.5, 1)), { minLength: 1, maxLength: 25 }).map((g) => g.sort((a, b) => a - b));

describe('positionPayoffsOnGrid', () => {
  it('is positionPayoff of each capped grid bid, bit for bit (one leg, two legs, both rules, shading or absolute)', () => {
    fc.assert(
      fc.property(fc.constantFrom<PositionRule>('first-price', 'second-price'), grid, fc.boolean(), fc.oneof(fc.double({ min: 1e-6, max: 50, noNaN: true }), fc.constantFrom(1, 2.5, 5)), fc.array(leg, { minLength: 1, maxLength: 2 }), (rule, g, absolute, valueY, legs: PositionLeg[]) => {
        const expected = g.map((_, a) => positionPayoff(rule, cappedActionBidY(g, absolute, a, valueY), valueY, legs));
        const out = positionPayoffsOnGrid(rule, g, absolute, valueY, legs, g.map(() => Number.NaN));
        out.forEach((x, a) => expect(Object.is(x, expected[a])).toBe(true));
      }),
    );
  });

  it('writes the first K entries of the array it is given and leaves the rest', () => {
    const out = positionPayoffsOnGrid('first-price', [0, 0.5, 1], false, 4, [{ share: 1, bestRivalY: 1, reach: 1 }], [9, 9, 9, 9]);
    // bids 0, 2, 4 against a rival's 1: lose, win paying 2, win paying 4.
    expect(out).toEqual([0, 2, 0, 9]);
  });
});
