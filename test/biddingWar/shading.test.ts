import { describe, expect, it } from 'vitest';
import { BiddingWarRun, type BiddingWarSnapshot } from '../../src/biddingWar/biddingWarRun.js';
import { runBiddingWar } from '../../src/biddingWar/runBiddingWar.js';
import { beatsBestRival, counterfactualPayoffs, type ShadingOutcome } from '../../src/biddingWar/shading.js';
import { parseBiddingWarConfig, type BiddingWarConfigInput } from '../../src/config/biddingWarSchema.js';
import { MIXED_BUILDERS, mixedConfig } from './fixtures.js';

type BuilderInput = BiddingWarConfigInput['builders'][number];
type ShadingInput = NonNullable<BuilderInput['shading']>;
type BuilderResult = ReturnType<typeof runBiddingWar>['summary']['byBuilder'][string];

const GRID = Array.from({ length: 21 }, (_, i) => i / 20);
const hedge: ShadingInput = { name: 'hedge', learningRate: 0.1, grid: GRID };
/** A naive builder that sees every private item (so rivals built alike have the same value). */
const hedgeNaive = (id: string): BuilderInput => ({ id, strategy: 'naive', privateFlowProbability: 1, shading: hedge });

const outcome = (o: Partial<ShadingOutcome>): ShadingOutcome => ({
  builder: 1,
  valueEth: 1,
  bidEth: 0,
  arrivalMs: Number.NaN,
  won: false,
  bestRival: null,
  winningBidEth: null,
  ...o,
});

describe('counterfactual payoffs of shading factors (rivals\' bids held fixed)', () => {
  it('a factor s earns v − s·v when s·v beats the best rival bid, else 0; no rival: any positive bid wins', () => {
    const rival = { bidEth: 0.5, arrivalMs: 100, builder: 0 };
    const payoffs = counterfactualPayoffs([0, 0.25, 0.6, 1], outcome({ valueEth: 2, bestRival: rival }));
    expect(payoffs).toEqual([0, 0, 2 - 1.2, 0]);
    expect(counterfactualPayoffs([0, 0.5], outcome({ valueEth: 2 }))).toEqual([0, 1]);
  });

  it('a tie goes by the book: the earlier arrival, then the lower index; without a standing bid it loses', () => {
    const rival = { bidEth: 0.5, arrivalMs: 100, builder: 0 };
    expect(beatsBestRival(outcome({ arrivalMs: 90, bestRival: rival }), 0.5)).toBe(true);
    expect(beatsBestRival(outcome({ arrivalMs: 110, bestRival: rival }), 0.5)).toBe(false);
    expect(beatsBestRival(outcome({ arrivalMs: 100, builder: 1, bestRival: rival }), 0.5)).toBe(false);
    expect(beatsBestRival(outcome({ arrivalMs: 100, builder: 0, bestRival: { ...rival, builder: 2 } }), 0.5)).toBe(true);
    expect(beatsBestRival(outcome({ bestRival: rival }), 0.5)).toBe(false);
  });
});

describe('bidding-war builders with learned shading', () => {
  it('`fixed` shading bids exactly as no shading (same records) and only adds summary fields', () => {
    const plain = runBiddingWar(mixedConfig());
    const fixed = runBiddingWar(mixedConfig({ builders: MIXED_BUILDERS.map((b) => ({ ...b, shading: { name: 'fixed' } })) }));
    expect(JSON.stringify(fixed.records)).toBe(JSON.stringify(plain.records));
    for (const [id, s] of Object.entries(plain.summary.byBuilder)) expect(fixed.summary.byBuilder[id]).toMatchObject(s);
    expect(fixed.summary.byBuilder['n1']).toMatchObject({ shadingStrategy: 'fixed', meanShadingFactor: null, auctionsWithValue: 40 });
    expect(plain.summary.byBuilder['n1']).not.toHaveProperty('regretEth');
  });

  it('a learner changes no other draw: the flow and the call times are those of the run without it', () => {
    const plain = runBiddingWar(mixedConfig());
    const learning = runBiddingWar(mixedConfig({ builders: [...MIXED_BUILDERS.slice(0, 5), { ...MIXED_BUILDERS[5]!, shading: hedge }] }));
    const flow = (r: typeof plain) => r.records.map((a) => [a.totalSignalEth, a.publicSignalEth, a.callTimeMs]);
    expect(flow(learning)).toEqual(flow(plain));
  });

  it('a one-action grid has zero regret, exactly: a naive builder\'s played action earns its counterfactual', () => {
    const { summary } = runBiddingWar({
      kind: 'bidding-war',
      seed: 3,
      auctions: 300,
      builders: [{ id: 'p', strategy: 'naive', shading: { name: 'hedge', grid: [0.9] } }, { id: 'q', strategy: 'naive' }, { id: 'a', strategy: 'adaptive' }],
    });
    const p = summary.byBuilder['p']!;
    expect(p.wins).toBeGreaterThan(0);
    expect(p.regretEth).toBe(0);
    expect(p.payoffEth).toBe(p.totalProfitEth);
    expect(p.meanShadingFactor).toBe(0.9);
  });

  // Measured at seed 5 (seeds 6 and 7 alike): the pair's last window bids 0.900 of value, the lone
  // builder's 0.050 (the grid's lowest positive factor); regret per auction falls from 6.2e-3,
  // 8.3e-3 and 1.1e-2 ETH after 500 auctions to 8.6e-4, 2.3e-3 and 1.8e-3 ETH after 3000.
  it('Hedge: two naive rivals with the same flow bid ≥ 0.85 of their value, a lone builder ≤ 0.06; regret per auction falls', () => {
    const run = (builders: BuilderInput[], auctions: number) => runBiddingWar({ kind: 'bidding-war', seed: 5, auctions, builders }).summary.byBuilder;
    const pair = run([hedgeNaive('x'), hedgeNaive('y')], 3000);
    const lone = run([hedgeNaive('solo')], 3000);
    for (const id of ['x', 'y']) expect(pair[id]!.shadeByWindow!.at(-1)).toBeGreaterThanOrEqual(0.85);
    expect(lone['solo']!.shadeByWindow!.at(-1)).toBeLessThanOrEqual(0.06);
    expect(lone['solo']!.bestFixedShade).toBe(0.05);
    const pairEarly = run([hedgeNaive('x'), hedgeNaive('y')], 500);
    const loneEarly = run([hedgeNaive('solo')], 500);
    const pairs: [BuilderResult, BuilderResult][] = [[pair['x']!, pairEarly['x']!], [pair['y']!, pairEarly['y']!], [lone['solo']!, loneEarly['solo']!]];
    for (const [late, early] of pairs) {
      expect(early.regretPerAuctionEth).toBeGreaterThan(0);
      expect(late.regretPerAuctionEth!).toBeLessThan(0.5 * early.regretPerAuctionEth!);
    }
  });

  it('every learner runs on every strategy, its chosen factors on its grid', () => {
    const learners: ShadingInput[] = [
      { name: 'hedge' },
      { name: 'exp3', gamma: 0.2 },
      { name: 'q-learning' },
      { name: 'epsilon-greedy', epsilon: 0.2 },
      { name: 'ucb1', grid: [0.5, 0.8, 0.9, 1] },
      { name: 'fixed' },
    ];
    const builders = MIXED_BUILDERS.map((b, i) => ({ ...b, shading: learners[i]! }));
    const { summary } = runBiddingWar(mixedConfig({ auctions: 60, builders }));
    for (const [i, b] of MIXED_BUILDERS.entries()) {
      const s = summary.byBuilder[b.id]!;
      expect(s.shadingStrategy).toBe(learners[i]!.name);
      expect(s.auctionsWithValue).toBeGreaterThan(50);
      if (learners[i]!.name !== 'fixed') expect(s.meanShadingFactor).toBeGreaterThanOrEqual(i === 4 ? 0.5 : 0);
    }
  });
});

describe('a bidding war with learners resumes byte-identically', () => {
  const config = parseBiddingWarConfig(
    mixedConfig({
      auctions: 120,
      builders: [
        ...MIXED_BUILDERS.map((b, i): BuilderInput => (i === 0 ? b : { ...b, shading: ([hedge, { name: 'exp3' }, { name: 'q-learning' }, { name: 'epsilon-greedy' }, { name: 'fixed' }] as ShadingInput[])[i - 1]! })),
        { id: 'u1', strategy: 'naive', shading: { name: 'ucb1', grid: [0.6, 0.8, 0.95] } },
      ],
    }),
  );

  it('stopped after 37 and 80 auctions, each snapshot through JSON, it equals a straight run', () => {
    const straight: unknown[] = [];
    const whole = BiddingWarRun.start(config, { onAuction: (r) => straight.push(r) });
    whole.step(config.auctions);
    const pieces: unknown[] = [];
    let run = BiddingWarRun.start(config, { onAuction: (r) => pieces.push(r) });
    for (const stop of [37, 80]) {
      run.step(stop);
      const snap = JSON.parse(JSON.stringify(run.snapshot())) as BiddingWarSnapshot;
      run = BiddingWarRun.restore(config, snap, { onAuction: (r) => pieces.push(r) });
    }
    run.step(config.auctions);
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(straight));
    expect(JSON.stringify(run.result())).toBe(JSON.stringify(whole.result()));
    expect(JSON.stringify(run.snapshot())).toBe(JSON.stringify(whole.snapshot()));
  });

  it('refuses a snapshot of another layout or of other builders', () => {
    const run = BiddingWarRun.start(config);
    run.step(5);
    const snap = run.snapshot();
    expect(() => BiddingWarRun.restore(config, { ...snap, layout: 99 as 1 })).toThrow(/layout/);
    const other = parseBiddingWarConfig(mixedConfig());
    expect(() => BiddingWarRun.restore(other, snap)).toThrow(/do not match/);
  });
});
