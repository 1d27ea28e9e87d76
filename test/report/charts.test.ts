import { describe, expect, it } from 'vitest';
import { chartsFor } from '../../src/report/charts.js';
import type { ReportInput } from '../../src/report/folder/readReportInput.js';

const slots = [0, 1].map((slot) => ({ slot, rollup: 'A', ref_price: 2000, pool_price: 2000, winning_bid_y: 1 }));
const market = (summary: Record<string, unknown>, manifest: Record<string, unknown> | null): ReportInput => ({ kind: 'market', dir: 'run', summary, slots, manifest });
const withWindow = (windowSlots: number) => ({ config: { bidding: { windowSlots } } });
const bidder = (shade_by_window: (number | null)[]) => ({ bidder: 'arb-A', role: 'searcher', strategy: 'hedge', shade_by_window });
const names = (input: ReportInput) => chartsFor(input).map((c) => c.name);

describe('chartsFor a market run: the bid-shading chart', () => {
  it('is drawn when a bidder has a shade in some window, with the window length from manifest.json', () => {
    const charts = chartsFor(market({ bidders: [bidder([null, 0.5])] }, withWindow(1000)));
    expect(charts.map((c) => c.name)).toEqual(['prices', 'value-shares', 'concentration', 'bid-shading']);
    const chart = charts.at(-1)!;
    expect(chart.caption).toContain('per window of 1000 slots');
    expect(chart.caption).not.toContain('assumed');
    expect((chart.spec as unknown as { data: { values: unknown[] } }).data.values).toEqual([{ slot: 1000, bidder: 'arb-A', role: 'searcher', shade: 0.5 }]);
  });
  it('is left out for a summary without bidders (older runs) or without any shade', () => {
    expect(names(market({}, withWindow(100)))).toEqual(['prices', 'value-shares', 'concentration']);
    expect(names(market({ bidders: [] }, withWindow(100)))).not.toContain('bid-shading');
    expect(names(market({ bidders: [bidder([null, null])] }, withWindow(100)))).not.toContain('bid-shading');
  });
  it('assumes the config default of 100 slots per window without a manifest, and says so', () => {
    const chart = chartsFor(market({ bidders: [bidder([0.4, 0.5])] }, null)).at(-1)!;
    expect(chart.caption).toMatch(/assumed to be the config default of 100 slots/);
    expect((chart.spec as unknown as { data: { values: { slot: number }[] } }).data.values.map((v) => v.slot)).toEqual([0, 100]);
  });
});

describe('chartsFor a market run: the restaking chart', () => {
  const restakingSlots = [0, 0, 1, 1, 2, 2].map((slot, i) => ({ slot, rollup: i % 2 ? 'B' : 'A', ref_price: 2000, pool_price: 2000, restaking_pfc_y: 10 * slot, restaking_coc_y: 15 }));
  it('is drawn when the summary has restaking, one point per slot and line (not per rollup row)', () => {
    const input: ReportInput = { kind: 'market', dir: 'run', summary: { restaking: { epochs: 1 } }, slots: restakingSlots, manifest: null };
    const chart = chartsFor(input).find((c) => c.name === 'restaking')!;
    const values = (chart.spec as unknown as { data: { values: { slot: number; series: string; valueY: number }[] } }).data.values;
    expect(values.filter((v) => v.series === 'profit from corruption').map((v) => [v.slot, v.valueY])).toEqual([[0, 0], [1, 10], [2, 20]]);
    expect(values.filter((v) => v.series === 'cost of corruption').map((v) => v.valueY)).toEqual([15, 15, 15]);
  });
  it('is left out without restaking (summary.restaking null)', () => {
    expect(names(market({ restaking: null }, null))).not.toContain('restaking');
  });
});

describe('chartsFor a market run: the stake-by-pool chart', () => {
  const staking = { pools: [{ pool: 'a' }, { pool: 'b' }], epochs: [{ epoch: 0, pool_shares: [0.5, 0.5], pool_hhi: 0.5 }, { epoch: 1, pool_shares: [0.75, 0.25], pool_hhi: 0.625 }] };
  it('is drawn from summary.json\'s staking.epochs, one area value per pool and epoch and the HHI line', () => {
    const chart = chartsFor(market({ staking }, null)).find((c) => c.name === 'stake-shares')!;
    const layers = (chart.spec as unknown as { layer: { data: { values: unknown[] } }[] }).layer;
    expect(layers[0]!.data.values).toEqual([
      { epoch: 0, pool: 'a', share: 0.5 }, { epoch: 0, pool: 'b', share: 0.5 },
      { epoch: 1, pool: 'a', share: 0.75 }, { epoch: 1, pool: 'b', share: 0.25 },
    ]);
    expect(layers[1]!.data.values).toEqual([{ epoch: 0, hhi: 0.5 }, { epoch: 1, hhi: 0.625 }]);
  });
  it('is left out without staking, or before the first epoch ended', () => {
    expect(names(market({}, null))).not.toContain('stake-shares');
    expect(names(market({ staking: { ...staking, epochs: [] } }, null))).not.toContain('stake-shares');
  });
});
