import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { Row } from '../../src/engine/recorder.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';

/** A busy world that exercises every piece of carried-over state: builders, sandwiches, lone legs, fees. */
const config = resolveMarketConfig({
  seed: 'resume',
  slots: 600,
  reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.2, jumps: { ratePerYear: 2000 } },
  rollups: [
    { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000 }, users: { arrivalsPerSlot: 3, medianSizeY: 10_000, slippageTolerance: 0.02 } },
    { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users: { arrivalsPerSlot: 2 } },
  ],
  searchers: [
    { kind: 'cex-dex', id: 'arb-A', rollup: 'A' },
    { kind: 'sandwich', id: 'sw', rollup: 'A' },
    { kind: 'backrun', id: 'br', rollup: 'B' },
    { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'] },
  ],
  builders: [{ id: 'b1' }, { id: 'b2', skill: 0.5 }],
  validators: [{ id: 'v1', stake: 1 }, { id: 'v2', stake: 2 }],
  sequencing: { mode: 'separate', legFailureProbability: 0.4 },
  proposer: { disposal: { policy: 'sell', sellFractionPerSlot: 0.2 } },
});

describe('MarketRun snapshot and restore', () => {
  it('a run stopped after k slots and restored from its JSON snapshot continues exactly as a straight run', () => {
    const straightRows: Row[] = [];
    const straight = MarketRun.start(config, { onRow: (r) => void straightRows.push(r) });
    straight.step(600);

    const rows: Row[] = [];
    const first = MarketRun.start(config, { onRow: (r) => void rows.push(r) });
    first.step(250);
    const snap = JSON.parse(JSON.stringify(first.snapshot()));
    const resumed = MarketRun.restore(config, snap, { onRow: (r) => void rows.push(r) });
    resumed.step(600);

    expect(JSON.stringify(rows)).toBe(JSON.stringify(straightRows));
    expect(JSON.stringify(resumed.result())).toBe(JSON.stringify(straight.result()));
    // The state that had to carry over was really exercised.
    const s = straight.result();
    expect(s.totals.leg_failures).toBeGreaterThan(0);
    expect(s.builders.every((b) => b.wins > 0)).toBe(true);
  });

  it('learners (every algorithm, searchers and builders) resume byte-identically from a JSON snapshot', () => {
    const learning = resolveMarketConfig({
      ...config,
      mechanism: { name: 'all-pay' },
      bidding: { feedback: 'min-to-win', windowSlots: 50 },
      searchers: [
        { kind: 'cex-dex', id: 'arb-A', rollup: 'A', strategy: { name: 'hedge' } },
        { kind: 'cex-dex', id: 'arb-A2', rollup: 'A', strategy: { name: 'q-learning' } },
        { kind: 'sandwich', id: 'sw', rollup: 'A', strategy: { name: 'epsilon-greedy' } },
        { kind: 'backrun', id: 'br', rollup: 'B', strategy: { name: 'exp3' } },
        { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], strategy: { name: 'ucb1' }, choices: { learner: { name: 'exp3' }, exclusiveBuilder: ['b1', null] } },
      ],
      builders: [{ id: 'b1', strategy: { name: 'hedge' } }, { id: 'b2', skill: 0.5, strategy: { name: 'equilibrium', rivals: 'history' } }, { id: 'b3', strategy: { name: 'q-learning' } }],
    });
    const straight = MarketRun.start(learning, { onRow: () => undefined });
    straight.step(600);
    const first = MarketRun.start(learning, { onRow: () => undefined });
    first.step(250);
    const resumed = MarketRun.restore(learning, JSON.parse(JSON.stringify(first.snapshot())), { onRow: () => undefined });
    resumed.step(600);
    expect(JSON.stringify(resumed.result())).toBe(JSON.stringify(straight.result()));
    // The learners really learned: their shading moved between windows.
    const moved = straight.result().bidders.filter((b) => b.strategy !== 'equilibrium' && new Set(b.shade_by_window.filter((x) => x !== null).map((x) => x.toFixed(3))).size > 1);
    expect(moved.length).toBeGreaterThanOrEqual(4);
  });

  it('bidders\' windows merge in pairs past 1,000 (windowSlots 1, 2,500 slots): resumes byte-identically across a merge, and the snapshot stops growing', () => {
    const long = resolveMarketConfig({ ...config, slots: 2500, bidding: { windowSlots: 1 } });
    const straight = MarketRun.start(long);
    straight.step(2500);
    const first = MarketRun.start(long);
    first.step(990); // before the first merge (slot 1,000)
    const resumed = MarketRun.restore(long, JSON.parse(JSON.stringify(first.snapshot())));
    resumed.step(2500);
    expect(JSON.stringify(resumed.result())).toBe(JSON.stringify(straight.result()));
    // 2,499 / 2 = 1,249 windows would still be too many: windows of 4 slots, 625 of them.
    for (const b of straight.result().bidders.filter((x) => x.auctions > 0)) {
      expect(b.window_slots).toBe(4);
      expect(b.shade_by_window.length).toBeLessThanOrEqual(625);
    }
    const size = (run: MarketRun) => JSON.stringify(run.snapshot()).length;
    const at1000 = MarketRun.start(long);
    at1000.step(999);
    expect(size(straight)).toBeLessThan(size(at1000)); // 625 windows of 4 slots against 1,000 of 1
  });

  it('a snapshot is a copy: stepping on does not change it', () => {
    const run = MarketRun.start(config);
    run.step(50);
    const snap = run.snapshot();
    const text = JSON.stringify(snap);
    run.step(100);
    expect(JSON.stringify(snap)).toBe(text);
  });
});
