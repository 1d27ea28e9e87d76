import { describe, expect, it } from 'vitest';
import { expectResumesExactly } from './fixtures.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { Row } from '../../src/engine/recorder.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { decideOptIn, payOperators, sequencerStakes } from '../../src/marketModel/restaking.js';

/*
 * Restaking for the shared sequencer (config `restaking`, src/marketModel/restaking.ts): only the
 * opted-in operators propose, they share revenueShare of the revenue by stake, and each epoch's end
 * measures profit from corruption (PfC = valueAtRiskY + revenueEpochs × the epoch's revenue) against
 * the stake at risk of the cheapest coalition that controls the sequencer and the services restaked
 * by the same operators (Durvasula & Roughgarden, "Robust Restaking Networks", ITCS 2025, §2).
 */

const slotsPerEpoch = 16;

const config = (restaking: Record<string, unknown> | undefined, slots = 96) =>
  resolveMarketConfig({
    seed: 4,
    slots,
    clock: { slotsPerEpoch },
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 0.8 },
    rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 5000, reserveY: 10_000_000, fee: 0.003 }, users: { arrivalsPerSlot: 2, medianSizeY: 2000 } }],
    searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', bidFraction: 0.5 }],
    validators: [{ id: 'v1', stake: 10 }, { id: 'v2', stake: 20 }, { id: 'v3', stake: 30 }, { id: 'v4', stake: 40 }],
    ...(restaking ? { restaking } : {}),
  });

const restaking = { operators: ['v2', 'v3', 'v4'], stakeValueY: 10, threshold: 0.34, valueAtRiskY: 50, revenueEpochs: 2, revenueShare: 0.1, services: [{ id: 'oracle', profitFromCorruptionY: 200, threshold: 0.5, operators: 'all' }] };

function run(cfg: ReturnType<typeof config>) {
  const rows: Row[] = [];
  const summary = runMarket(cfg, { onRow: (r) => void rows.push(r) });
  return { rows, summary };
}
const num = (r: Row, k: string) => r[k] as number;

describe('restaking for the shared sequencer', () => {
  const { rows, summary } = run(config(restaking));

  it('before the first epoch ends: cost of corruption and margin of the slot-0 network, by hand', () => {
    // Stake at risk: v1..v4 = 100, 200, 300, 400 Y. The sequencer (v2–v4, 900 Y) falls to a
    // coalition with ≥ 0.34 × 900 = 306: the cheapest is {v4} = 400 ({v3} = 300 is short).
    // The oracle (everyone, 1000 Y) needs ≥ 500: {v1, v4} or {v2, v3}; {v2, v3} also controls the
    // sequencer (500 ≥ 306), so it gains 200 + PfC = 200 + 50 for 500 at risk: margin 250, the
    // smallest over all coalitions ({v4} alone: 400 − 50 = 350).
    expect(num(rows[0]!, 'restaking_coc_y')).toBe(400);
    expect(num(rows[0]!, 'restaking_pfc_y')).toBe(50);
    expect(num(rows[0]!, 'restaking_margin_y')).toBeCloseTo(250, 9);
    expect(rows[0]!.restaking_secure).toBe(true);
  });

  it('each epoch\'s profit from corruption is valueAtRiskY + revenueEpochs × that epoch\'s proposer revenue (from the slot table)', () => {
    const epochs = rows.length / slotsPerEpoch;
    for (let e = 1; e < epochs; e++) {
      const before = rows.slice((e - 1) * slotsPerEpoch, e * slotsPerEpoch);
      const revenue = before.reduce((a, r) => a + num(r, 'proposer_revenue_y'), 0);
      const shown = rows[e * slotsPerEpoch]!;
      expect(num(shown, 'restaking_pfc_y')).toBeCloseTo(50 + 2 * revenue, 6);
      expect(shown.restaking_secure).toBe(num(shown, 'restaking_margin_y') > 0);
    }
    expect(summary.restaking!.epochs).toBe(epochs);
  });

  it('only opted-in operators propose the super-block', () => {
    const proposers = new Set(rows.map((r) => r.proposer));
    expect(proposers.has('v1')).toBe(false);
    expect(proposers.size).toBeGreaterThan(1);
  });

  it('the operators\' reward moves revenue by stake and keeps its total', () => {
    const without = run(config({ ...restaking, revenueShare: 0 })).summary;
    const total = (s: typeof summary) => s.validators.reduce((a, v) => a + v.revenue_y, 0);
    expect(total(summary)).toBeCloseTo(total(without), 6);
    // revenueShare × the revenue of every completed epoch (all 96 slots here)
    const revenue = rows.reduce((a, r) => a + num(r, 'proposer_revenue_y'), 0);
    expect(summary.restaking!.rewards_y).toBeCloseTo(0.1 * revenue, 6);
    // v1 never proposes and is not an operator: it earns nothing either way
    expect(summary.validators[0]!.revenue_y).toBe(0);
    // each operator gets its stake's share of the pot, on top of 90 % of what it earned proposing
    const pot = summary.restaking!.rewards_y;
    summary.validators.slice(1).forEach((v, k) => {
      expect(v.revenue_y).toBeCloseTo(0.9 * without.validators[k + 1]!.revenue_y + (pot * [20, 30, 40][k]!) / 90, 6);
    });
  });

  it('restaking the same stake to another service lowers the margin by up to its profit', () => {
    const alone = run(config({ ...restaking, services: [] })).rows;
    // Without the oracle, at slot 0 the tightest attack is {v4} on the sequencer: 400 − 50.
    expect(num(alone[0]!, 'restaking_margin_y')).toBeCloseTo(350, 9);
    for (let i = 0; i < rows.length; i += slotsPerEpoch) {
      expect(num(rows[i]!, 'restaking_margin_y')).toBeLessThanOrEqual(num(alone[i]!, 'restaking_margin_y') + 1e-9);
      expect(num(rows[i]!, 'restaking_margin_y')).toBeGreaterThanOrEqual(num(alone[i]!, 'restaking_margin_y') - 200 - 1e-9);
    }
  });

  it('a run restored from its JSON snapshot mid-epoch continues byte-identically', () => {
    const cfg = config(restaking, 80);
    const straight = expectResumesExactly(cfg, 37, 80);
    expect(straight.restaking!.rewards_y).toBeGreaterThan(0);
  });

  it('without restaking: null in the summary, zeros and false in the table', () => {
    const off = run(config(undefined, 20));
    expect(off.summary.restaking).toBeNull();
    expect(off.rows.every((r) => r.restaking_pfc_y === 0 && r.restaking_coc_y === 0 && r.restaking_margin_y === 0 && r.restaking_secure === false)).toBe(true);
  });
});

describe('restaking.optIn: operators restake for the reward', () => {
  it('decideOptIn: each candidate in order compares the reward per unit of stake value with it in to the required yield', () => {
    // stakes 10, 20, 30, 40 (value 1 each); reward 12 Y. v1 alone in: 12/10 = 1.2 ≥ 0.2 stays.
    // v2 joining: 12/30 = 0.4 ≥ 0.2 joins; v3: 12/60 = 0.2 ≥ 0.2 joins; v4: 12/100 = 0.12 < 0.2 stays out.
    expect(decideOptIn([true, false, false, false], [0, 1, 2, 3], [10, 20, 30, 40], 12, 1, 0.2)).toEqual([true, true, true, false]);
    // All in, reward 12: v1 sees 12/100 < 0.2 and leaves (90 left), v2 12/90 < 0.2 leaves, v3 12/70
    // leaves, v4 alone sees 12/40 = 0.3 ≥ 0.2 and stays.
    expect(decideOptIn([true, true, true, true], [0, 1, 2, 3], [10, 20, 30, 40], 12, 1, 0.2)).toEqual([false, false, false, true]);
    // Reward 1: everyone leaves (v4 alone: 1/40 < 0.2); someone must propose, so the candidate with the
    // most stake comes back in — also when the last one in had no stake (a pool drained by delegators).
    expect(decideOptIn([true, true, true, true], [0, 1, 2, 3], [10, 20, 30, 40], 1, 1, 0.2)).toEqual([false, false, false, true]);
    expect(decideOptIn([true, false], [0, 1], [0, 320], 1, 1, 1e9)).toEqual([false, true]);
    // A validator that is not a candidate never moves.
    expect(decideOptIn([false, true, false, false], [1, 2], [10, 20, 30, 40], 100, 1, 0)).toEqual([false, true, true, false]);
  });

  it('operators without stake: the proposer is drawn from every validator, and no reward is taken from the proposers', () => {
    expect(sequencerStakes([true, false], [0, 5])).toEqual([0, 5]);
    expect(sequencerStakes([false, true], [3, 5])).toEqual([0, 5]);
    expect(payOperators([4, 6], [4, 6], 0.5, [0, 5], [0])).toEqual([4, 6]);
    // with stake: half of each proposer's epoch revenue (5) goes to the one operator
    expect(payOperators([4, 6], [4, 6], 0.5, [1, 5], [0])).toEqual([2 + 5, 3]);
  });

  it('a required yield above what the revenue pays empties the sequencer to its last operator, and the proposers follow', () => {
    const { rows, summary } = run(config({ ...restaking, optIn: { requiredYieldPerEpoch: 1e9 } }));
    expect(summary.restaking!.operators_in).toBe(1);
    expect(summary.restaking!.leaves).toBe(2);
    // from the second epoch on only the last operator in (v4, the last in validator order) proposes
    expect(new Set(rows.slice(slotsPerEpoch).map((r) => r.proposer))).toEqual(new Set(['v4']));
    // and the cost of corruption is its stake at risk alone: 400 Y
    expect(num(rows[slotsPerEpoch]!, 'restaking_coc_y')).toBe(400);
  });

  it('a required yield of 0 keeps every listed operator in', () => {
    const { summary } = run(config({ ...restaking, optIn: { requiredYieldPerEpoch: 0 } }));
    expect(summary.restaking!.operators_in).toBe(3);
    expect(summary.restaking!.joins + summary.restaking!.leaves).toBe(0);
  });
});
