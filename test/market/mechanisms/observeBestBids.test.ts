import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observeBestBids } from '../../../src/market/mechanisms/committee.js';
import { misreadDrawCount, observeBestBidsDrawn } from '../../../src/market/mechanisms/observeBestBids.js';
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

/** Element-wise `Object.is`: ±0 and NaN told apart. */
const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => Object.is(x, b[k]));

describe('observeBestBids, the misreading', () => {
  // Draws at and a hair around the noise bound's tiers: u1 = 1 − u at e⁻², e^−4.5 and their
  // thresholds (the radius near 2 and 3), u2 at and inside the negative-cosine band's ends, at the
  // top of the cosine (0, 1⁻), and anywhere.
  const edgeDraw = fc.constantFrom(0, 1 - 0.13534, 1 - 0.1353352832366127, 1 - 0.135, 1 - 0.01111, 1 - 0.011108996538242306, 1 - 0.011, 0.25, 0.2500001, 0.25000009, 0.24, 0.7499999, 0.74999991, 0.75, 0.76, 0.5, 1e-9, 0.999999999, 0.9999999999999999);
  const draw = fc.oneof(edgeDraw, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));
  const sd = fc.constantFrom(0.02, 0.3, 1, 400);

  it('is bit for bit every bid misread, amounts near the best times the noise bounds, ties, 0, −0, negative and non-finite amounts included', () => {
    fc.assert(
      fc.property(
        sd,
        // Amounts as 1·exp(σt)·(1 + ε): a rival's amount near the best's misreading at the bounds' radii 0, 2 and 3.
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(-3, -2, -1, 0, 1, 2, 3), fc.double({ min: -3.5, max: 3.5, noNaN: true })), fc.constantFrom(0, 1e-9, -1e-9, 1e-12, -1e-12)), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 0), { maxLength: 2 }),
        fc.array(draw, { minLength: 1, maxLength: 60 }),
        fc.constantFrom(0, 300),
        (s, scaled, odd, uniforms, jitterMs) => {
          const amounts = [...scaled.map(([t, e]) => Math.exp(s * t) * (1 + e)), ...odd];
          const bids = amounts.map((amount, k): Bid => ({ bidderId: `b${k}`, amount, timeMs: 900 + 100 * (k % 3) }));
          const latencies = [100, 100, 0];
          const got = observeBestBids(bids, latencies, 1500, jitterMs, replay(uniforms), s);
          const want = referenceObserve(bids, latencies, 1500, jitterMs, replay(uniforms), s);
          expect(sameNumbers(got, want)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('lets a smaller bid misread exactly (u1 = 1: noise 1) beat a larger one misread a hair down: the bound is not below the noise', () => {
    // Bid a: 1 + 2e-12 misread by exp(−σ·√(2.2e-16)) ≈ 1 − 3e-10 (u1 = 1 − 1e-16, cosine −1); bid b: 1 + 1e-12 misread by 1.
    const bids: Bid[] = [{ bidderId: 'a', amount: 1 + 2e-12, timeMs: 0 }, { bidderId: 'b', amount: 1 + 1e-12, timeMs: 0 }];
    const draws = [0, 1e-16, 0.5, 0, 0, 0.5]; // per bid: the jitter's draw (on time), then 1 − u1 and u2
    expect(observeBestBids(bids, [0], 1500, 300, replay(draws), 0.02)).toStrictEqual([1 + 1e-12]);
    expect(referenceObserve(bids, [0], 1500, 300, replay(draws), 0.02)).toStrictEqual([1 + 1e-12]);
  });

  it('takes the same draws as the reference: a second call continues the stream where the reference does', () => {
    fc.assert(
      fc.property(sd, fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 4 }), fc.array(draw, { minLength: 1, maxLength: 50 }), (s, amounts, uniforms) => {
        const bids = amounts.map((amount, k): Bid => ({ bidderId: `b${k}`, amount, timeMs: 1000 + 150 * k }));
        const mine = replay(uniforms);
        const theirs = replay(uniforms);
        for (let call = 0; call < 3; call++) {
          const got = observeBestBids(bids, [100, 200], 1500, 300, mine, s);
          const want = referenceObserve(bids, [100, 200], 1500, 300, theirs, s);
          expect(sameNumbers(got, want)).toBe(true);
        }
        expect(mine()).toBe(theirs());
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a bid cut-off only for the same deadline and jitter: calls alternating between two settings match the reference', () => {
    const bids: Bid[] = [{ bidderId: 'a', amount: 2, timeMs: 900 }, { bidderId: 'b', amount: 3, timeMs: 1300 }];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(1100, 1500, 1401), fc.constantFrom(1, 300)), { minLength: 2, maxLength: 6 }), fc.array(draw, { minLength: 4, maxLength: 40 }), (settings, uniforms) => {
        const mine = replay(uniforms);
        const theirs = replay(uniforms);
        for (const [deadlineMs, jitterMs] of settings) {
          expect(sameNumbers(observeBestBids(bids, [100, 0], deadlineMs, jitterMs, mine, 0.02), referenceObserve(bids, [100, 0], deadlineMs, jitterMs, theirs, 0.02))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('observeBestBids, members whose observation is unread', () => {
  it('an unread member takes its draws but observes NaN; every other member observes what it would have, and the stream ends at the same draw', () => {
    const draw = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0.02),
        fc.constantFrom(0, 300),
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.array(draw, { minLength: 1, maxLength: 50 }),
        (sd, jitterMs, amounts, unread, uniforms) => {
          const bids = amounts.map((amount, k): Bid => ({ bidderId: `b${k}`, amount, timeMs: 1000 + 150 * k }));
          const latencies = unread.map((_, j) => 50 * (j % 3));
          const mine = replay(uniforms);
          const theirs = replay(uniforms);
          const got = observeBestBids(bids, latencies, 1500, jitterMs, mine, sd, [], unread);
          const want = referenceObserve(bids, latencies, 1500, jitterMs, theirs, sd).map((o, j) => (unread[j] ? Number.NaN : o));
          expect(sameNumbers(got, want)).toBe(true);
          expect(mine()).toBe(theirs());
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('observeBestBidsDrawn: the misreading from uniforms drawn in bulk', () => {
  it('observes what observeBestBids observes from a source drawing the same uniforms (after an offset), unread members included', () => {
    const draw = fc.oneof(fc.constantFrom(0, 0.25, 0.2500001, 0.75, 1 - 0.13534, 1 - 0.01111, 0.999999999), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));
    fc.assert(
      fc.property(
        fc.constantFrom(0.02, 0.3),
        fc.constantFrom(0, 300),
        fc.array(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(-1, -0, Number.NaN)), { maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.array(draw, { minLength: 1, maxLength: 80 }),
        fc.nat(5),
        (sd, jitterMs, amounts, unread, uniforms, offset) => {
          const bids = amounts.map((amount, k): Bid => ({ bidderId: `b${k}`, amount, timeMs: 900 + 200 * k }));
          const latencies = unread.map((_, j) => 50 * (j % 3));
          const count = latencies.length * bids.length * (jitterMs > 0 ? 3 : 2);
          const source = replay(uniforms);
          const drawn = new Float64Array(offset + count).fill(Number.NaN);
          for (let k = 0; k < count; k++) drawn[offset + k] = source();
          const got = observeBestBidsDrawn(bids, latencies, 1500, jitterMs, drawn, offset, sd, [], unread);
          const want = observeBestBids(bids, latencies, 1500, jitterMs, replay(uniforms), sd, [], unread);
          const reference = referenceObserve(bids, latencies, 1500, jitterMs, replay(uniforms), sd).map((o, j) => (unread[j] ? Number.NaN : o));
          expect(sameNumbers(got, want)).toBe(true);
          expect(sameNumbers(got, reference)).toBe(true);
          expect(misreadDrawCount(latencies.length, bids.length, jitterMs)).toBe(count);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('checks its parameters as observeBestBids does, and wants a misreading', () => {
    const bids: Bid[] = [{ bidderId: 'a', amount: 1, timeMs: 0 }];
    expect(() => observeBestBidsDrawn(bids, [-1], 1500, 300, new Float64Array(3), 0, 0.02)).toThrow(RangeError);
    expect(() => observeBestBidsDrawn(bids, [0], 1500, 300, new Float64Array(3), 0, 0)).toThrow(RangeError);
  });
});
