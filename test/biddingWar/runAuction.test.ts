import { describe, expect, it } from 'vitest';
import type { BuilderView } from '../../src/agents/relay/types.js';
import { createContext } from '../../src/biddingWar/context.js';
import { runAuction } from '../../src/biddingWar/runAuction.js';
import { parseBiddingWarConfig, type BiddingWarConfigInput } from '../../src/config/biddingWarSchema.js';
import { MIXED_BUILDERS, mixedConfig } from './fixtures.js';

const contextOf = (raw: BiddingWarConfigInput) => createContext(parseBiddingWarConfig(raw));

describe('one auction', () => {
  it('all-naive, no private flow, no delays: the lowest margin wins and pays total signal − min margin (exact)', () => {
    const margins = [0.004, 0.0065, 0.003, 0.009];
    const ctx = contextOf({
      kind: 'bidding-war',
      seed: 5,
      relayDelayMs: 0,
      flow: { privateRatePerSecond: 0 },
      proposerCall: { kind: 'fixed', atMs: 12_000 },
      builders: margins.map((m, i) => ({ id: `n${i}`, strategy: 'naive', latencyMs: 0, marginEth: m, marginSdEth: 0 })),
    });
    let withWinner = 0;
    for (let k = 0; k < 200; k++) {
      const r = runAuction(ctx, k);
      expect(r.privateArrivals).toBe(0);
      if (r.totalSignalEth > 0.003) {
        withWinner++;
        expect(r.winner).toBe('n2');
        expect(r.winningBidEth).toBe(r.totalSignalEth - 0.003);
        expect(r.winnerProfitEth).toBeCloseTo(0.003, 15);
      } else {
        expect(r.winner).toBeNull();
        expect(r.winningBidEth).toBe(0);
      }
    }
    expect(withWinner).toBeGreaterThan(100);
  });

  it('latency delays what a builder sees: the slow builder sees the fast one\'s view 5 steps late', () => {
    const ctx = contextOf({
      kind: 'bidding-war',
      seed: 3,
      relayDelayMs: 0,
      builders: [
        { id: 'fast', strategy: 'naive', latencyMs: 0, privateFlowProbability: 1, marginSdEth: 0 },
        { id: 'slow', strategy: 'naive', latencyMs: 50, privateFlowProbability: 1, marginSdEth: 0 },
      ],
    });
    const seen: [Array<number | null>, Array<number | null>] = [[], []];
    runAuction(ctx, 0, { onDecision: (i, v: Readonly<BuilderView>) => seen[i as 0 | 1].push(v.visibleBestBidEth) });
    const [fast, slow] = seen;
    expect(fast.length).toBe(slow.length);
    expect(fast.filter((b) => b !== null).length).toBeGreaterThan(100);
    expect(slow.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(slow.slice(5)).toEqual(fast.slice(0, -5));
  });

  it('latency decides between otherwise identical builders: the fast one wins every auction', () => {
    const ctx = contextOf({
      kind: 'bidding-war',
      seed: 4,
      builders: [
        { id: 'slow', strategy: 'naive', latencyMs: 40, privateFlowProbability: 1, marginSdEth: 0 },
        { id: 'fast', strategy: 'naive', latencyMs: 10, privateFlowProbability: 1, marginSdEth: 0 },
      ],
    });
    const winners = Array.from({ length: 100 }, (_, k) => runAuction(ctx, k).winner).filter((w) => w !== null);
    expect(winners.length).toBeGreaterThan(50);
    expect(new Set(winners)).toEqual(new Set(['fast']));
  });

  it('bids never exceed the value, except a bluff\'s decoy before its reveal, within [bluffMin, bluffMax]', () => {
    const cfg = parseBiddingWarConfig(mixedConfig());
    const ctx = createContext(cfg);
    const overbids: Array<{ builder: number; bid: number; timeMs: number }> = [];
    for (let k = 0; k < 20; k++) {
      runAuction(ctx, k, {
        onDecision: (builder, v, bid) => {
          if (bid !== null && bid > v.valueEth) overbids.push({ builder, bid, timeMs: v.timeMs });
        },
      });
    }
    expect(overbids.length).toBeGreaterThan(0);
    for (const { builder, bid, timeMs } of overbids) {
      const b = cfg.builders[builder]!;
      if (b.strategy !== 'bluff') throw new Error(`${b.id} (${b.strategy}) bid ${bid} above its value`);
      expect(bid).toBeGreaterThanOrEqual(b.bluffMinEth);
      expect(bid).toBeLessThanOrEqual(b.bluffMaxEth);
      expect(timeMs).toBeLessThan(b.expectedCallMs - b.revealLeadMinMs);
    }
  });

  it('efficiency is in [0, 1] and profit ≥ 0 for honest strategies', () => {
    const honest = MIXED_BUILDERS.filter((b) => b.strategy !== 'bluff');
    const ctx = contextOf(mixedConfig({ builders: honest }));
    for (let k = 0; k < 150; k++) {
      const r = runAuction(ctx, k);
      expect(r.efficiency).toBeGreaterThanOrEqual(0);
      expect(r.efficiency).toBeLessThanOrEqual(1);
      expect(r.winnerProfitEth).toBeGreaterThanOrEqual(0);
      expect(r.decoyWin).toBe(false);
      if (r.runnerUpBidEth !== null) expect(r.runnerUpBidEth).toBeLessThanOrEqual(r.winningBidEth);
    }
  });

  it('adding an 11th builder leaves the other builders\' private-flow observations unchanged', () => {
    const ten = Array.from({ length: 10 }, (_, i) => MIXED_BUILDERS[i % MIXED_BUILDERS.length]!).map((b, i) => ({
      ...b,
      id: `b${i}`,
    }));
    const extra = { id: 'newcomer', strategy: 'adaptive' as const, latencyMs: 5, privateFlowProbability: 0.5 };
    const a = contextOf(mixedConfig({ builders: ten }));
    const b = contextOf(mixedConfig({ builders: [extra, ...ten] }));
    for (let k = 0; k < 30; k++) {
      const ra = runAuction(a, k);
      const rb = runAuction(b, k);
      expect(rb.privateArrivals).toBe(ra.privateArrivals);
      expect(rb.totalSignalEth).toBe(ra.totalSignalEth);
      expect(rb.callTimeMs).toBe(ra.callTimeMs);
      expect([...b.privateValueEth.subarray(1)]).toEqual([...a.privateValueEth]);
    }
    expect(a.privateValueEth.some((v) => v > 0)).toBe(true);
  });
});
