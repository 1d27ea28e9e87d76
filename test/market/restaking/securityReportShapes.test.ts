import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCoalition, securityReport } from '../../../src/market/restaking/index.js';
import type { RestakingNetwork } from '../../../src/market/restaking/types.js';

/** The report by its definition: every coalition visited afresh (no search shared between reports). */
function reportByDefinition(net: RestakingNetwork) {
  let margin = Infinity;
  let ratio = Infinity;
  let cost0 = NaN;
  forEachCoalition(net, (_members, cost, controlled) => {
    if (controlled === 0) return;
    let profit = 0;
    for (let s = 0; s < net.services.length; s++) if ((controlled >>> s) & 1) profit += net.services[s]!.profit;
    if (profit > 0) ratio = Math.min(ratio, cost / profit);
    if (cost - profit < margin) {
      margin = cost - profit;
      cost0 = cost;
    }
  });
  return { margin, overcollateralization: ratio - 1, tightestCost: cost0 };
}

describe('securityReport reuses the coalition search of a network of the same shape', () => {
  it('equals the report by definition when only the profits change between reports (the market model each epoch)', () => {
    const net = fc.record({
      stakes: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 5 }),
      thresholds: fc.array(fc.constantFrom(1 / 3, 0.5, 2 / 3, 1), { minLength: 1, maxLength: 3 }),
      edgeBits: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 5, maxLength: 5 }),
      profits: fc.array(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
      otherThreshold: fc.constantFrom(0.25, 0.75),
    });
    fc.assert(
      fc.property(net, ({ stakes, thresholds, edgeBits, profits, otherThreshold }) => {
        // The same stakes and edges with the profits changed, and with one threshold changed (another shape).
        for (const [k, p] of profits.entries()) {
          const ts = k === 1 ? [otherThreshold, ...thresholds.slice(1)] : thresholds;
          const n: RestakingNetwork = {
            stakes,
            services: ts.map((threshold, s) => ({ threshold, profit: p[s]! })),
            restakedTo: stakes.map((_, v) => thresholds.flatMap((_, s) => ((edgeBits[v]! >>> s) & 1 ? [s] : []))),
          };
          const got = securityReport(n);
          const want = reportByDefinition(n);
          expect(got.margin).toBe(want.margin);
          expect(got.overcollateralization).toBe(want.overcollateralization);
          expect(got.tightest?.cost ?? NaN).toBe(want.tightestCost);
        }
      }),
      { numRuns: 300 },
    );
  });
});
