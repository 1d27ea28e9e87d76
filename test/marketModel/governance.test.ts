import { describe, expect, it } from 'vitest';
import { arbitrageurs, twoRollups, expectResumesExactly } from './fixtures.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { Row } from '../../src/engine/recorder.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/*
 * Rollup governance (DESIGN.md §6; the panel's "music festival", seeds/004: "if the bands realize
 * the music festival organizer is taking all the profit, we're just going to run our own"). Each
 * epoch a member compares what it received with Σ (v({r}) − cost); a rollup outside compares its
 * own revenue − cost with the share it would have had. K bad epochs in a row → it switches.
 */

const slotsPerEpoch = 8;

const world = (revenueSharing: Record<string, unknown>, slots = 640) =>
  resolveMarketConfig({
    seed: 21,
    slots,
    clock: { slotsPerEpoch },
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.2 },
    rollups: twoRollups,
    searchers: [
      ...arbitrageurs,
      { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'atomic', bidFraction: 0.9 },
    ],
    builders: [{ id: 'b1', margin: 0.1 }, { id: 'b2', skill: 0.7, margin: 0.05 }],
    validators: [{ id: 'v1', stake: 1 }, { id: 'v2', stake: 2 }],
    revenueSharing,
  });

function run(config: ReturnType<typeof world>) {
  const rows: Row[] = [];
  const summary = runMarket(config, { onRow: (r) => void rows.push(r) });
  const of = (id: string) => rows.filter((r) => r.rollup === id);
  return { rows, summary, A: of('A'), B: of('B') };
}

const num = (r: Row, k: string) => r[k] as number;

/**
 * The governance rule replayed from the slot table alone: per epoch, received = Σ revenue_share_y −
 * own_sequencer_cost_y and the other option = Σ alternative_y; returns the membership each epoch
 * should have had.
 */
function replay(rows: readonly Row[], patience: number, canReturn = true): boolean[] {
  const epochs = rows.length / slotsPerEpoch;
  const member = [true];
  let bad = 0;
  for (let e = 0; e < epochs - 1; e++) {
    const slice = rows.slice(e * slotsPerEpoch, (e + 1) * slotsPerEpoch);
    const received = slice.reduce((a, r) => a + num(r, 'revenue_share_y') - num(r, 'own_sequencer_cost_y'), 0);
    const other = slice.reduce((a, r) => a + num(r, 'alternative_y'), 0);
    bad = other > received ? bad + 1 : 0;
    let m = member[e]!;
    if (bad >= patience && (m || canReturn)) {
      m = !m;
      bad = 0;
    }
    member.push(m);
  }
  return member;
}

const membershipByEpoch = (rows: readonly Row[]) => rows.filter((_, i) => i % slotsPerEpoch === 0).map((r) => r.member as boolean);

describe('rollup governance', () => {
  it('a rollup paid nothing (fixed shares [1, 0]) leaves after exactly K epochs and, with nothing to gain back, stays out', () => {
    const K = 3;
    const { A, B, summary } = run(world({ rule: { name: 'fixed', shares: [1, 0] }, governance: { enabled: true, patienceEpochs: K } }));
    // Its standalone value is positive in each of the first K epochs, so each is a bad epoch.
    for (let e = 0; e < K; e++) expect(B.slice(e * slotsPerEpoch, (e + 1) * slotsPerEpoch).reduce((a, r) => a + num(r, 'standalone_value_y'), 0)).toBeGreaterThan(0);
    const firstOut = B.findIndex((r) => !r.member);
    expect(firstOut).toBe(K * slotsPerEpoch);
    expect(B.slice(firstOut).every((r) => !r.member)).toBe(true);
    expect(A.every((r) => r.member)).toBe(true);
    expect(summary.rollups.map((r) => [r.departures, r.returns])).toEqual([[0, 0], [1, 0]]);
    expect(summary.rollups[1]!.member_share).toBeCloseTo(K / 80, 12);
    // Outside, it runs its own sequencer: it keeps its own block's revenue, and auctions alone.
    for (const r of B.slice(firstOut)) expect(r.revenue_share_y).toBe(r.proposer_revenue_y);
    // Atomic cross-rollup bundles need one sequencer for both legs: once B is out they are sent split.
    expect(B.slice(firstOut).some((r) => num(r, 'cross_arb_legs') > 0)).toBe(true);
  });

  it('a cost of running one\'s own sequencer above its standalone value keeps a rollup in, even when paid nothing', () => {
    const { B, summary } = run(world({ rule: { name: 'fixed', shares: [1, 0] }, governance: { enabled: true, patienceEpochs: 1, ownSequencerCostY: { B: 1e9 } } }));
    expect(B.every((r) => r.member)).toBe(true);
    expect(summary.rollups[1]!.departures).toBe(0);
  });

  it('membership follows the rule replayed from the slot table, epoch by epoch (leaving and returning under a lying proposer)', () => {
    // A proposer hiding 90% drives members out; outside, running a sequencer costs, and the share they
    // expect inside (assuming an honest report) draws them back: the repeated game cycles.
    const config = world(
      { rule: { name: 'shapley' }, reporting: { delta: 0.9 }, governance: { enabled: true, patienceEpochs: 2, ownSequencerCostY: 2 } },
      1600,
    );
    const { A, B, summary } = run(config);
    for (const rows of [A, B]) {
      expect(membershipByEpoch(rows)).toEqual(replay(rows, 2));
      // Membership changes only at epoch boundaries.
      rows.forEach((r, i) => i % slotsPerEpoch !== 0 && expect(r.member).toBe(rows[i - 1]!.member));
    }
    expect(summary.rollups.some((r) => r.departures >= 2 && r.returns >= 1)).toBe(true);
  });

  it('canReturn: false keeps a rollup out once it has left', () => {
    const config = world({ rule: { name: 'shapley' }, reporting: { delta: 0.9 }, governance: { enabled: true, patienceEpochs: 2, ownSequencerCostY: 2, canReturn: false } }, 1600);
    const { A, B, summary } = run(config);
    for (const rows of [A, B]) expect(membershipByEpoch(rows)).toEqual(replay(rows, 2, false));
    expect(summary.rollups.every((r) => r.returns === 0)).toBe(true);
    expect(summary.rollups.some((r) => r.departures === 1)).toBe(true);
  });

  it('under mev-burn the game is the proposer\'s revenue, burn excluded: with everything burned, v({r}) = 0 and nobody leaves', () => {
    const config = resolveMarketConfig({ ...world({ rule: { name: 'shapley' }, governance: { enabled: true, patienceEpochs: 1 } }), mechanism: { name: 'mev-burn', latencyJitterMs: 0 } });
    const { rows, summary } = run(config);
    expect(summary.totals.burned_y).toBeGreaterThan(0);
    expect(summary.totals.proposer_revenue_y).toBe(0);
    expect(rows.every((r) => r.standalone_value_y === 0 && r.member)).toBe(true);
  });

  it('a run with governance and a lying proposer, checkpointed and restored mid-epoch, continues exactly as a straight run', () => {
    const config = world(
      {
        rule: { name: 'drop-out', rounds: 50 },
        reporting: { delta: 'strategic', detection: { committee: { committeeSize: 5, valueNoiseLogSd: 0.05 }, stakeBound: { auditProbability: 0.5 } } },
        governance: { enabled: true, patienceEpochs: 2, ownSequencerCostY: 2 },
      },
      900,
    );
    expectResumesExactly(config, 333, 900);
  });
});
