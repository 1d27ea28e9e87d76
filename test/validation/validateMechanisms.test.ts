import { beforeAll, describe, expect, it } from 'vitest';
import { formatValidationTable } from '../../src/validation/formatValidationTable.js';
import { judge } from '../../src/validation/statistics.js';
import {
  caseLabels,
  validateMechanisms,
  type ValidationRow,
} from '../../src/validation/validateMechanisms.js';
import { defaultValidationCases } from '../../src/validation/validationCase.js';

const rounds = 20_000;
const find = (rows: readonly ValidationRow[], label: string, measure: string) =>
  rows.find((r) => r.case === label && r.measure === measure)!;

describe('validateMechanisms: simulation meets theory', () => {
  let rows: ValidationRow[] = [];
  let cpuMs = Number.NaN;
  beforeAll(() => {
    // CPU time, not wall time: on a loaded machine the wall clock says more about the neighbours.
    const started = process.cpuUsage();
    rows = validateMechanisms({ masterSeed: 2024, rounds });
    const used = process.cpuUsage(started);
    cpuMs = (used.user + used.system) / 1000;
  });

  it('every row of the default cases passes, in well under 10 s of CPU time', () => {
    const failing = rows.filter((r) => !r.pass);
    expect(failing, formatValidationTable(failing)).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
    expect(cpuMs).toBeLessThan(10_000);
  });

  it("compares against the essay's closed forms for values (4, 2)", () => {
    expect(find(rows, 'tullock', 'revenue').theory).toBeCloseTo(4 / 3, 12);
    expect(find(rows, 'tullock', 'allocation-1').theory).toBeCloseTo(2 / 3, 12);
    expect(find(rows, 'tullock', 'fairness').theory).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(find(rows, 'first-price', 'revenue').theory).toBeCloseTo(2, 5); // 2 + ε
    expect(find(rows, 'first-price', 'fairness').theory).toBe(0);
    expect(find(rows, 'all-pay', 'revenue').theory).toBeCloseTo(1.5, 12); // BKdV 1996
    expect(find(rows, 'order-flow-auction', 'rebate').theory).toBeCloseTo(1, 12); // 0.5 × 2
  });

  it('tolerances come from the sample: mixed strategies get positive width, pure play ~0', () => {
    expect(find(rows, 'all-pay', 'revenue').tolerance).toBeGreaterThan(0.01);
    expect(find(rows, 'tullock', 'allocation-1').tolerance).toBeCloseTo(4 * Math.sqrt(2 / 9 / rounds), 3);
    expect(find(rows, 'tullock', 'revenue').tolerance).toBeLessThan(1e-8);
  });

  it('is reproducible: the same seed gives identical rows, another seed different ones', () => {
    const cases = defaultValidationCases.slice(0, 2);
    const a = validateMechanisms({ masterSeed: 'r', rounds: 2000, cases });
    const b = validateMechanisms({ masterSeed: 'r', rounds: 2000, cases });
    const c = validateMechanisms({ masterSeed: 's', rounds: 2000, cases });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('can fail: a wrong theory value is rejected by the same test', () => {
    const row = find(rows, 'tullock', 'allocation-1');
    expect(judge(row.simulated, row.theory, row.tolerance)).toBe(true);
    // The theory of a winner-take-all allocation (x1 = 1) or of equal split (1/2) is rejected.
    expect(judge(row.simulated, 1, row.tolerance)).toBe(false);
    expect(judge(row.simulated, 0.5, row.tolerance)).toBe(false);
    const burn = find(rows, 'mev-burn', 'burned');
    expect(judge(burn.simulated, 2, burn.tolerance)).toBe(false); // "the whole bid is burned"
  });

  it('can fail: play that departs from the theory (bidders act on values (4, 3)) fails', () => {
    const misplayed = validateMechanisms({
      masterSeed: 2024,
      rounds,
      cases: [
        { mechanism: 'tullock', values: [4, 2], playedValues: [4, 3] },
        { mechanism: 'all-pay', values: [4, 2], playedValues: [4, 3] },
        { mechanism: 'first-price', values: [4, 2], playedValues: [4, 3] },
      ],
    });
    for (const label of ['tullock', 'all-pay', 'first-price']) {
      expect(find(misplayed, label, 'revenue').pass).toBe(false);
    }
    // Tullock (4, 3): x1 = 4/7 ≈ 0.571, far outside the band around 2/3.
    expect(find(misplayed, 'tullock', 'allocation-1').pass).toBe(false);
  });

  it('labels repeated mechanisms uniquely and validates its options', () => {
    expect(caseLabels([{ mechanism: 'tullock', values: [1, 1] }, { mechanism: 'tullock', values: [2, 1] }]))
      .toEqual(['tullock', 'tullock#2']);
    expect(() => validateMechanisms({ masterSeed: 1, rounds: 1 })).toThrow(/rounds/);
    expect(() =>
      validateMechanisms({ masterSeed: 1, rounds: 10, cases: [{ mechanism: 'tullock', values: [3, 2, 1], alpha: 2 }] }),
    ).toThrow(/closed form/);
  });
});

describe('formatValidationTable', () => {
  it('prints an aligned table with a header, one line per row and a summary', () => {
    const rows: ValidationRow[] = [
      { case: 'tullock', mechanism: 'tullock', measure: 'revenue', simulated: 4 / 3, theory: 4 / 3, tolerance: 1e-9, pass: true },
      { case: 'all-pay', mechanism: 'all-pay', measure: 'allocation-1', simulated: 0.7, theory: 0.75, tolerance: 0.01, pass: false },
    ];
    const lines = formatValidationTable(rows).split('\n');
    expect(lines[0]).toMatch(/^case\s+mechanism\s+measure\s+simulated\s+theory\s+tolerance\s+pass$/);
    expect(lines[2]).toContain('1.333333');
    expect(lines[2]!.endsWith('PASS')).toBe(true);
    expect(lines[3]!.endsWith('FAIL')).toBe(true);
    // Numbers are right-aligned: the columns end at the same offset on every line.
    expect(lines[2]!.indexOf('PASS')).toBe(lines[3]!.indexOf('FAIL'));
    expect(lines.at(-1)).toBe('1/2 rows pass (1 FAIL)');
  });
});
