import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { proposeCexDexBundle } from '../../../src/agents/searchers/cexDexArbitrageur.js';
import { proposeBackruns } from '../../../src/agents/searchers/backrunner.js';
import { proposeCrossRollupBundles } from '../../../src/agents/searchers/crossRollupArbitrageur.js';
import { cycleView as cross } from './crossRollupCycle.js';
import { createPool } from '../../../src/market/amm/index.js';

/*
 * Every kind writes its bundles' fields in one order (the optional `bidSplit` / `group` last), so the
 * per-slot phases reading bundles of every kind see few object shapes (V8 keeps an inline cache per
 * shape: more shapes, slower property reads). The order is what this test pins, not the values.
 */
const COMMON = ['searcher', 'kind', 'target', 'legs', 'valueY', 'bidRollup', 'bidGas', 'bidY', 'decision', 'hedge', 'arrivalMs'];


describe('bundle field order', () => {
  it('cex-dex and backrun bundles list the common fields in the common order', () => {
    const cexDex = proposeCexDexBundle({ searcher: 2, rollup: 1, pool: createPool(100, 100, 0.25), gasToken: 'Y', refPriceYPerX: 16 / 3, minProfitY: 0, arrivalMs: 0 }, fixedFractionBid(0.5))!;
    expect(Object.keys(cexDex)).toEqual(COMMON);
    const swap = { id: 7, rollup: 0, arrivalMs: 1000, tokenIn: 'Y' as const, amountIn: 50, minAmountOut: 0, isPrivate: false };
    const [backrun] = proposeBackruns({ searcher: 1, rollup: 0, pool: createPool(100, 100, 0), gasToken: 'Y', refPriceYPerX: 1, publicPending: [swap], minProfitY: 0, latencyMs: 0 }, fixedFractionBid(0.5));
    expect(Object.keys(backrun!)).toEqual(COMMON);
  });

  it('cross-rollup bundles: the common order, then bidSplit (atomic, paid on both) or group (split legs)', () => {
    expect(Object.keys(proposeCrossRollupBundles(cross({}), fixedFractionBid(0.4))[0]!)).toEqual(COMMON);
    expect(Object.keys(proposeCrossRollupBundles(cross({ payOn: 'both' }), fixedFractionBid(0.4))[0]!)).toEqual([...COMMON, 'bidSplit']);
    const split = proposeCrossRollupBundles(cross({ bundling: 'split' }), fixedFractionBid(0.4));
    expect(split).toHaveLength(2);
    for (const b of split) expect(Object.keys(b)).toEqual([...COMMON, 'group']);
  });
});
