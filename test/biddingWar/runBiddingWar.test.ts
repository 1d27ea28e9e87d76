import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRATEGY_NAMES } from '../../src/agents/relay/strategies/registry.js';
import { runBiddingWar } from '../../src/biddingWar/runBiddingWar.js';
import type { BiddingWarConfigInput } from '../../src/config/biddingWarSchema.js';
import type { AuctionRecord } from '../../src/biddingWar/types.js';
import { mixedConfig } from './fixtures.js';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};

describe('runBiddingWar', () => {
  it('is reproducible: the same seed gives byte-identical records, another seed others', () => {
    const a = runBiddingWar(mixedConfig());
    const b = runBiddingWar(mixedConfig());
    expect(JSON.stringify(b.records)).toBe(JSON.stringify(a.records));
    expect(b.summary).toEqual(a.summary);
    const c = runBiddingWar(mixedConfig({ seed: 12 }));
    expect(c.records.map((r) => r.totalSignalEth)).not.toEqual(a.records.map((r) => r.totalSignalEth));
  });

  it('streams every record through onAuction, in order', () => {
    const seen: AuctionRecord[] = [];
    const { records } = runBiddingWar(mixedConfig({ auctions: 5 }), { onAuction: (r) => seen.push(r) });
    expect(seen).toEqual(records);
    expect(records.map((r) => r.auction)).toEqual([0, 1, 2, 3, 4]);
  });

  it('summarizes consistently with the records', () => {
    const { records, summary } = runBiddingWar(mixedConfig({ auctions: 60 }));
    expect(Object.keys(summary.byStrategy)).toEqual([...STRATEGY_NAMES]);
    const wins = STRATEGY_NAMES.reduce((n, s) => n + summary.byStrategy[s].wins, 0);
    expect(wins).toBe(summary.auctionsWithWinner);
    expect(Object.values(summary.byBuilder).reduce((n, b) => n + b.wins, 0)).toBe(wins);
    const adaptive = records.filter((r) => r.winnerStrategy === 'adaptive');
    expect(summary.byStrategy.adaptive.wins).toBe(adaptive.length);
    expect(summary.byStrategy.adaptive.totalProfitEth).toBeCloseTo(
      adaptive.reduce((s, r) => s + r.winnerProfitEth, 0),
      12,
    );
    expect(summary.byStrategy.adaptive.meanProfitPerBuilderAuctionEth).toBeCloseTo(
      summary.byStrategy.adaptive.totalProfitEth / (2 * 60),
      15,
    );
    expect(summary.meanEfficiency).toBeCloseTo(mean(records.map((r) => r.efficiency)), 12);
  });

  it('the proposer\'s call time follows its configured distribution (mean and sd within 4 standard errors)', () => {
    const n = 1500;
    const quiet: BiddingWarConfigInput = {
      kind: 'bidding-war',
      auctions: n,
      flow: { publicRatePerSecond: 0, privateRatePerSecond: 0 },
      builders: [{ id: 'only', strategy: 'naive' }],
    };
    const normal = runBiddingWar({ ...quiet, proposerCall: { kind: 'normal', meanMs: 12_000, sdMs: 150 } });
    const t = normal.records.map((r) => r.callTimeMs);
    expect(Math.abs(mean(t) - 12_000)).toBeLessThan((4 * 150) / Math.sqrt(n));
    expect(Math.abs(sd(t) - 150)).toBeLessThan((4 * 150) / Math.sqrt(2 * n));
    const uniform = runBiddingWar({ ...quiet, proposerCall: { kind: 'uniform', minMs: 10_000, maxMs: 13_000 } });
    const u = uniform.records.map((r) => r.callTimeMs);
    expect(Math.abs(mean(u) - 11_500)).toBeLessThan((4 * 3000) / Math.sqrt(12 * n));
    expect(Math.min(...u)).toBeGreaterThanOrEqual(10_000);
    expect(Math.max(...u)).toBeLessThanOrEqual(13_000);
  });
});

describe('scenario mev-boost-bidding-war (smoke)', () => {
  it('runs a shortened version with sane outcomes', () => {
    const raw = JSON.parse(readFileSync('configs/scenarios/mev-boost-bidding-war.json', 'utf8')) as BiddingWarConfigInput;
    const { records, summary } = runBiddingWar({ ...raw, auctions: 150 });
    expect(records).toHaveLength(150);
    expect(Object.keys(summary.byBuilder)).toHaveLength(10);
    expect(summary.meanEfficiency).toBeGreaterThan(0.8);
    expect(summary.meanEfficiency).toBeLessThan(1);
    expect(Math.abs(summary.meanCallTimeMs - 12_000)).toBeLessThan(50);
    for (const s of STRATEGY_NAMES) expect(summary.byStrategy[s].builders).toBe(2);
  });
});

describe('runBiddingWar with keepRecords: false (what `seqsim run` uses)', () => {
  it('streams every record to onAuction, keeps none, and summarises the same run', () => {
    const config = mixedConfig();
    const kept = runBiddingWar(config);
    const streamed: unknown[] = [];
    const flat = runBiddingWar(config, { keepRecords: false, onAuction: (r) => void streamed.push(r) });
    expect(flat.records).toHaveLength(0);
    expect(streamed).toEqual(kept.records);
    expect(kept.records.length).toBeGreaterThan(0);
    expect(flat.summary).toEqual(kept.summary);
  });
});
