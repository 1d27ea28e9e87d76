import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { proposeCrossRollupBundles, type CrossRollupView } from '../../../src/agents/searchers/crossRollupArbitrageur.js';
import { cycleView } from './crossRollupCycle.js';

/*
 * The hand-derived zero-fee cycle of crossRollupArbitrageur.test.ts: X costs 1 Y on (100, 100) and
 * 4 Y on (100, 400); the optimum pays 50 Y in. Constant product (x·y = k, Uniswap v2 whitepaper):
 * paying a of Y into (x, y) buys x·a/(y + a) of X; buying q of X costs y·q/(x − q) of Y.
 */
const view = (spendable: CrossRollupView['spendable']): CrossRollupView =>
  cycleView({ searcher: 0, rollups: [0, 1], gasTokens: ['Y', 'Y'], group: 0, arrivalMs: 0, spendable });
const legsOf = (v: CrossRollupView) => proposeCrossRollupBundles(v, fixedFractionBid(0.5))[0]!.legs;

describe('a cross-rollup cycle cut to the capital it holds (capital.negative "forbid")', () => {
  it('Y on the buying rollup binds: it pays in exactly that Y, and sells what it buys', () => {
    const [buy, sell] = legsOf(view([{ X: 0, Y: 20 }, { X: 1000, Y: 0 }]));
    expect(buy!.amountIn).toBe(20);
    expect(sell!.amountIn).toBeCloseTo((100 * 20) / 120, 12);
    expect(sell!.minAmountOut / (1 - 1e-9)).toBeCloseTo((400 * 50) / 350, 9);
  });

  it('X on the selling rollup binds: it buys exactly that X (paying y·q/(x − q)) and sells it', () => {
    const [buy, sell] = legsOf(view([{ X: 0, Y: 1000 }, { X: 10, Y: 0 }]));
    expect(buy!.amountIn).toBeCloseTo((100 * 10) / 90, 9);
    expect(sell!.amountIn).toBeCloseTo(10, 9);
  });

  it('holding enough of both, the optimum (50 Y in)', () => {
    expect(legsOf(view([{ X: 0, Y: 1000 }, { X: 1000, Y: 0 }]))[0]!.amountIn).toBeCloseTo(50, 9);
  });

  it('holding nothing on one side, no bundle', () => {
    expect(proposeCrossRollupBundles(view([{ X: 0, Y: 0 }, { X: 1000, Y: 0 }]), fixedFractionBid(0.5))).toEqual([]);
  });
});
