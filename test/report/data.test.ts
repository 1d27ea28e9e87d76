import { describe, expect, it } from 'vitest';
import { biddingSchema } from '../../src/config/strategySchema.js';
import { bidderShades, biddersFromSummary, DEFAULT_BIDDING_WINDOW_SLOTS, windowSlotsFromManifest } from '../../src/report/data/bidderShades.js';
import { everyKth, strideFor } from '../../src/report/data/everyKth.js';
import { histogram } from '../../src/report/data/histogram.js';
import { parseCsv } from '../../src/report/data/parseCsv.js';
import { priceSeries } from '../../src/report/data/priceSeries.js';
import { rollingHhi } from '../../src/report/data/rollingHhi.js';
import { rollingShares } from '../../src/report/data/rollingShares.js';
import { sweptParameters } from '../../src/report/data/sweepColumns.js';
import { valueSharesFromSummary } from '../../src/report/data/valueShares.js';

describe('parseCsv', () => {
  it('types numbers, booleans and empty cells, and honours RFC 4180 quotes', () => {
    const { columns, rows } = parseCsv('a,b,c,d\n1,true,,x\n-2.5e-3,false,"q,""r""",7a\n');
    expect(columns).toEqual(['a', 'b', 'c', 'd']);
    expect(rows).toEqual([
      { a: 1, b: true, c: null, d: 'x' },
      { a: -0.0025, b: false, c: 'q,"r"', d: '7a' },
    ]);
  });
});

describe('everyKth', () => {
  it('keeps every k-th item and the last one, deterministically', () => {
    expect(strideFor(10, 4)).toBe(3);
    expect(everyKth([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([0, 3, 6, 9]);
    expect(everyKth([0, 1, 2, 3, 4, 5, 6, 7], 3)).toEqual([0, 3, 6, 7]);
    expect(everyKth([1, 2], 1)).toEqual([1, 2]);
  });
});

describe('priceSeries', () => {
  const rows = [0, 1, 2].flatMap((slot) => [
    { slot, rollup: 'A', ref_price: 100 + slot, pool_price: 99 + slot },
    { slot, rollup: 'B', ref_price: 100 + slot, pool_price: 101 + slot },
  ]);
  it('gives the reference once per slot and one series per pool', () => {
    expect(priceSeries(rows)).toEqual([
      { slot: 0, series: 'reference', price: 100 },
      { slot: 1, series: 'reference', price: 101 },
      { slot: 2, series: 'reference', price: 102 },
      { slot: 0, series: 'pool A', price: 99 },
      { slot: 1, series: 'pool A', price: 100 },
      { slot: 2, series: 'pool A', price: 101 },
      { slot: 0, series: 'pool B', price: 101 },
      { slot: 1, series: 'pool B', price: 102 },
      { slot: 2, series: 'pool B', price: 103 },
    ]);
  });
  it('downsamples long runs to about maxPointsPerSeries per series', () => {
    const long = Array.from({ length: 10_000 }, (_, slot) => ({ slot, rollup: 'A', ref_price: 1, pool_price: 1 }));
    const points = priceSeries(long, 2000);
    // slots 0, 5, …, 9995 and the last one, 9999
    expect(points.filter((p) => p.series === 'pool A').length).toBe(2001);
    expect(points.at(-1)).toEqual({ slot: 9999, series: 'pool A', price: 1 });
    expect(points.filter((p) => p.series === 'reference').map((p) => p.slot).slice(0, 3)).toEqual([0, 5, 10]);
  });
});

describe('rollingHhi', () => {
  it('is Σ share² of the wins inside each window', () => {
    const rows = [
      { slot: 0, winner: 'a' },
      { slot: 1, winner: 'a' },
      { slot: 2, winner: 'b' },
      { slot: 3, winner: null },
      { slot: 4, winner: 'a;b' },
    ];
    expect(rollingHhi(rows, { windowSlots: 2 })).toEqual([
      { slot: 1, hhi: 1, wins: 2 },
      { slot: 2, hhi: 0.5, wins: 2 },
      { slot: 3, hhi: 1, wins: 1 },
      { slot: 4, hhi: 0.5, wins: 2 },
    ]);
    expect(rollingHhi(rows, { windowSlots: 5 })).toEqual([{ slot: 4, hhi: (3 / 5) ** 2 + (2 / 5) ** 2, wins: 5 }]);
  });
  it('skips windows without wins and limits the number of points', () => {
    expect(rollingHhi([{ slot: 0, winner: null }, { slot: 1, winner: '' }], { windowSlots: 1 })).toEqual([]);
    const many = Array.from({ length: 1000 }, (_, slot) => ({ slot, winner: `w${slot % 3}` }));
    expect(rollingHhi(many, { windowSlots: 10, maxPoints: 100 }).length).toBeLessThanOrEqual(100);
  });
});

describe('rollingShares', () => {
  it("gives each rollup's share of the bids in each window", () => {
    const rows = [
      { slot: 0, rollup: 'A', winning_bid_y: 3 },
      { slot: 0, rollup: 'B', winning_bid_y: 1 },
      { slot: 1, rollup: 'A', winning_bid_y: 0 },
      { slot: 1, rollup: 'B', winning_bid_y: 4 },
    ];
    expect(rollingShares(rows, { windowSlots: 1 })).toEqual([
      { slot: 0, rollup: 'A', share: 0.75 },
      { slot: 0, rollup: 'B', share: 0.25 },
      { slot: 1, rollup: 'A', share: 0 },
      { slot: 1, rollup: 'B', share: 1 },
    ]);
    expect(rollingShares(rows, { windowSlots: 2 })).toEqual([
      { slot: 1, rollup: 'A', share: 3 / 8 },
      { slot: 1, rollup: 'B', share: 5 / 8 },
    ]);
  });
});

describe('histogram', () => {
  it('counts values into equal bins, the maximum in the last bin', () => {
    expect(histogram([0, 0.1, 0.5, 0.99, 1], 2)).toEqual([
      { start: 0, end: 0.5, count: 2 },
      { start: 0.5, end: 1, count: 3 },
    ]);
    expect(histogram([], 5)).toEqual([]);
  });
});

describe('valueSharesFromSummary', () => {
  it('values bids, searcher PnL, user surplus and each rollup fee in Y, shares of the gains', () => {
    const shares = valueSharesFromSummary({
      final_ref_price: 2000,
      totals: { winning_bids_y: 60, user_surplus_y: -50 },
      searchers: [{ pnl_y: 10 }, { pnl_y: 20 }],
      rollups: [
        { rollup: 'A', gas_token: 'X', fees_gas: 0.004 },
        { rollup: 'B', gas_token: 'Y', fees_gas: 2 },
      ],
    });
    expect(shares.map((s) => [s.recipient, s.group, s.valueY, s.share])).toEqual([
      ['proposer (winning bids)', 'proposer', 60, 0.6],
      ["searchers' PnL", 'searchers', 30, 0.3],
      ['users (surplus vs reference)', 'users', -50, -0.5],
      ['rollup A fees', 'rollups', 8, 0.08],
      ['rollup B fees', 'rollups', 2, 0.02],
    ]);
  });
});

describe('sweptParameters', () => {
  it('takes the columns between seed and the first summary metric', () => {
    const cols = ['run_id', 'cell', 'seed', 'mechanism.name', 'rollups.0.pool.fee', 'slots', 'simulated_seconds', 'totals.winning_bids_y'];
    expect(sweptParameters(cols)).toEqual(['mechanism.name', 'rollups.0.pool.fee']);
    expect(sweptParameters(['run_id', 'cell', 'seed', 'totals.winning_bids_y'])).toEqual([]);
  });
});

describe('bidderShades', () => {
  const bidders = [
    { bidder: 'b1', role: 'builder', strategy: 'hedge', shade_by_window: [0.9, null, 0.7] },
    { bidder: 's1', role: 'searcher', strategy: 'exp3', shade_by_window: [null, 0.5] },
    { bidder: 's2', role: 'searcher', strategy: 'fixed-fraction', shade_by_window: [] },
  ];
  it('puts window k at slot k × windowSlots and skips windows without value', () => {
    expect(bidderShades(bidders, 250)).toEqual([
      { slot: 0, bidder: 'b1', role: 'builder', shade: 0.9 },
      { slot: 500, bidder: 'b1', role: 'builder', shade: 0.7 },
      { slot: 250, bidder: 's1', role: 'searcher', shade: 0.5 },
    ]);
  });
  it("uses a bidder's own window_slots (merged windows of a long run) over the config's", () => {
    const merged = [{ bidder: 'b1', role: 'builder', strategy: 'hedge', window_slots: 400, shade_by_window: [0.9, 0.8] }, { ...bidders[1]!, window_slots: null }];
    expect(bidderShades(merged, 100)).toEqual([
      { slot: 0, bidder: 'b1', role: 'builder', shade: 0.9 },
      { slot: 400, bidder: 'b1', role: 'builder', shade: 0.8 },
      { slot: 100, bidder: 's1', role: 'searcher', shade: 0.5 },
    ]);
  });
  it('rejects a window length that is not a positive integer', () => {
    expect(() => bidderShades(bidders, 0)).toThrow(RangeError);
    expect(() => bidderShades(bidders, 1.5)).toThrow(RangeError);
  });
});

describe('biddersFromSummary', () => {
  it("reads summary.json's bidders, [] for a summary without them", () => {
    expect(biddersFromSummary({})).toEqual([]);
    expect(biddersFromSummary({ bidders: 'no' })).toEqual([]);
    expect(biddersFromSummary({ bidders: [{ bidder: 'a', role: 'searcher', strategy: 'ucb1', mean_shade: 0.5 }, { role: 'builder' }, null] })).toEqual([
      { bidder: 'a', role: 'searcher', strategy: 'ucb1', mean_shade: 0.5 },
    ]);
  });
});

describe('windowSlotsFromManifest', () => {
  it("takes the resolved config's bidding.windowSlots, null when the manifest lacks it", () => {
    expect(windowSlotsFromManifest({ config: { bidding: { windowSlots: 1000 } } })).toBe(1000);
    expect(windowSlotsFromManifest({ config: { bidding: {} } })).toBeNull();
    expect(windowSlotsFromManifest({ config: { bidding: { windowSlots: 0 } } })).toBeNull();
    expect(windowSlotsFromManifest(null)).toBeNull();
  });
  it("the assumed default is the config schema's default", () => {
    expect(DEFAULT_BIDDING_WINDOW_SLOTS).toBe(biddingSchema.parse({}).windowSlots);
  });
});
