import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { smallConfig } from '../cli/helpers.js';

/** A small config with one cross-rollup searcher given `fields` (and the config's `extra` fields). */
const cross = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  smallConfig({ searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], ...fields }], ...extra });

describe('payOn "both" and payOnRatio: bad input is refused naming the field (the CLI exits 2)', () => {
  for (const ratio of [0, 1, 1.5, -0.2]) {
    it(`payOnRatio ${ratio} ∉ (0, 1)`, () => {
      expect(messageOf(() => resolveMarketConfig(cross({ payOn: 'both', payOnRatio: ratio })))).toMatch(/searchers\[0\]\.payOnRatio must be a number [<>] [01], but got/);
    });
  }

  it('payOnRatio without payOn "both" is a parameter never read', () => {
    expect(messageOf(() => resolveMarketConfig(cross({ payOn: 'A', payOnRatio: 0.3 })))).toMatch(/searchers\[0\]\.payOnRatio: payOnRatio is read only with payOn "both"/);
  });

  it('payOnRatio for a searcher that never bundles atomically', () => {
    expect(messageOf(() => resolveMarketConfig(cross({ payOn: 'both', payOnRatio: 0.3, bundling: 'split' })))).toMatch(/searchers\[0\]\.payOnRatio: payOnRatio only matters for atomic bundles/);
    expect(messageOf(() => resolveMarketConfig(cross({ payOn: 'both', payOnRatio: 0.3 }, { sequencing: { mode: 'separate' } })))).toMatch(/searchers\[0\]\.payOnRatio: payOnRatio only matters for atomic bundles/);
  });

  it('payOn neither a rollup of the searcher nor "both"', () => {
    expect(messageOf(() => resolveMarketConfig(cross({ payOn: 'C' })))).toMatch(/searchers\[0\]\.payOn: payOn must be one of the searcher's rollups \(A, B\) or "both"/);
  });

  it('accepts payOn "both" with or without a ratio, and "both" among the learned choices', () => {
    expect(resolveMarketConfig(cross({ payOn: 'both' })).searchers[0]).toMatchObject({ payOn: 'both' });
    expect(resolveMarketConfig(cross({ payOn: 'both', payOnRatio: 0.25 })).searchers[0]).toMatchObject({ payOnRatio: 0.25 });
    expect(resolveMarketConfig(cross({ payOnRatio: 0.25, choices: { learner: { name: 'ucb1' }, payOn: ['A', 'both'] } })).searchers[0]).toMatchObject({ payOnRatio: 0.25 });
  });
});
