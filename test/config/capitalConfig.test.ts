import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { smallConfig } from '../cli/helpers.js';

/** A small config whose first searcher (a `kind` searcher) gets `fields`. */
const with1 = (fields: Record<string, unknown>, kind: Record<string, unknown> = { kind: 'cex-dex', rollup: 'A' }) =>
  smallConfig({ searchers: [{ id: 's', ...kind, ...fields }] });
const refused = (fields: Record<string, unknown>, kind?: Record<string, unknown>) => messageOf(() => resolveMarketConfig(with1(fields, kind)));

describe('searchers[].capital and searchers[].cex: bad input is refused naming the field (the CLI exits 2)', () => {
  it('a capital limit < 0', () => {
    expect(refused({ capital: { initialX: -1 } })).toMatch(/searchers\[0\]\.capital\.initialX must be .*but got -1/);
    expect(refused({ capital: { initialY: -5 } })).toMatch(/searchers\[0\]\.capital\.initialY must be .*but got -5/);
  });

  it('a negative finance rate, an unknown negative policy', () => {
    expect(refused({ capital: { negative: 'finance', financeRatePerSlot: -0.1 } })).toMatch(/searchers\[0\]\.capital\.financeRatePerSlot/);
    // Above 100 % a slot has no meaning, and 1e308 would make the interest infinite.
    expect(refused({ capital: { negative: 'finance', financeRatePerSlot: 1e308 } })).toMatch(/searchers\[0\]\.capital\.financeRatePerSlot must be a number <= 1, but got 1e\+308/);
    expect(refused({ capital: { negative: 'borrow' } })).toMatch(/searchers\[0\]\.capital\.negative/);
  });

  it('a finance rate under "forbid" is a parameter never read', () => {
    expect(refused({ capital: { financeRatePerSlot: 0.01 } })).toMatch(/searchers\[0\]\.capital\.financeRatePerSlot: financeRatePerSlot is read only with negative "finance"/);
  });

  it('"forbid" for a kind that sizes its trade on-chain', () => {
    expect(refused({ capital: { negative: 'forbid' } }, { kind: 'backrun', rollup: 'A' })).toMatch(/searchers\[0\]\.capital\.negative: a "backrun" searcher sizes its trade on-chain/);
  });

  it('a negative fee, a fee above 100 %, a depth ≤ 0', () => {
    expect(refused({ cex: { feeBp: -1 } })).toMatch(/searchers\[0\]\.cex\.feeBp/);
    expect(refused({ cex: { feeBp: 10_001 } })).toMatch(/searchers\[0\]\.cex\.feeBp/);
    expect(refused({ cex: { depthY: 0 } })).toMatch(/searchers\[0\]\.cex\.depthY/);
    expect(refused({ cex: { depthY: -100 } })).toMatch(/searchers\[0\]\.cex\.depthY/);
  });

  it('a CEX venue for a searcher that does not hedge', () => {
    expect(refused({ cex: { feeBp: 5 } }, { kind: 'cross-rollup', rollups: ['A', 'B'] })).toMatch(/searchers\[0\]\.cex: a "cross-rollup" searcher does not hedge on the CEX/);
  });

  it('accepts capital with financing on a backrunner, and a CEX venue on a capped arbitrageur', () => {
    expect(resolveMarketConfig(with1({ capital: { initialY: 100, negative: 'finance', financeRatePerSlot: 1e-5 } }, { kind: 'backrun', rollup: 'A' })).searchers[0]).toMatchObject({ capital: { initialX: 0, initialY: 100 } });
    expect(resolveMarketConfig(with1({ cex: { feeBp: 10, depthY: 1e6 } }, { kind: 'capped-cex-dex', rollup: 'A', maxTradeY: 1000 })).searchers[0]).toMatchObject({ cex: { feeBp: 10, depthY: 1e6 } });
  });
});
