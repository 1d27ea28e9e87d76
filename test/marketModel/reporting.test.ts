import { describe, expect, it } from 'vitest';
import { arbitrageurs, twoRollups } from './fixtures.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { Row } from '../../src/engine/recorder.js';
import { binomialTail } from '../../src/market/theory/committeeFloor.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/*
 * The dishonest proposer of DESIGN.md §6 (workshop transcript 003: "auction revenue is three dollar
 * signs, they lie, they say it's two") and the three detectors, in the market model. Closed forms
 * below are evaluated on inputs the model exposes (the true revenue, who proposed), never on the
 * quantities under test.
 */

type Reporting = Record<string, unknown>;

const world = (reporting: Reporting, extra: Record<string, unknown> = {}) =>
  resolveMarketConfig({
    seed: 11,
    slots: 1500,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.2 },
    rollups: twoRollups,
    searchers: [
      ...arbitrageurs,
      { kind: 'backrun', id: 'br-B', rollup: 'B' },
    ],
    builders: [{ id: 'b1', margin: 0.1 }, { id: 'b2', skill: 0.8, margin: 0.05 }, { id: 'b3', skill: 0.6, margin: 0.02 }],
    validators: [{ id: 'v1', stake: 10 }, { id: 'v2', stake: 30 }],
    revenueSharing: { rule: { name: 'shapley' }, proposerCut: 0.1, reporting },
    ...extra,
  });

function run(config: ReturnType<typeof world>) {
  const rows: Row[] = [];
  const summary = runMarket(config, { onRow: (r) => void rows.push(r) });
  // Slot-level columns repeat on every member's row: keep rollup A's.
  const slots = rows.filter((r) => r.rollup === 'A');
  return { rows, slots, summary };
}

const num = (r: Row, k: string) => r[k] as number;
const sum = (rows: readonly Row[], k: string) => rows.reduce((a, r) => a + num(r, k), 0);
/** |simulated − theory| ≤ 4 binomial standard errors. */
const withinFourSe = (hits: number, n: number, p: number) => expect(Math.abs(hits / n - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));

describe('dishonest proposer: reporting and detection in the market', () => {
  it('changes only the accounting: pools, trades and auctions are the same whatever the proposer reports', () => {
    const honest = run(world({}));
    const liar = run(world({ delta: 0.4, detection: { publicBids: {}, committee: {}, stakeBound: {} } }));
    const market = (r: Row) => [r.pool_price, r.reserve_x, r.winning_bid_y, r.proposer_revenue_y, r.builder, r.winner, r.standalone_value_y];
    expect(liar.rows.map(market)).toEqual(honest.rows.map(market));
    expect(liar.summary.reporting.lie_slots).toBeGreaterThan(1000);
  });

  it('an honest proposer is never flagged by exact detectors, and the rollups get (1 − cut) of the revenue', () => {
    const { slots, rows, summary } = run(world({ detection: { publicBids: {}, committee: { latencyJitterMs: 0 }, stakeBound: {} } }));
    expect(summary.reporting.lie_slots).toBe(0);
    expect(summary.reporting.any.false_alarms).toBe(0);
    expect(summary.reporting.hidden_y).toBe(0);
    expect(sum(rows, 'revenue_share_y')).toBeCloseTo(0.9 * sum(slots, 'true_revenue_y'), 6);
  });

  it('naive δ without detectors: the rollups lose exactly (1 − cut)·δ of the revenue', () => {
    const { slots, summary } = run(world({ delta: 0.25 }));
    const expected = 0.9 * 0.25 * sum(slots, 'true_revenue_y');
    expect(summary.reporting.hidden_y).toBeCloseTo(expected, 6);
    expect(summary.reporting.lost_y).toBeCloseTo(expected, 6);
    expect(summary.reporting.any.flagged_lies).toBe(0);
  });

  it('only the listed validators lie', () => {
    const { slots } = run(world({ delta: 0.5, dishonestValidators: ['v1'] }));
    const positive = slots.filter((r) => num(r, 'true_revenue_y') > 0);
    expect(positive.filter((r) => r.lied).every((r) => r.proposer === 'v1')).toBe(true);
    expect(positive.filter((r) => r.proposer === 'v1').every((r) => r.lied)).toBe(true);
    expect(positive.some((r) => r.proposer === 'v2' && !r.lied)).toBe(true);
  });

  it('public bids, all public, first-price: every lie is caught and corrected to the truth (the best bid is the revenue)', () => {
    const { summary } = run(world({ delta: 0.3, detection: { publicBids: { publicShare: 1 } } }));
    expect(summary.reporting.lie_slots).toBeGreaterThan(1000);
    expect(summary.reporting.public_bids!.detection_rate).toBe(1);
    expect(Math.abs(summary.reporting.lost_y)).toBeLessThan(1e-6 * summary.reporting.hidden_y);
  });

  it('public bids with a share p public: the winning bid is public with probability p, so detection ≥ p (4 SE)', () => {
    const p = 0.4;
    const { summary } = run(world({ delta: 0.05, detection: { publicBids: { publicShare: p } } }));
    const n = summary.reporting.lie_slots;
    const rate = summary.reporting.public_bids!.detection_rate!;
    expect(rate).toBeGreaterThanOrEqual(p - 4 * Math.sqrt((p * (1 - p)) / n));
    expect(rate).toBeLessThan(1);
  });

  /*
   * Noise-free members that see every bid all observe the winning bid R; a report δ·R below it is
   * caught iff the majority floor (the ⌈n/2⌉-th largest attestation) is an honest one, i.e. iff the
   * colluders, each independently with probability f, number at most n − ⌈n/2⌉:
   * P(detect) = P(Binomial(n, f) ≤ ⌊n/2⌋) = 1 − P(Binomial(n, f) ≥ ⌊n/2⌋ + 1).
   */
  it('committee with colluders: detection rate = P(Binomial(n, f) ≤ ⌊n/2⌋) within 4 SE', () => {
    for (const [n, f] of [
      [5, 0.4],
      [8, 0.55],
    ] as const) {
      const committee = { committeeSize: n, memberLatencyMs: 0, latencyJitterMs: 0, deadlineMs: 1e6, colludingFraction: f };
      const { summary } = run(world({ delta: 0.5, detection: { committee } }, { slots: 3000 }));
      const theory = 1 - binomialTail(n, f, Math.floor(n / 2) + 1);
      withinFourSe(summary.reporting.committee!.flagged_lies, summary.reporting.lie_slots, theory);
    }
  });

  /*
   * False alarms from noisy members. One builder, so the revenue R is its bid; member j observes
   * R·exp(σZ_j). An honest report R is flagged iff the majority floor exceeds R/(1 − t), i.e. iff at
   * least ⌈n/2⌉ members draw Z_j > z* = −ln(1 − t)/σ, each with probability 1 − Φ(z*):
   * P(false alarm) = P(Binomial(n, 1 − Φ(z*)) ≥ ⌈n/2⌉).
   */
  it('committee value noise: false-alarm rate on an honest proposer = P(Binomial(n, 1 − Φ(z*)) ≥ ⌈n/2⌉) within 4 SE', () => {
    const [n, sigma, t] = [7, 0.05, 0.05];
    const committee = { committeeSize: n, memberLatencyMs: 0, latencyJitterMs: 0, deadlineMs: 1e6, valueNoiseLogSd: sigma, tolerance: t };
    const { slots } = run(world({ detection: { committee } }, { slots: 4000, builders: [{ id: 'solo', margin: 0.1 }] }));
    const paid = slots.filter((r) => num(r, 'true_revenue_y') > 0);
    const alarms = paid.filter((r) => r.flag_committee).length;
    const p1 = 1 - normalCdf(-Math.log(1 - t) / sigma);
    withinFourSe(alarms, paid.length, binomialTail(n, p1, Math.ceil(n / 2)));
    expect(slots.every((r) => !r.lied)).toBe(true);
  });

  /*
   * The stake bound alone with certain audit (a = 1): a strategic proposer can hide everything
   * (no detector flags) but a proven lie forfeits its bond B = stake × stakeValueY, out of which the
   * rollups recover what was hidden. It lies only when the hidden part h = (1 − cut)·R exceeds B,
   * and then the rollups lose h − B: the stake caps what a lie can take, slot by slot
   * lost = max(0, (1 − cut)·R − B).
   */
  it('stake bound, certain audit: a strategic proposer lies only when h > B and the rollups lose exactly max(0, h − B)', () => {
    const stakeValueY = 0.5;
    const stake: Record<string, number> = { v1: 10 * stakeValueY, v2: 30 * stakeValueY };
    const { rows, slots, summary } = run(world({ delta: 'strategic', detection: { stakeBound: { stakeValueY, auditProbability: 1 } } }));
    const lost = (r: Row) => Math.max(0, 0.9 * num(r, 'true_revenue_y') - stake[r.proposer as string]!);
    const expected = slots.reduce((a, r) => a + lost(r), 0);
    expect(expected).toBeGreaterThan(0);
    expect(summary.reporting.lost_y).toBeCloseTo(expected, 6);
    for (const r of slots) expect(r.lied).toBe(0.9 * num(r, 'true_revenue_y') > stake[r.proposer as string]!);
    expect(summary.reporting.audit!.detection_rate).toBe(1);
    expect(sum(rows, 'hidden_y') - sum(rows, 'recovered_y')).toBeCloseTo(expected, 6);
  });

  it('stake bound with audit probability a: each lie is proven with probability a (4 SE)', () => {
    const a = 0.3;
    const { summary } = run(world({ delta: 0.2, detection: { stakeBound: { auditProbability: a } } }));
    withinFourSe(summary.reporting.audit!.flagged_lies, summary.reporting.lie_slots, a);
    expect(summary.reporting.audit!.false_alarms).toBe(0);
  });

  it('a strategic proposer facing every bid in public (first-price: the best bid is the revenue) has nothing it can hide', () => {
    const { summary } = run(world({ delta: 'strategic', detection: { publicBids: { publicShare: 1 } } }));
    expect(summary.reporting.lie_slots).toBe(0);
    expect(summary.reporting.hidden_y).toBe(0);
  });

  it('a strategic proposer facing exact public bids hides only what no public bid proves, and is never flagged', () => {
    const { slots, summary } = run(world({ delta: 'strategic', detection: { publicBids: { publicShare: 0.5 } } }));
    expect(summary.reporting.public_bids!.flagged_lies).toBe(0);
    for (const r of slots) expect(num(r, 'reported_revenue_y')).toBeCloseTo(Math.min(num(r, 'true_revenue_y'), num(r, 'public_bound_y')), 9);
    expect(summary.reporting.lie_slots).toBeGreaterThan(0);
  });

  it('creates each detector stream where it always did (a relay that never shows a bid draws no tie-break), and a second run in the process repeats the first', () => {
    const streamsAfter = (config: ReturnType<typeof world>) => {
      const r = MarketRun.start(config);
      r.step(200);
      return Object.keys(r.snapshot().streams).filter((p) => p.startsWith('reporting/')).sort();
    };
    const detectors = (publicShare: number) => world({ delta: 0.3, detection: { publicBids: { publicShare }, committee: {}, stakeBound: {} } });
    expect(streamsAfter(detectors(0))).toEqual(['reporting/audit', 'reporting/committee', 'reporting/public-bids']);
    expect(streamsAfter(detectors(1))).toEqual(['reporting/audit', 'reporting/committee', 'reporting/public-bids', 'reporting/public-bound']);
    // The detectors keep their streams per run: a run that drew from the last run's would differ.
    const config = world({ delta: 0.3, detection: { publicBids: { publicShare: 0.5 }, committee: {}, stakeBound: { auditProbability: 0.5 } } }, { slots: 300 });
    const first = run(config);
    expect(run(config).rows).toEqual(first.rows);
  });
});

/** Standard normal CDF via erf, Abramowitz & Stegun (1964) 7.1.26 (|error| < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
