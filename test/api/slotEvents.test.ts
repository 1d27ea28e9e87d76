import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { runSimulation, simulate$, slotRows, type SlotEvent } from '../../src/index.js';
import { summedColumnsOf } from '../../src/marketModel/columns.js';
import { columnsOf } from '../../src/marketModel/recording.js';
import { slotRowsOf } from '../../src/marketModel/columns.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/*
 * Slot events are built only for subscribers, and each is new: a subscriber may keep them. The
 * summary folds each slot in from the model's state without an event, so it must agree with the
 * events, and be the same whether anyone subscribed or not.
 */

const scenario = (path: string, sets: string[]): MarketConfig =>
  resolveMarketConfig(JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')), { sets });

const cases: [string, MarketConfig][] = [
  ['baseline', scenario('configs/baseline.json', ['slots=150'])],
  ['dishonest proposer (reports, detectors)', scenario('configs/scenarios/dishonest-proposer.json', ['slots=150'])],
  ['revenue sharing (governance, counterfactuals)', scenario('configs/scenarios/revenue-sharing.json', ['slots=150'])],
  [
    'order-flow auction with rebates',
    resolveMarketConfig({
      seed: 21,
      slots: 150,
      reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.5 },
      rollups: [{ id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 }, users: { arrivalsPerSlot: 3, medianSizeY: 20_000, sizeLogSd: 0.5, slippageTolerance: 0.02 } }],
      searchers: [
        { kind: 'backrun', id: 'br', rollup: 'A', bidFraction: 0.7 },
        { kind: 'backrun', id: 'br2', rollup: 'A', bidFraction: 0.55 },
        { kind: 'sandwich', id: 'sw', rollup: 'A', bidFraction: 0.8 },
      ],
      mechanism: { name: 'order-flow-auction', userShare: 0.8, rebateFraction: 0.5 },
    }),
  ],
];

describe('slot events: kept by subscribers, not needed by the summary', () => {
  for (const [name, config] of cases) {
    it(`${name}: events kept over the run hold their own slot's values (the rows a keepRows run records)`, () => {
      const kept: SlotEvent[] = [];
      runMarket(config, { onSlot: (e) => void kept.push(e) });
      expect(kept.map((e) => e.slot)).toEqual(Array.from({ length: config.slots }, (_, i) => i));
      expect(new Set(kept).size).toBe(kept.length);
      expect(new Set(kept.flatMap((e) => e.rollups)).size).toBe(kept.length * config.rollups.length);
      const rows = runSimulation(config, { keepRows: true }).rows;
      expect(kept.flatMap(slotRowsOf(columnsOf(config)))).toEqual(rows);
    });

    it(`${name}: the summary's per-rollup sums are the sums over the events, and the same with or without a subscriber`, () => {
      const kept: SlotEvent[] = [];
      const watched = runMarket(config, { onSlot: (e) => void kept.push(e) });
      const alone = runMarket(config);
      expect(JSON.stringify(alone)).toBe(JSON.stringify(watched));
      const summed = summedColumnsOf(columnsOf(config));
      expect(summed.length).toBeGreaterThan(20);
      config.rollups.forEach((_, i) => {
        for (const c of summed) {
          let sum = 0;
          for (const e of kept) sum += e.rollups[i]![c.field] as number;
          expect(alone.rollups[i]![c.name], `${c.name} of rollup ${i}`).toBe(sum);
        }
      });
    });
  }

  for (const [name, config] of cases) {
    it(`${name}: the summary's slot-level aggregates (reports, coalition, gaps, membership) agree with the events`, () => {
      const kept: SlotEvent[] = [];
      const s = runMarket(config, { onSlot: (e) => void kept.push(e) });
      const reports = kept.flatMap((e) => e.rollups.filter((r) => r.member).slice(0, 1).map((m) => ({ m, rollups: e.rollups })));
      expect(s.reporting.slots).toBe(reports.length);
      expect(s.reporting.lie_slots).toBe(reports.filter((x) => x.m.lied).length);
      if (name.startsWith('dishonest')) expect(s.reporting.lie_slots).toBeGreaterThan(0);
      let hidden = 0;
      let trueY = 0;
      for (const x of reports) {
        trueY += x.m.trueRevenueY;
        for (const r of x.rollups) hidden += r.hiddenY;
      }
      expect(s.reporting.hidden_y).toBe(hidden);
      expect(s.reporting.true_revenue_y).toBe(trueY);
      let coalition = 0;
      for (const e of kept) coalition += e.rollups[0]!.coalitionValueY;
      expect(s.totals.coalition_value_y).toBe(coalition);
      config.rollups.forEach((_, i) => {
        const member = kept.filter((e) => e.rollups[i]!.member).length;
        expect(s.rollups[i]!.member_share).toBe(member / kept.length);
        const driftX = kept.reduce((m, e) => Math.max(m, Math.abs(e.rollups[i]!.supplyDriftX)), 0);
        expect(s.conservation.rollups[i]!.x.max_abs_drift).toBe(Math.max(driftX, Math.abs(s.conservation.rollups[i]!.x.drift)));
      });
    });
  }

  it('the order-flow case pays rebates (so the sums above cover the rebate inside user_surplus_y)', () => {
    const config = cases[3]![1];
    const kept: SlotEvent[] = [];
    const summary = runMarket(config, { onSlot: (e) => void kept.push(e) });
    const rebates = kept.filter((e) => e.rollups[0]!.userRebateY !== 0);
    expect(rebates.length).toBeGreaterThan(0);
    expect(summary.rollups[0]!.user_rebate_y).toBeGreaterThan(0);
  });

  it('simulate$ hands out events that stay valid after later slots (e.g. collected with toArray)', () => {
    const config = cases[0]![1];
    const all: SlotEvent[] = [];
    simulate$(config).subscribe((e) => void all.push(e));
    const rows = runSimulation(config, { keepRows: true }).rows;
    expect(all.flatMap(slotRows)).toEqual(rows);
  });
});
