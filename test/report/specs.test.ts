import { parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { bidShadingSpec } from '../../src/report/specs/bidShadingSpec.js';
import { concentrationSpec } from '../../src/report/specs/concentrationSpec.js';
import { efficiencySpec } from '../../src/report/specs/efficiencySpec.js';
import { pricesSpec } from '../../src/report/specs/pricesSpec.js';
import { groupMark, sweepTradeoffSpec } from '../../src/report/specs/sweepTradeoffSpec.js';
import { valueSharesSpec } from '../../src/report/specs/valueSharesSpec.js';
import { winShareSpec } from '../../src/report/specs/winShareSpec.js';

/** Compiles with vega-lite and parses the result with vega: both throw on an invalid spec. */
function compiles(spec: TopLevelSpec): void {
  const warnings: string[] = [];
  const logger = { level: () => logger, error: (m: string) => void warnings.push(m), warn: (m: string) => void warnings.push(m), info: () => logger, debug: () => logger };
  const vg = compile(spec, { logger: logger as never }).spec;
  parse(vg);
  expect(warnings).toEqual([]);
}

const values = (spec: unknown): Record<string, unknown>[] => (spec as { data: { values: Record<string, unknown>[] } }).data.values;
const json = (spec: unknown) => JSON.stringify(spec);

describe('pricesSpec', () => {
  const rows = [0, 1].flatMap((slot) => [
    { slot, rollup: 'A', ref_price: 10, pool_price: 11 + slot },
    { slot, rollup: 'B', ref_price: 10, pool_price: 9 - slot },
  ]);
  it('is a valid Vega-Lite line chart of price by slot and series', () => {
    const spec = pricesSpec(rows);
    compiles(spec);
    expect(values(spec)).toHaveLength(6);
    expect(values(spec)).toContainEqual({ slot: 1, series: 'pool B', price: 8 });
    expect(json(spec)).toContain('"field":"price"');
    expect(json(spec)).toContain('"domain":["reference","pool A","pool B"]');
  });
});

describe('valueSharesSpec', () => {
  it('is a valid bar chart with one labelled bar per party', () => {
    const spec = valueSharesSpec([
      { recipient: 'proposer (winning bids)', group: 'proposer', valueY: 75, share: 0.75 },
      { recipient: 'users (surplus vs reference)', group: 'users', valueY: -10, share: -0.1 },
      { recipient: 'rollup A fees', group: 'rollups', valueY: 25, share: 0.25 },
    ]);
    compiles(spec);
    expect(values(spec).map((v) => [v['recipient'], v['valueY'], v['label']])).toEqual([
      ['proposer (winning bids)', 75, '75 Y (75% of gains)'],
      ['users (surplus vs reference)', -10, '-10 Y'],
      ['rollup A fees', 25, '25 Y (25% of gains)'],
    ]);
  });
});

describe('concentrationSpec', () => {
  it('charts the rolling HHI when the rows have a winner column', () => {
    const rows = [0, 1, 2, 3].map((slot) => ({ slot, winner: slot < 2 ? 'a' : slot === 2 ? 'b' : 'a' }));
    const spec = concentrationSpec(rows, { windowSlots: 2 });
    compiles(spec);
    expect(values(spec)).toEqual([
      { slot: 1, hhi: 1, wins: 2 },
      { slot: 2, hhi: 0.5, wins: 2 },
      { slot: 3, hhi: 0.5, wins: 2 },
    ]);
    expect(json(spec)).toContain('"field":"hhi"');
  });
  it("charts each rollup's share of the winning bids without one", () => {
    const rows = [
      { slot: 0, rollup: 'A', winning_bid_y: 1 },
      { slot: 0, rollup: 'B', winning_bid_y: 3 },
    ];
    const spec = concentrationSpec(rows, { windowSlots: 1 });
    compiles(spec);
    expect(values(spec)).toEqual([
      { slot: 0, rollup: 'A', share: 0.25, rank: 0 },
      { slot: 0, rollup: 'B', share: 0.75, rank: 1 },
    ]);
    expect(json(spec)).toContain('"field":"share"');
  });
});

describe('sweepTradeoffSpec', () => {
  const rows = [
    { run_id: 0, cell: 0, seed: 1, 'mechanism.name': 'first-price', 'totals.winning_bids_y': 10, 'concentration.hhi': 0.3 },
    { run_id: 1, cell: 1, seed: 1, 'mechanism.name': 'second-price', 'totals.winning_bids_y': 4, 'concentration.hhi': 0.5 },
    { run_id: 2, cell: 1, seed: 2, 'mechanism.name': 'second-price', 'totals.winning_bids_y': null, 'concentration.hhi': 0.5 },
    { run_id: 3, cell: 1, seed: 3, 'mechanism.name': 'second-price', 'totals.winning_bids_y': 8, 'concentration.hhi': 0.4 },
  ];
  const layers = (spec: unknown) => (spec as { layer: { data?: { values: Record<string, unknown>[] }; encoding: Record<string, { scale: { domain: string[]; range: string[] }; legend: { title: string } }> }[] }).layer;

  it('plots one point per run with finite values, coloured by the chosen column, and one mean mark per group', () => {
    const spec = sweepTradeoffSpec(rows, { x: 'concentration.hhi', color: 'mechanism.name' });
    compiles(spec);
    expect(values(spec)).toEqual([
      { run_id: 0, seed: 1, group: 'first-price', x: 0.3, y: 10 },
      { run_id: 1, seed: 1, group: 'second-price', x: 0.5, y: 4 },
      { run_id: 3, seed: 3, group: 'second-price', x: 0.4, y: 8 },
    ]);
    expect(json(spec)).toContain('"title":"concentration.hhi"');
    // The means by hand: second-price (0.5 + 0.4) / 2 = 0.45, (4 + 8) / 2 = 6.
    expect(layers(spec)[1]!.data!.values).toEqual([
      { group: 'first-price', runs: 1, x: 0.3, y: 10 },
      { group: 'second-price', runs: 2, x: 0.45, y: 6 },
    ]);
  });

  it('orders numeric groups numerically (0, 1, 2, 10, 11, not 0, 1, 10, 11, 2) and labels them as told', () => {
    const many = [11, 2, 10, 0, 1].map((cell) => ({ run_id: cell, cell, seed: 1, 'totals.winning_bids_y': cell, 'concentration.hhi': cell / 20 }));
    expect(layers(sweepTradeoffSpec(many, { x: 'concentration.hhi' }))[0]!.encoding['color']!.scale.domain).toEqual(['0', '1', '2', '10', '11']);
    const labelled = sweepTradeoffSpec(many, { x: 'concentration.hhi', groups: [0, 1, 2, 10, 11].map((c) => ({ value: String(c), label: `fee=${c}` })), legendTitle: 'cell: fee' });
    expect(values(labelled).map((v) => v['group'])).toEqual(['fee=11', 'fee=2', 'fee=10', 'fee=0', 'fee=1']);
    expect(layers(labelled)[1]!.encoding['color']!.legend.title).toBe('cell: fee');
  });

  it('gives each of up to 60 groups its own colour-and-shape pair, and says so in the legend when more repeat', () => {
    const marks = Array.from({ length: 60 }, (_, i) => JSON.stringify(groupMark(i)));
    expect(new Set(marks).size).toBe(60);
    expect(groupMark(60)).toEqual(groupMark(0));
    const rowsOf = (n: number) => Array.from({ length: n }, (_, cell) => ({ run_id: cell, cell, seed: 1, 'totals.winning_bids_y': cell, 'concentration.hhi': 0.1 }));
    const twelve = layers(sweepTradeoffSpec(rowsOf(12), { x: 'concentration.hhi' }))[0]!.encoding;
    const pairs = twelve['color']!.scale.range.map((c, i) => `${c}/${twelve['shape']!.scale.range[i]}`);
    expect(new Set(pairs).size).toBe(12);
    expect(twelve['color']!.legend.title).toBe('cell');
    expect(layers(sweepTradeoffSpec(rowsOf(61), { x: 'concentration.hhi' }))[0]!.encoding['color']!.legend.title).toBe('cell (colour and shape repeat every 60)');
  });
});

describe('bidding-war specs', () => {
  it('winShareSpec has one bar per strategy in use', () => {
    const spec = winShareSpec({
      naive: { builders: 2, wins: 6, winShare: 0.6 },
      bluff: { builders: 0, wins: 0, winShare: 0 },
      adaptive: { builders: 1, wins: 4, winShare: 0.4 },
    });
    compiles(spec);
    expect(values(spec).map((v) => [v['strategy'], v['winShare']])).toEqual([
      ['naive', 0.6],
      ['adaptive', 0.4],
    ]);
  });
  it('efficiencySpec bins the efficiencies and marks their mean', () => {
    const spec = efficiencySpec([{ efficiency: 0.8 }, { efficiency: 0.9 }, { efficiency: 1 }, { efficiency: null }], 2);
    compiles(spec);
    const layers = (spec as unknown as { layer: { data: { values: Record<string, number>[] } }[] }).layer;
    expect(layers[0]!.data.values.map((b) => b['count'])).toEqual([1, 2]);
    expect(layers[1]!.data.values[0]!['mean']).toBeCloseTo(0.9, 12);
  });
});

describe('bidShadingSpec', () => {
  const bidders = [
    { bidder: 'arb-A', role: 'searcher', strategy: 'hedge', shade_by_window: [0.6, null, 0.5] },
    { bidder: 'arb-B', role: 'searcher', strategy: 'exp3', shade_by_window: [null, 0.4] },
  ];
  it('is a valid line chart of shade against the first slot of each window, null windows skipped', () => {
    const spec = bidShadingSpec(bidders, { windowSlots: 100 });
    compiles(spec);
    expect(values(spec)).toEqual([
      { slot: 0, bidder: 'arb-A', role: 'searcher', shade: 0.6 },
      { slot: 200, bidder: 'arb-A', role: 'searcher', shade: 0.5 },
      { slot: 100, bidder: 'arb-B', role: 'searcher', shade: 0.4 },
    ]);
    expect(json(spec)).toContain('"domain":["arb-A","arb-B"]');
    expect(json(spec)).toContain('window of 100 slots');
    expect(json(spec)).not.toContain('strokeDash');
  });
  it('dashes builders when builders and searchers both bid', () => {
    const spec = bidShadingSpec([...bidders, { bidder: 'b', role: 'builder', strategy: 'ucb1', shade_by_window: [0.9] }], { windowSlots: 50 });
    compiles(spec);
    expect(values(spec).map((v) => v['slot'])).toEqual([0, 100, 50, 0]);
    expect(json(spec)).toContain('"strokeDash":{"field":"role"');
  });
});
