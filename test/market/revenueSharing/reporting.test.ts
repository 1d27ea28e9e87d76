import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committeeFloorReplacing, floorRules, type FloorRule } from '../../../src/market/mechanisms/committee.js';
import {
  attestedFloor,
  isFlagged,
  leastUnflaggedCommitteeReport,
  naiveReport,
  settleReport,
  strategicReport,
} from '../../../src/market/revenueSharing/reporting.js';

// A detector with lower bound L flags a report r̂ iff r̂ < (1 − tolerance)·L (DESIGN.md §6).
// The committee floor is the floorRank-th largest attestation: majority ⌈n/2⌉, min n, max 1
// (committee.ts, after Drake's "MEV burn—a simple design", ethresear.ch/t/15590).

const allRules: readonly FloorRule[] = floorRules;

describe('isFlagged', () => {
  it('flags only reports strictly below (1 − tolerance)·bound', () => {
    expect(isFlagged(99, 100, 0)).toBe(true);
    expect(isFlagged(100, 100, 0)).toBe(false); // equal: not flagged
    expect(isFlagged(101, 100, 0)).toBe(false);
    expect(isFlagged(0, 0, 0)).toBe(false);
  });

  it('tolerance widens the band', () => {
    // (1 − 0.05)·100 = 95: a report of 95 sits on the edge and is not flagged;
    // (1 − 0.04)·100 = 96 > 95: flagged.
    expect(isFlagged(95, 100, 0.05)).toBe(false);
    expect(isFlagged(95, 100, 0.04)).toBe(true);
    expect(isFlagged(94, 100, 0.05)).toBe(true);
    // tolerance 1: the band is everything ≥ 0.
    expect(isFlagged(0, 100, 1)).toBe(false);
  });

  it('float noise below the bound is not flagged', () => {
    expect(isFlagged(100 * (1 - 1e-12), 100, 0)).toBe(false);
    // 0.1 + 0.2 summed in another order: 0.30000000000000004 vs 0.3.
    expect(isFlagged(0.3, 0.1 + 0.2, 0)).toBe(false);
    // ...but a relative gap of 1e-6 is a real under-report.
    expect(isFlagged(100 * (1 - 1e-6), 100, 0)).toBe(true);
  });
});

describe('attestedFloor', () => {
  const five = [10, 10, 10, 10, 10];
  const mask = (n: number, c: number) => Array.from({ length: n }, (_, j) => j < c);

  it('majority of n = 5 (rank ⌈5/2⌉ = 3): 2 colluders cannot move the floor, 3 can', () => {
    // 2 colluders: attestations [4, 4, 10, 10, 10], 3rd largest = 10.
    expect(attestedFloor(five, mask(5, 2), 4, 'majority')).toBe(10);
    // 3 colluders: [4, 4, 4, 10, 10], 3rd largest = 4.
    expect(attestedFloor(five, mask(5, 3), 4, 'majority')).toBe(4);
  });

  it('uses the colluders’ position, not their index order', () => {
    const observed = [7, 3, 12, 5, 9];
    // Colluders 2 and 4 attest 1: [7, 3, 1, 5, 1] → sorted [7, 5, 3, 1, 1], 3rd largest = 3.
    expect(attestedFloor(observed, [false, false, true, false, true], 1, 'majority')).toBe(3);
    // No colluders: [12, 9, 7, 5, 3] → 7.
    expect(attestedFloor(observed, [false, false, false, false, false], 1, 'majority')).toBe(7);
  });

  it('min rule: one colluder pulls the floor down to the report', () => {
    expect(attestedFloor(five, mask(5, 0), 4, 'min')).toBe(10);
    expect(attestedFloor(five, mask(5, 1), 4, 'min')).toBe(4);
    // A report above every observation does not raise the min floor.
    expect(attestedFloor(five, mask(5, 4), 12, 'min')).toBe(10);
  });

  it('max rule: the floor stays at the largest honest observation unless all collude', () => {
    expect(attestedFloor(five, mask(5, 4), 4, 'max')).toBe(10);
    expect(attestedFloor(five, mask(5, 5), 4, 'max')).toBe(4);
    expect(attestedFloor([3, 8, 5], [false, true, false], 1, 'max')).toBe(5);
    // A colluder attesting more than everyone sets the max floor.
    expect(attestedFloor([3, 8, 5], [false, true, false], 20, 'max')).toBe(20);
  });

  it('collusion threshold: majority detects r̂ < R iff c ≤ n − ⌈n/2⌉ = ⌊n/2⌋', () => {
    // All honest members observe R. The floor is R iff at least ⌈n/2⌉ honest members remain,
    // n − c ≥ ⌈n/2⌉ ⇔ c ≤ n − ⌈n/2⌉ = ⌊n/2⌋; else the floor is r̂ itself and r̂ < r̂ is false.
    const R = 10;
    const report = 4;
    for (let n = 1; n <= 9; n++) {
      for (let c = 0; c <= n; c++) {
        const floor = attestedFloor(new Array<number>(n).fill(R), mask(n, c), report, 'majority');
        const detected = isFlagged(report, floor, 0);
        expect(detected, `n = ${n}, c = ${c}`).toBe(c <= Math.floor(n / 2));
        expect(floor, `n = ${n}, c = ${c}`).toBe(c <= n - Math.ceil(n / 2) ? R : report);
      }
    }
  });
});

describe('leastUnflaggedCommitteeReport', () => {
  it('concrete: honest majority pins the report to (1 − tol)·the ⌈n/2⌉-th largest honest observation', () => {
    const observed = [7, 3, 12, 5, 9];
    const none = [false, false, false, false, false];
    // Floor 7 whatever the report below 7: least safe report (1 − 0.1)·7 = 6.3.
    expect(leastUnflaggedCommitteeReport(observed, none, 'majority', 0.1)).toBeCloseTo(6.3, 12);
    expect(leastUnflaggedCommitteeReport(observed, none, 'majority', 0)).toBe(7);
    // Colluders 2 (12) and 4 (9) attest the report: honest [7, 3, 5] plus two copies of r̂.
    // For r̂ < 3 the 3rd largest is 3, so r̂ = 3 is the least safe report.
    expect(leastUnflaggedCommitteeReport(observed, [false, false, true, false, true], 'majority', 0)).toBe(3);
    // Three colluders out of five: fewer than ⌈5/2⌉ honest members, any report (even 0) passes.
    expect(leastUnflaggedCommitteeReport([10, 10, 10, 10, 10], [true, true, true, false, false], 'majority', 0)).toBe(0);
    // min rule with one colluder: the floor is min(r̂, honest) ≤ r̂, never flagged.
    expect(leastUnflaggedCommitteeReport([10, 10, 10], [true, false, false], 'min', 0)).toBe(0);
    // max rule, one honest member at 8: floor = max(r̂, 8); least safe report 8.
    expect(leastUnflaggedCommitteeReport([2, 8, 5], [true, false, true], 'max', 0)).toBe(8);
  });

  it('the returned report is not flagged; 0.999 of it is', () => {
    const cases: [number[], boolean[], FloorRule, number][] = [
      [[7, 3, 12, 5, 9], [false, false, false, false, false], 'majority', 0.1],
      [[7, 3, 12, 5, 9], [false, false, true, false, true], 'majority', 0],
      [[2, 8, 5], [true, false, true], 'max', 0.2],
      [[4, 6, 1, 9], [false, false, false, false], 'min', 0.05], // floor 1 → r = 0.95
    ];
    for (const [observed, colluding, rule, tol] of cases) {
      const r = leastUnflaggedCommitteeReport(observed, colluding, rule, tol);
      expect(r).toBeGreaterThan(0);
      expect(isFlagged(r, attestedFloor(observed, colluding, r, rule), tol)).toBe(false);
      const smaller = 0.999 * r;
      expect(isFlagged(smaller, attestedFloor(observed, colluding, smaller, rule), tol)).toBe(true);
    }
  });

  const committeeArb = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.record({
      observed: fc.array(
        fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
        { minLength: n, maxLength: n },
      ),
      colluding: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      rule: fc.constantFrom(...allRules),
      tolerance: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    }),
  );

  it('brute force: least means unflagged and anything noticeably smaller is flagged', () => {
    fc.assert(
      fc.property(committeeArb, ({ observed, colluding, rule, tolerance }) => {
        const flaggedAt = (x: number) => isFlagged(x, attestedFloor(observed, colluding, x, rule), tolerance);
        const r = leastUnflaggedCommitteeReport(observed, colluding, rule, tolerance);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(flaggedAt(r)).toBe(false);
        if (r > 0) expect(flaggedAt(r * (1 - 1e-6) - 1e-9)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('closed form: (1 − tol) × the floor attested with the colluders at 0', () => {
    // The floor as a function of r̂ is clamp(r̂, A, B) with A = the floor when the colluders
    // attest 0; r̂ ≥ A is never flagged and r̂ < A is flagged iff r̂ < (1 − tol)·A, so the
    // least safe report is (1 − tol)·A.
    fc.assert(
      fc.property(committeeArb, ({ observed, colluding, rule, tolerance }) => {
        const A = attestedFloor(observed, colluding, 0, rule);
        const r = leastUnflaggedCommitteeReport(observed, colluding, rule, tolerance);
        expect(Math.abs(r - (1 - tolerance) * A)).toBeLessThanOrEqual(1e-9 * A + 1e-12);
      }),
      { numRuns: 1000 },
    );
  });

  it('upward closure: every report ≥ the least safe one is unflagged', () => {
    fc.assert(
      fc.property(
        committeeArb,
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2e6, noNaN: true })),
        ({ observed, colluding, rule, tolerance }, extra) => {
          const r = leastUnflaggedCommitteeReport(observed, colluding, rule, tolerance);
          // Also try every honest observation and (1 − tol)× it that lies above r.
          const higher = [r + extra, ...observed, ...observed.map((o) => (1 - tolerance) * o)].filter((x) => x >= r);
          for (const x of higher) {
            expect(isFlagged(x, attestedFloor(observed, colluding, x, rule), tolerance), `report ${x}`).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('strategicReport', () => {
  it('no detectors: the least safe report is 0', () => {
    expect(strategicReport(100, [], 0.8, null)).toBe(0);
  });

  it('every detector must pass: the largest safe report, never above the truth', () => {
    expect(strategicReport(100, [60, 70], 0.8, null)).toBe(70);
    expect(strategicReport(100, [60, 130], 0.8, null)).toBe(100);
    // A negative bound is as good as no bound.
    expect(strategicReport(100, [-5], 0.8, null)).toBe(0);
  });

  it('stake bound: lies iff the hidden part·(true − safe) exceeds a·B', () => {
    // hidden = 0.75·(100 − 60) = 30 (exact in binary).
    const a = 0.5;
    expect(strategicReport(100, [60], 0.75, { bondY: 59, auditProbability: a })).toBe(60); // 30 > 29.5: lie
    expect(strategicReport(100, [60], 0.75, { bondY: 60, auditProbability: a })).toBe(100); // 30 = 30: truth
    expect(strategicReport(100, [60], 0.75, { bondY: 61, auditProbability: a })).toBe(100); // 30 < 30.5: truth
    // No audits: any positive hidden amount is worth hiding.
    expect(strategicReport(100, [60], 0.75, { bondY: 1e9, auditProbability: 0 })).toBe(60);
    // Certain audit and a bond of 40 (> 30 hidden): truth; bond 20 (< 30): lie.
    expect(strategicReport(100, [60], 0.75, { bondY: 40, auditProbability: 1 })).toBe(100);
    expect(strategicReport(100, [60], 0.75, { bondY: 20, auditProbability: 1 })).toBe(60);
    // With no detectors the safe report is 0: hidden = 0.5·100 = 50 vs a·B = 0.25·100 = 25.
    expect(strategicReport(100, [], 0.5, { bondY: 100, auditProbability: 0.25 })).toBe(0);
    expect(strategicReport(100, [], 0.5, { bondY: 300, auditProbability: 0.25 })).toBe(100);
  });
});

describe('naiveReport', () => {
  it('reports (1 − δ)·R', () => {
    expect(naiveReport(100, 0.25)).toBe(75);
    expect(naiveReport(100, 0)).toBe(100);
    expect(naiveReport(3, 1 / 3)).toBeCloseTo(2, 12); // "revenue is three dollars, they say two"
  });
});

describe('settleReport', () => {
  const noAudit = { audited: false, bondY: 0 };

  it('honest report, no flags: nothing hidden, recovered or slashed', () => {
    expect(settleReport(100, 100, [], 0.8, noAudit)).toEqual({
      settledY: 100,
      hiddenY: 0,
      recoveredY: 0,
      slashedY: 0,
      fromBondY: 0,
      overpaidY: 0,
    });
  });

  it('a lie of 60 on 100, flagged at 90: settled 90, hidden 32, recovered 24', () => {
    // hidden = 0.8·(100 − 60) = 32; raising to 90 wins back 0.8·(90 − 60) = 24; 8 stays hidden.
    const s = settleReport(100, 60, [90], 0.8, noAudit);
    expect(s.settledY).toBe(90);
    expect(s.hiddenY).toBeCloseTo(32, 12);
    expect(s.recoveredY).toBeCloseTo(24, 12);
    expect(s.slashedY).toBe(0);
    expect(s.fromBondY).toBe(0);
    expect(s.overpaidY).toBe(0);
  });

  it('the largest flagged bound counts', () => {
    const s = settleReport(100, 60, [70, 90, 80], 0.8, noAudit);
    expect(s.settledY).toBe(90);
    expect(s.recoveredY).toBeCloseTo(24, 12);
  });

  it('audited lie: the whole bond is forfeited, the rollups recover up to what is still hidden', () => {
    // Bond 5 < 8 still hidden: all 5 goes to the rollups, recovered 24 + 5 = 29.
    const small = settleReport(100, 60, [90], 0.8, { audited: true, bondY: 5 });
    expect(small.slashedY).toBe(5);
    expect(small.fromBondY).toBeCloseTo(5, 12);
    expect(small.recoveredY).toBeCloseTo(29, 12);
    // Bond 50 > 8: slashed 50, only 8 recovered from it (the rest burned), recovered 32 = hidden.
    const large = settleReport(100, 60, [90], 0.8, { audited: true, bondY: 50 });
    expect(large.slashedY).toBe(50);
    expect(large.fromBondY).toBeCloseTo(8, 12);
    expect(large.recoveredY).toBeCloseTo(32, 12);
    expect(large.hiddenY).toBeCloseTo(32, 12);
    // No flags at all: the bond alone recovers min(32, 50) = 32.
    const unflagged = settleReport(100, 60, [], 0.8, { audited: true, bondY: 50 });
    expect(unflagged.settledY).toBe(60);
    expect(unflagged.fromBondY).toBeCloseTo(32, 12);
    expect(unflagged.recoveredY).toBeCloseTo(32, 12);
  });

  it('an unaudited lie keeps the bond', () => {
    const s = settleReport(100, 60, [90], 0.8, { audited: false, bondY: 50 });
    expect(s.slashedY).toBe(0);
    expect(s.fromBondY).toBe(0);
    expect(s.recoveredY).toBeCloseTo(24, 12);
  });

  it('false alarm: an honest report flagged at 110 overpays 0.8·10 = 8', () => {
    const s = settleReport(100, 100, [110], 0.8, noAudit);
    expect(s.settledY).toBe(110);
    expect(s.hiddenY).toBe(0);
    expect(s.recoveredY).toBe(0);
    expect(s.overpaidY).toBeCloseTo(8, 12);
  });

  it('an audit of an honest report never slashes', () => {
    for (const flags of [[], [90], [110]]) {
      const s = settleReport(100, 100, flags, 0.8, { audited: true, bondY: 50 });
      expect(s.slashedY).toBe(0);
      expect(s.fromBondY).toBe(0);
      expect(s.hiddenY).toBe(0);
    }
    // Nor one of an over-report.
    expect(settleReport(100, 120, [], 0.8, { audited: true, bondY: 50 }).slashedY).toBe(0);
  });

  it('invariants: 0 ≤ recovered ≤ hidden, fromBond ≤ slashed', () => {
    const amount = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.array(amount, { maxLength: 3 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        amount,
        (trueY, reportY, flags, part, audited, bondY) => {
          const s = settleReport(trueY, reportY, flags, part, { audited, bondY });
          const eps = 1e-9 * (1 + trueY);
          expect(s.hiddenY).toBeGreaterThanOrEqual(0);
          expect(s.recoveredY).toBeGreaterThanOrEqual(-eps);
          expect(s.recoveredY).toBeLessThanOrEqual(s.hiddenY + eps);
          expect(s.fromBondY).toBeLessThanOrEqual(s.slashedY);
          expect(s.overpaidY).toBeGreaterThanOrEqual(0);
          expect(s.settledY).toBeGreaterThanOrEqual(reportY);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('attestedFloor equals committeeFloorReplacing bit for bit', () => {
  it('for any observations (ties, ±0, non-finite), colluders, report and rule', () => {
    const value = fc.oneof(
      fc.constantFrom(0, -0, 1, 2, 2.5, 8, 10, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.double({ min: -5, max: 20, noNaN: true }),
      fc.double({ min: 9.5, max: 10.5, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, fc.boolean()), { minLength: 1, maxLength: 20 }),
        fc.oneof(value, fc.constantFrom(8, 9.9, 10)),
        fc.constantFrom(...allRules),
        (members, reportY, rule) => {
          const observed = members.map(([o]) => o);
          const colluding = members.map(([, c]) => c);
          expect(Object.is(attestedFloor(observed, colluding, reportY, rule), committeeFloorReplacing(observed, colluding, reportY, rule))).toBe(true);
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('picks the same entry among ±0 ties, and the report when the rank falls among the colluders', () => {
    expect(Object.is(attestedFloor([-0, 0, 5], [false, false, false], 3, 'min'), committeeFloorReplacing([-0, 0, 5], [false, false, false], 3, 'min'))).toBe(true);
    expect(Object.is(attestedFloor([0, -0, 5], [false, false, false], 3, 'min'), -0)).toBe(true);
    expect(attestedFloor([10, 9, 1, 1, 1], [false, false, true, true, false], 4, 'majority')).toBe(4); // 10, 9, 4, 4, 1: the 3rd
    expect(attestedFloor([10, 9, 1, 1, 1], [false, false, true, true, false], 4, 'min')).toBe(1);
  });
});

describe('attestedFloor among ties', () => {
  it('takes the first tied entry by index at the rank, as a stable sort does (±0 told apart)', () => {
    const cases: [number[], FloorRule][] = [[[5, -0, 0, 1], 'majority'], [[5, 0, -0, 1], 'majority'], [[-0, 0, 0, -0], 'max'], [[0, -0, 3, 3, -0], 'min'], [[3, 0, 3, -0, 0, 1], 'majority']];
    for (const [observed, rule] of cases) {
      const none = observed.map(() => false);
      expect(Object.is(attestedFloor(observed, none, 2, rule), committeeFloorReplacing(observed, none, 2, rule))).toBe(true);
    }
    expect(Object.is(attestedFloor([5, -0, 0], [false, false, false], 2, 'majority'), -0)).toBe(true); // 5, −0, 0: the 2nd is the −0, the first of the tie
  });
});
