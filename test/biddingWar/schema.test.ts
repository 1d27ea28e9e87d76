import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/loadConfig.js';
import { strategySchema } from '../../src/config/strategySchema.js';
import { cli, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';
import { messageOf } from '../config/messageOf.js';
import {
  biddingWarConfigSchema,
  parseBiddingWarConfig,
  strategyNameSchema,
} from '../../src/config/biddingWarSchema.js';
import { mixedConfig } from './fixtures.js';

const minimal = { kind: 'bidding-war', builders: [{ id: 'x', strategy: 'naive' }] };
const rejects = (raw: unknown) => expect(biddingWarConfigSchema.safeParse(raw).success).toBe(false);
const withBuilder = (b: Record<string, unknown>) => ({ ...minimal, builders: [{ id: 'x', strategy: 'naive', ...b }] });

describe('bidding-war config schema', () => {
  it('fills the paper\'s defaults', () => {
    const cfg = parseBiddingWarConfig(minimal);
    expect(cfg).toMatchObject({ seed: 1, auctions: 10_000, slotMs: 12_000, stepMs: 10, relayDelayMs: 10 });
    expect(cfg.flow).toEqual({
      publicRatePerSecond: 8.2,
      publicSizeLogMean: -11.66306,
      publicSizeLogSd: 3.0545,
      privateRatePerSecond: 4,
      privateSizeLogMean: -8.41975,
      privateSizeLogSd: 1.95231,
    });
    expect(cfg.proposerCall).toEqual({ kind: 'normal', meanMs: 12_000, sdMs: 100 });
    expect(cfg.builders[0]).toEqual({
      id: 'x',
      strategy: 'naive',
      latencyMs: 10,
      privateFlowProbability: { min: 0.8, max: 1 },
      marginEth: 0.00659,
      marginSdEth: 0.0001,
    });
    const bluff = parseBiddingWarConfig(withBuilder({ strategy: 'bluff' })).builders[0];
    expect(bluff).toMatchObject({ bluffMinEth: 0.3, bluffMaxEth: 0.4, revealLeadMinMs: 1000, revealLeadMaxMs: 2000 });
    const adaptive = parseBiddingWarConfig(withBuilder({ strategy: 'adaptive' })).builders[0];
    expect(adaptive).toMatchObject({ deltaEth: 0.0001, outbidSelf: false });
  });

  it('accepts the scenario file and the test fixtures', () => {
    const raw: unknown = JSON.parse(readFileSync('configs/scenarios/mev-boost-bidding-war.json', 'utf8'));
    const cfg = parseBiddingWarConfig(raw);
    expect(cfg.builders).toHaveLength(10);
    expect(cfg.auctions).toBe(10_000);
    expect(() => parseBiddingWarConfig(mixedConfig())).not.toThrow();
  });

  it('rejects out-of-range values', () => {
    rejects(withBuilder({ latencyMs: -1 }));
    rejects({ ...minimal, stepMs: 0 });
    rejects({ ...minimal, stepMs: -10 });
    rejects({ ...minimal, stepMs: 20_000 });
    rejects(withBuilder({ privateFlowProbability: 1.5 }));
    rejects(withBuilder({ privateFlowProbability: -0.1 }));
    rejects(withBuilder({ privateFlowProbability: { min: 0.9, max: 0.8 } }));
    rejects(withBuilder({ marginEth: -0.001 }));
    rejects(withBuilder({ strategy: 'adaptive', deltaEth: 0 }));
    rejects(withBuilder({ strategy: 'bluff', bluffMinEth: 0.5, bluffMaxEth: 0.4 }));
    rejects(withBuilder({ strategy: 'stealth', revealLeadMinMs: 600, revealLeadMaxMs: 500 }));
    rejects({ ...minimal, proposerCall: { kind: 'uniform', minMs: 13_000, maxMs: 12_000 } });
    rejects({ ...minimal, proposerCall: { kind: 'normal', sdMs: -1 } });
    rejects({ ...minimal, auctions: 0 });
    rejects({ ...minimal, builders: [] });
  });

  it('rejects unknown keys, strategies and duplicate ids', () => {
    rejects({ ...minimal, extra: 1 });
    rejects(withBuilder({ deltaEth: 0.001 })); // a naive builder has no delta
    rejects({ ...minimal, flow: { publicRate: 1 } });
    rejects(withBuilder({ strategy: 'sniper' }));
    rejects({ ...minimal, kind: 'tullock' });
    rejects({ ...minimal, builders: [{ id: 'x', strategy: 'naive' }, { id: 'x', strategy: 'bluff' }] });
    rejects(withBuilder({ id: 'a/b' }));
  });

  it('reports every problem with its path', () => {
    expect(() => parseBiddingWarConfig({ ...withBuilder({ latencyMs: -1 }), stepMs: 0 })).toThrow(
      /builders\.0\.latencyMs[\s\S]*stepMs|stepMs[\s\S]*builders\.0\.latencyMs/,
    );
  });

  it('the strategy enum is the registry\'s tuple', () => {
    expect(strategyNameSchema.options).toEqual(['naive', 'adaptive', 'last-minute', 'stealth', 'bluff']);
  });
});

describe('bidding-war `shading`: the market\'s learners, checked with the market\'s messages', () => {
  const war = (shading: unknown) => ({ kind: 'bidding-war', builders: [{ id: 'x', strategy: 'naive', shading }] });
  const market = (strategy: unknown) =>
    smallConfig({ searchers: [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A', strategy }], bidding: { feedback: 'min-to-win' } });
  /** The problem as stated after the field path, the same wording whichever config names the field. */
  const problem = (message: string, field: string) => message.slice(message.indexOf(field) + field.length);

  it('fills the same defaults as the market\'s strategy; omitted, the builder has none', () => {
    for (const name of ['epsilon-greedy', 'ucb1', 'exp3', 'hedge', 'q-learning']) {
      const shading = parseBiddingWarConfig(war({ name })).builders[0]!.shading;
      expect(shading).toEqual(strategySchema.parse({ name }));
    }
    expect(parseBiddingWarConfig(minimal).builders[0]).not.toHaveProperty('shading');
    expect(parseBiddingWarConfig(war({ name: 'fixed' })).builders[0]!.shading).toEqual({ name: 'fixed' });
  });

  const cases: [string, Record<string, unknown>][] = [
    ['an empty grid', { name: 'ucb1', grid: [] }],
    ['an unsorted grid', { name: 'ucb1', grid: [0.5, 0.2] }],
    ['a negative grid value', { name: 'exp3', grid: [-0.1, 0.5] }],
    ['a learning rate of 0', { name: 'hedge', learningRate: 0 }],
    ['an epsilon above 1', { name: 'epsilon-greedy', epsilon: 1.5 }],
    ['a gamma of 0', { name: 'exp3', gamma: 0 }],
    ['a discount of 1', { name: 'q-learning', discount: 1 }],
  ];
  for (const [what, spec] of cases) {
    it(`${what}: the market's message, at builders[0].shading`, () => {
      const m = messageOf(() => resolveConfig(war(spec)));
      const inMarket = messageOf(() => resolveConfig(market(spec)));
      expect(m).toMatch(/^Invalid config \(inline config\): builders\[0\]\.shading\./);
      expect(inMarket).toMatch(/^Invalid config \(inline config\): searchers\[0\]\.strategy\./);
      expect(problem(m, 'builders[0].shading.')).toBe(problem(inMarket, 'searchers[0].strategy.'));
    });
  }

  it('an unknown learner lists the choices; absolute bids are refused', () => {
    expect(messageOf(() => resolveConfig(war({ name: 'sniper' })))).toMatch(/builders\[0\]\.shading\.name must be one of "fixed", "epsilon-greedy", "ucb1", "exp3", "hedge", "q-learning", but got "sniper"/);
    expect(messageOf(() => resolveConfig(war({ name: 'hedge', actions: 'absolute' })))).toMatch(/builders\[0\]\.shading\.actions must be one of "shading", but got "absolute"/);
  });

  it('the CLI exits 2 with the message', async () => {
    const r = await cli('run', writeConfig(war({ name: 'hedge', grid: [1, 0] })), '--out', join(tempDir(), 'run'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/builders\[0\]\.shading\.grid: the grid must be sorted strictly ascending/);
  });
});
