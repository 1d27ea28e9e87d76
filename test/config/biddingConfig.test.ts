import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { cli, smallConfig, writeConfig } from '../cli/helpers.js';

const searcherWith = (strategy: unknown) => smallConfig({ searchers: [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A', strategy }] });
const buildersWith = (strategy: unknown, mechanism: Record<string, unknown>, bidding: Record<string, unknown> = {}) =>
  smallConfig({ builders: [{ id: 'b1', strategy }, { id: 'b2' }], mechanism, bidding });

describe('bidders\' strategies: bad input is one paragraph naming the field and the alternatives', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown strategy', searcherWith({ name: 'clairvoyant' }), /searchers\[0\]\.strategy\.name.*"fixed-fraction".*"q-learning".*clairvoyant/],
    ['an empty grid', searcherWith({ name: 'ucb1', grid: [] }), /searchers\[0\]\.strategy\.grid must be a list with at least 1 item/],
    ['an unsorted grid', searcherWith({ name: 'ucb1', grid: [0.5, 0.2] }), /searchers\[0\]\.strategy\.grid.*sorted strictly ascending/],
    ['a negative grid value', searcherWith({ name: 'exp3', grid: [-0.1, 0.5] }), /searchers\[0\]\.strategy\.grid\[0\] must be a number >= 0/],
    ['a learning rate of 0', searcherWith({ name: 'hedge', learningRate: 0 }), /learningRate must be a number > 0/],
    ['an epsilon above 1', searcherWith({ name: 'epsilon-greedy', epsilon: 1.5 }), /epsilon must be a number <= 1/],
    ['an unknown feedback policy', smallConfig({ bidding: { feedback: 'everything' } }), /bidding\.feedback.*"own".*"all-bids"/],
    ['feedback the mechanism cannot give', buildersWith({ name: 'truthful' }, { name: 'first-price' }, { feedback: 'all-bids' }), /bidding\.feedback.*"all-bids" is more than "first-price" reveals.*at most "min-to-win"/],
    ['hedge without counterfactual feedback', searcherWith({ name: 'hedge' }), /searchers\[0\]\.strategy\.name.*hedge needs the payoff of every action.*"min-to-win"/],
    ['all-bids feedback under order-flow-auction with builders (they bid first-price for the block)', buildersWith({ name: 'truthful' }, { name: 'order-flow-auction' }, { feedback: 'all-bids' }), /bidding\.feedback.*"all-bids" is more than "first-price" reveals.*at most "min-to-win"/],
    ['hedge under Tullock with min-to-win', buildersWith({ name: 'hedge' }, { name: 'tullock' }, { feedback: 'min-to-win' }), /builders\[0\]\.strategy\.name.*"all-bids"/],
    ['q-learning without the winning bid', searcherWith({ name: 'q-learning' }), /q-learning's state is the last winning bid.*winning-bid/],
    ['a searcher estimating rivals from history', searcherWith({ name: 'equilibrium', rivals: 'history' }), /searchers\[0\]\.strategy\.rivals.*"exact"/],
    ['choices with nothing to choose', smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', choices: { learner: { name: 'ucb1' } } }] }), /searchers\[0\]\.choices: choices lists nothing to choose/],
    ['bundling choices for a kind without bundling', smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', choices: { learner: { name: 'ucb1' }, bundling: ['atomic', 'split'] } }] }), /searchers\[0\]\.choices\.bundling: only cross-rollup searchers choose bundling/],
    ['an unknown exclusive builder among the choices', smallConfig({ builders: [{ id: 'b1' }], searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', choices: { learner: { name: 'exp3' }, exclusiveBuilder: ['b9', null] } }] }), /choices\.exclusiveBuilder: unknown builder "b9"; known builders are "b1"/],
    ['a hedge learner for choices', smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', choices: { learner: { name: 'hedge' }, exclusiveBuilder: [null] } }] }), /choices\.learner\.name must be one of "epsilon-greedy", "ucb1", "exp3"/],
  ];
  for (const [what, config, pattern] of cases) {
    it(`${what}`, () => {
      const m = messageOf(() => resolveMarketConfig(config));
      expect(m).toMatch(pattern);
      expect(m).not.toContain('\n');
    });
  }

  it('under order-flow-auction builders bid first-price for the block: min-to-win feedback and equilibrium builders are accepted', () => {
    const cfg = resolveMarketConfig(buildersWith({ name: 'equilibrium' }, { name: 'order-flow-auction' }, { feedback: 'min-to-win' }));
    expect(cfg.bidding.feedback).toBe('min-to-win');
  });

  it('the CLI exits 2 with the message and writes nothing', async () => {
    const path = writeConfig(searcherWith({ name: 'ucb1', grid: [1, 0] }));
    const r = await cli('run', path, '--slots', '5');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/grid must be sorted strictly ascending/);
  });

  it('valid strategies of every kind resolve', () => {
    for (const strategy of [{ name: 'fixed-fraction' }, { name: 'truthful' }, { name: 'equilibrium' }, { name: 'epsilon-greedy' }, { name: 'ucb1' }, { name: 'exp3' }])
      expect(resolveMarketConfig(searcherWith(strategy)).searchers[0]!.strategy.name).toBe(strategy.name);
    expect(resolveMarketConfig(smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', strategy: { name: 'hedge' } }], bidding: { feedback: 'min-to-win' } })).bidding.feedback).toBe('min-to-win');
  });
});

describe('choices that could do nothing are refused', () => {
  const cross = (extra: Record<string, unknown>, top: Record<string, unknown> = {}) =>
    smallConfig({ searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], ...extra }], ...top });
  it('bundling under separate sequencing', () => {
    expect(messageOf(() => resolveMarketConfig(cross({ choices: { learner: { name: 'ucb1' }, bundling: ['atomic', 'split'] } }, { sequencing: { mode: 'separate' } })))).toMatch(/choices\.bundling: under separate sequencing/);
  });
  it('payOn for a searcher that never bundles atomically', () => {
    expect(messageOf(() => resolveMarketConfig(cross({ bundling: 'split', choices: { learner: { name: 'ucb1' }, payOn: ['A', 'B'] } })))).toMatch(/choices\.payOn: payOn only matters for atomic bundles/);
  });
});
