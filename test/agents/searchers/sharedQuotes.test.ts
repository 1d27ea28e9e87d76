import { describe, expect, it } from 'vitest';
import { proposeCexDexBundle, type CexDexView } from '../../../src/agents/searchers/cexDexArbitrageur.js';
import { proposeCrossRollupBundles } from '../../../src/agents/searchers/crossRollupArbitrageur.js';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { optimalArbQuote, optimalCrossPoolArb } from '../../../src/market/arbitrage/index.js';
import { createPool } from '../../../src/market/amm/index.js';
import { cheap, cycleView, dear } from './crossRollupCycle.js';

/*
 * Arbitrageurs remember the last quote (cex-dex: pool and price; cross-rollup: the two pools):
 * a remembered quote must never stand in for another pool's or another price's.
 */
const cexDex = (pool: CexDexView['pool'], refPriceYPerX: number): CexDexView => ({ searcher: 0, rollup: 0, pool, gasToken: 'Y', refPriceYPerX, minProfitY: 0, arrivalMs: 0 });

describe('quotes shared by arbitrageurs on the same pools', () => {
  it('cex-dex: the same pool at another price, another pool at the same price, then the first again: each its own optimum', () => {
    const p = createPool(100, 100, 0.003);
    const q = createPool(100, 120, 0.003);
    for (const [pool, price] of [[p, 2], [p, 2], [p, 3], [q, 3], [p, 2], [p, 0.5]] as const) {
      const b = proposeCexDexBundle(cexDex(pool, price), fixedFractionBid(0.5))!;
      const best = optimalArbQuote(pool, price);
      expect(b.legs[0]!.amountIn).toBe(best.amountIn);
      expect(b.valueY).toBe(best.profitY);
    }
  });

  it('cross-rollup: the pools swapped, then as before: each order its own cycle', () => {
    for (const pools of [[cheap, dear], [cheap, dear], [dear, cheap], [cheap, createPool(100, 300, 0)], [cheap, dear]] as const) {
      const [b] = proposeCrossRollupBundles(cycleView({ pools }), fixedFractionBid(0.5));
      expect(b!.valueY).toBe(optimalCrossPoolArb(pools[0], pools[1]).profitY);
      expect(b!.legs[0]!.amountIn).toBe(optimalCrossPoolArb(pools[0], pools[1]).amountYIn);
    }
  });
});
