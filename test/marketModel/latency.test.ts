import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import type { LatencyJitter } from '../../src/config/latencySchema.js';
import { bindDistributions, type Distributions } from '../../src/engine/distributions.js';
import { createStream } from '../../src/engine/randomStreams.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { drawLatencyMs } from '../../src/marketModel/latency.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/* Latency as a distribution (issue 14 item 1): the draw itself, and where the market reads it. */

const dist = (seed = 1): Distributions => bindDistributions(createStream(seed, 'test/latency').next);

/** Mean and standard deviation of n draws. */
function moments(n: number, draw: () => number): { mean: number; sd: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean) };
}

describe('one drawn latency', () => {
  const n = 40_000;

  it('without jitter is the base less the colocation advantage, never below 0, and draws nothing', () => {
    const none = new Proxy({} as Distributions, { get: () => { throw new Error('drew'); } });
    expect(drawLatencyMs({ baseMs: 80 }, none)).toBe(80);
    expect(drawLatencyMs({ baseMs: 80, colocationMs: 30 }, none)).toBe(50);
    expect(drawLatencyMs({ baseMs: 20, colocationMs: 30 }, none)).toBe(0);
  });

  it('normal: mean base − colocation, sd = sdMs + cv × base (within 4 standard errors)', () => {
    const d = dist();
    const jitter: LatencyJitter = { dist: 'normal', sdMs: 5, cv: 0.1 };
    const { mean, sd } = moments(n, () => drawLatencyMs({ baseMs: 200, colocationMs: 40, jitter }, d));
    // sd 25: SE of the mean 25/√n; of the sd ≈ 25/√(2n) (normal sample).
    expect(Math.abs(mean - 160)).toBeLessThan((4 * 25) / Math.sqrt(n));
    expect(Math.abs(sd - 25)).toBeLessThan((4 * 25) / Math.sqrt(2 * n));
  });

  it('log-normal is multiplicative and mean-preserving: mean base, coefficient of variation √(exp(σ²) − 1)', () => {
    const d = dist(2);
    const sigma = 0.3;
    const cv = Math.sqrt(Math.exp(sigma * sigma) - 1);
    const { mean } = moments(n, () => drawLatencyMs({ baseMs: 100, colocationMs: 10, jitter: { dist: 'lognormal', sigma } }, d));
    expect(Math.abs(mean - 90)).toBeLessThan((4 * 100 * cv) / Math.sqrt(n));
  });

  it('exponential: base − colocation + Exp(meanMs), so the mean is base − colocation + meanMs and nothing is below base − colocation', () => {
    const d = dist(3);
    const draws = Array.from({ length: n }, () => drawLatencyMs({ baseMs: 50, colocationMs: 20, jitter: { dist: 'exponential', meanMs: 40 } }, d));
    const mean = draws.reduce((a, x) => a + x, 0) / n;
    expect(Math.abs(mean - 70)).toBeLessThan((4 * 40) / Math.sqrt(n)); // an exponential's sd is its mean
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(30);
  });

  it('empirical: base − colocation + one of the samples, each about equally often', () => {
    const d = dist(4);
    const samplesMs = [0, 10, 35];
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = drawLatencyMs({ baseMs: 100, jitter: { dist: 'empirical', samplesMs } }, d);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([100, 110, 135]);
    // Binomial(n, 1/3): sd √(n·(1/3)(2/3)).
    for (const c of counts.values()) expect(Math.abs(c - n / 3)).toBeLessThan(4 * Math.sqrt((n * 2) / 9));
  });

  it('is never below 0, however wide the jitter', () => {
    const d = dist(5);
    for (let i = 0; i < 2000; i++) expect(drawLatencyMs({ baseMs: 10, colocationMs: 5, jitter: { dist: 'normal', sdMs: 1000, cv: 0 } }, d)).toBeGreaterThanOrEqual(0);
  });

  it('draws exactly one variate per call, whatever the parameters', () => {
    const calls: string[] = [];
    const base = dist(6);
    const counting = new Proxy(base, { get: (t, k: string) => (typeof t[k as keyof Distributions] === 'function' ? (...a: number[]) => (calls.push(k), (t[k as keyof Distributions] as (...a: number[]) => unknown)(...a)) : t[k as keyof Distributions]) });
    const jitters: LatencyJitter[] = [{ dist: 'normal', sdMs: 0, cv: 0 }, { dist: 'normal', sdMs: 3, cv: 1 }, { dist: 'lognormal', sigma: 0 }, { dist: 'exponential', meanMs: 0 }, { dist: 'empirical', samplesMs: [4] }];
    for (const jitter of jitters) drawLatencyMs({ baseMs: 10, jitter }, counting);
    expect(calls).toEqual(['normal', 'normal', 'logNormal', 'exponential', 'int']);
  });
});

/** One rollup with users and two backrunners and a CEX-DEX arbitrageur; `searcher` fields added to each. */
function marketConfig(searcher: Record<string, unknown>, extra: Record<string, unknown> = {}, ordering = 'fcfs') {
  return resolveMarketConfig({
    seed: 3,
    slots: 150,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 2 },
    rollups: [{ id: 'A', gasToken: 'Y', ordering, pool: { reserveX: 5000, reserveY: 10_000_000, fee: 0.0005 }, users: { arrivalsPerSlot: 3, medianSizeY: 5000 } }],
    searchers: [
      { kind: 'backrun', id: 'b1', rollup: 'A', latencyMs: 40, ...searcher },
      { kind: 'backrun', id: 'b2', rollup: 'A', latencyMs: 60, ...searcher },
      { kind: 'cex-dex', id: 'arb', rollup: 'A', latencyMs: 30, ...searcher },
    ],
    ...extra,
  });
}

describe('drawn latencies in the market', () => {
  it('every bundle arrives at or after its opportunity (slot start, or its target swap), and each bundle has its own draw', () => {
    const config = marketConfig({ colocationMs: 50, latencyJitter: { dist: 'normal', sdMs: 40 } });
    const { sim, lastOutcome } = buildMarketSimulation(config);
    const delays = new Set<number>();
    let bundles = 0;
    for (let slot = 0; slot < config.slots; slot++) {
      stepSlot(sim, slot);
      const out = lastOutcome()!;
      const users = new Map(out.arrivals.flat().map((u) => [u.id, u]));
      for (const b of out.search.bundles) {
        const seenMs = b.target.kind === 'top' ? slot * config.clock.slotMs : users.get(b.target.userId)?.arrivalMs;
        if (seenMs === undefined) continue; // a swap left from an earlier slot
        expect(b.arrivalMs).toBeGreaterThanOrEqual(seenMs);
        delays.add(b.arrivalMs - seenMs);
        bundles++;
      }
    }
    expect(bundles).toBeGreaterThan(300);
    expect(delays.has(0)).toBe(true); // the clamp binds (means −10, 10 and −20 ms)
    expect(delays.size).toBeGreaterThan(bundles / 3); // distinct draws, not one latency per searcher
  });

  it('without latencyJitter nothing is drawn: no latency stream exists and the run equals one without the fields', () => {
    const rows = (config: ReturnType<typeof marketConfig>) => {
      const out: unknown[] = [];
      runMarket(config, { onRow: (r) => void out.push(r) });
      return JSON.stringify(out);
    };
    const latencyStreams = (config: ReturnType<typeof marketConfig>) => {
      const { sim, runtime } = buildMarketSimulation(config);
      for (let slot = 0; slot < 20; slot++) stepSlot(sim, slot);
      return runtime.streams.paths().filter((p) => p.startsWith('latency/'));
    };
    const plain = marketConfig({});
    expect(latencyStreams(plain)).toEqual([]);
    expect(latencyStreams(marketConfig({ colocationMs: 10 }))).toEqual([]);
    expect(latencyStreams(marketConfig({ latencyJitter: { dist: 'exponential', meanMs: 5 } }))).toEqual(['latency/searcher/arb', 'latency/searcher/b1', 'latency/searcher/b2']);
    expect(rows(marketConfig({ colocationMs: 0 }))).toBe(rows(plain));
  });

  it('same config and seed with jitter: byte-identical rows', () => {
    const rows = (seed: number) => {
      const out: unknown[] = [];
      runMarket({ ...marketConfig({ colocationMs: 5, latencyJitter: { dist: 'lognormal', sigma: 0.5 } }), seed }, { onRow: (r) => void out.push(r) });
      return JSON.stringify(out);
    };
    expect(rows(3)).toBe(rows(3));
  });

  it('a block auction drops the bundles arriving after bidDeadlineMs: with base b and Exp(m) jitter, a share exp(−(D − b)/m)', () => {
    // P(b + E > D) = P(E > D − b) = exp(−(D − b)/m) for E ~ Exp(mean m), the exponential's survival function.
    const b = 100;
    const m = 100;
    const D = 150;
    const config = resolveMarketConfig({
      seed: 9,
      slots: 1500,
      reference: { initialPriceYPerX: 2000, sigmaPerYear: 3 },
      rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 5000, reserveY: 10_000_000, fee: 0.0001 }, users: { arrivalsPerSlot: 0 } }],
      searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', latencyMs: b, latencyJitter: { dist: 'exponential', meanMs: m } }],
      builders: [{ id: 'builder-1' }],
      validators: [{ id: 'v1', stake: 1 }],
      mechanism: { name: 'block-auction', bidDeadlineMs: D },
    });
    let late = 0;
    let onTime = 0;
    runMarket(config, { onRow: (r) => { late += r['late_bundles'] as number; onTime += r['bids'] as number; } });
    const n = late + onTime;
    const p = Math.exp(-(D - b) / m);
    expect(n).toBeGreaterThan(800);
    expect(Math.abs(late / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe("a builder's drawn bid time (bidTimeJitter)", () => {
  // mev-burn's committee (Drake, "MEV burn—a simple design", ethresear.ch/t/15590): member j sees
  // a bid sent at t iff t + memberLatencyMs (+ its own jitter, 0 here) ≤ deadlineMs, and the floor
  // it burns is the best bid it saw (0 when it saw none). With the bid time t = 1000 ms + one of
  // {0, 1000} ms (drawn uniformly) and members at 100 ms before a 1500 ms deadline, a bid is seen
  // iff the draw is 0: half the blocks burn their floor, the other half burn nothing; without the
  // jitter every block burns.
  const run = (bidTimeJitter: unknown) => {
    const config = resolveMarketConfig({
      seed: 11,
      slots: 600,
      reference: { initialPriceYPerX: 2000, sigmaPerYear: 3 },
      rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 5000, reserveY: 10_000_000, fee: 0.0001 }, users: { arrivalsPerSlot: 0 } }],
      searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', latencyMs: 10 }],
      builders: [{ id: 'builder-1', bidTimeMs: 1000, bidTimeJitter }],
      validators: [{ id: 'v1', stake: 1 }],
      mechanism: { name: 'mev-burn', committeeSize: 4, memberLatencyMs: 100, latencyJitterMs: 0, deadlineMs: 1500, floorRule: 'min' },
    });
    let blocks = 0;
    let burning = 0;
    runMarket(config, { onRow: (r) => { if ((r['winning_bid_y'] as number) > 0) { blocks++; if ((r['burned_y'] as number) > 0) burning++; } } });
    return { blocks, burning };
  };

  it('decides whether the committee sees the bid: half the blocks burn, within 4 standard errors; none missed without it', () => {
    const jittered = run({ dist: 'empirical', samplesMs: [0, 1000] });
    expect(jittered.blocks).toBeGreaterThan(300);
    expect(Math.abs(jittered.burning / jittered.blocks - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / jittered.blocks));
    const fixed = run(undefined);
    expect(fixed.burning).toBe(fixed.blocks);
  });
});
