import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeFloor, floorRank, observeBestBids } from '../../../src/market/mechanisms/committee.js';
import type { Bid } from '../../../src/market/mechanisms/types.js';

/**
 * The observation as first written: a logarithm per (member, bid) for the delay and the misreading
 * computed for every bid. The shipped one reads lateness from each bid's cut-off draw and skips a
 * late bid's misreading; it must give the same numbers bit for bit.
 */
function referenceObserve(bids: readonly Bid[], latencies: readonly number[], deadlineMs: number, jitterMs: number, source: () => number, sd: number): number[] {
  return latencies.map((latencyMs) => {
    let best = 0;
    for (const bid of bids) {
      const jitter = jitterMs > 0 ? -jitterMs * Math.log(1 - source()) : 0;
      let noise = 1;
      if (sd > 0) {
        const u1 = 1 - source();
        const u2 = source();
        noise = Math.exp(sd * (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)));
      }
      const arrivalMs = (bid.timeMs ?? 0) + latencyMs + jitter;
      if (arrivalMs <= deadlineMs && bid.amount * noise > best) best = bid.amount * noise;
    }
    return best;
  });
}

/** Draws replayed from a list, cycling. */
const replay = (draws: readonly number[]) => {
  let i = 0;
  return () => draws[i++ % draws.length]!;
};

describe('observeBestBids', () => {
  it('is bit for bit the per-draw logarithm, draws near each cut-off included', () => {
    const bid = fc.record({ bidderId: fc.constant('b'), amount: fc.double({ min: 0, max: 10, noNaN: true }), timeMs: fc.option(fc.constantFrom(900, 1100, 1300, 1399.9999999, 1400, 1500), { nil: undefined }) });
    fc.assert(
      fc.property(
        fc.array(bid, { maxLength: 3 }),
        fc.array(fc.constantFrom(0, 100, 37.5), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(0, 1e-12, 300, 1e9),
        fc.constantFrom(0, 0.02),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
        (bids, latencies, jitterMs, sd, uniforms, nudge) => {
          // Put the first draws on (and a hair around) the first bid's cut-off 1 − exp(−S/mean).
          const slack = 1500 - ((bids[0]?.timeMs ?? 0) + latencies[0]!);
          const cutoff = jitterMs > 0 && slack > 0 ? -Math.expm1(-slack / jitterMs) : 0.5;
          const draws = [Math.min(cutoff * (1 + nudge), 0.999999), cutoff, ...uniforms];
          const got = observeBestBids(bids, latencies, 1500, jitterMs, replay(draws), sd);
          const want = referenceObserve(bids, latencies, 1500, jitterMs, replay(draws), sd);
          expect(got).toStrictEqual(want);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('committeeFloor', () => {
  it('is the floorRank-th entry of the built-in descending sort, ±0 ties and non-finite values included', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2, Number.NaN, Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.constantFrom<'majority' | 'min' | 'max'>('majority', 'min', 'max'), (observed, rule) => {
        const want = observed.slice().sort((a, b) => b - a)[floorRank(observed.length, rule) - 1]!;
        expect(Object.is(committeeFloor(observed, rule), want)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
