import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultMechanismConfig } from '../../../src/market/mechanisms/config.js';
import { mechanismNames } from '../../../src/market/mechanisms/registry.js';
import { runMechanism } from '../../../src/market/mechanisms/runMechanism.js';
import { validateBids } from '../../../src/market/mechanisms/validateBids.js';
import { bidsOf, seeded } from './helpers.js';

const amountsArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2_000 })),
  { minLength: 0, maxLength: 7 },
);

describe('invariants of every registered mechanism (default parameters)', () => {
  for (const name of mechanismNames) {
    it(`${name}: allocation is a distribution, payments are >= 0 and conserved`, () => {
      const config = defaultMechanismConfig(name);
      const source = seeded(`invariants/${name}`);
      fc.assert(
        fc.property(amountsArb, (pairs) => {
          const bids = bidsOf(pairs.map(([a]) => a / 1000), pairs.map(([, t]) => t));
          const { allocation, payments } = runMechanism(config, bids, source);
          const x = allocation.winProbabilities;
          expect(x).toHaveLength(bids.length);
          const total = x.reduce((s, p) => s + p, 0);
          for (const p of x) expect(p).toBeGreaterThanOrEqual(0);
          if (allocation.winnerIndex === null) {
            expect(total).toBe(0);
          } else {
            expect(total).toBeCloseTo(1, 12);
            expect(x[allocation.winnerIndex]).toBeGreaterThan(0);
          }
          const paid = payments.perBidder.reduce((s, p) => s + p, 0);
          for (const p of payments.perBidder) expect(p).toBeGreaterThanOrEqual(0);
          for (const part of [payments.toProposer, payments.burned, payments.toCommittee, payments.rebateToUser]) {
            expect(part).toBeGreaterThanOrEqual(0);
          }
          const destinations = payments.toProposer + payments.burned + payments.toCommittee + payments.rebateToUser;
          expect(destinations).toBeCloseTo(paid, 9);
          // Individual rationality of the rules: nobody pays more than it bid.
          payments.perBidder.forEach((p, i) => expect(p).toBeLessThanOrEqual(bids[i]!.amount + 1e-12));
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('bid validation', () => {
  it('throws a RangeError naming the bad bid for negative or non-finite amounts', () => {
    expect(() => validateBids(bidsOf([1, -1]))).toThrow(/bid 1 \(bidder "b1"\) has amount -1/);
    expect(() => validateBids(bidsOf([Number.NaN]))).toThrow(RangeError);
    expect(() => validateBids(bidsOf([Number.POSITIVE_INFINITY]))).toThrow(/bid 0/);
    expect(() => validateBids([{ bidderId: 'x', amount: 1, timeMs: Number.NaN }])).toThrow(/timeMs/);
  });

  it('every mechanism rejects a negative bid', () => {
    for (const name of mechanismNames) {
      const config = defaultMechanismConfig(name);
      expect(() => runMechanism(config, bidsOf([2, -0.5]), seeded('invalid'))).toThrow(/bid 1/);
    }
  });
});
