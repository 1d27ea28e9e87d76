import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { proposeCrossRollupBundles } from '../../../src/agents/searchers/crossRollupArbitrageur.js';
import { cheap, cycleView as view, dear } from './crossRollupCycle.js';
import { createPool } from '../../../src/market/amm/index.js';
import { recordingBid } from './strategies.js';

/*
 * Hand-derived cycle, no fees: X costs 1 Y on pool (100, 100) and 4 Y on pool (100, 400).
 * Composing the two swaps (Wang et al. 2022, arXiv:2105.02784): E_in = x₂y₁/(x₂ + x₁) = 50,
 * E_out = x₁y₂/(x₂ + x₁) = 200, a* = √(E_in·E_out) − E_in = 50 Y in, profit = (√200 − √50)² = 50.
 * Buying: 100·50/(100 + 50) = 100/3 X; selling them: 400·(100/3)/(100 + 100/3) = 100 Y.
 * Both pools end at spot 9/4: (200/3, 150) and (400/3, 300).
 */

describe('proposeCrossRollupBundles', () => {
  it('atomic: one bundle over both rollups, buy leg then sell leg, one bid in the paying rollup\'s gas token', () => {
    const strategy = recordingBid(0.4);
    const bundles = proposeCrossRollupBundles(view({}), strategy);
    expect(bundles).toHaveLength(1);
    const b = bundles[0]!;
    expect(b).toMatchObject({ searcher: 4, kind: 'cross-rollup', target: { kind: 'top', rollups: [3, 5] }, bidRollup: 3, hedge: false, arrivalMs: 900 });
    expect(b.group).toBeUndefined();
    const [buy, sell] = b.legs;
    expect([buy!.rollup, buy!.tokenIn, sell!.rollup, sell!.tokenIn]).toEqual([3, 'Y', 5, 'X']);
    expect(buy!.amountIn).toBeCloseTo(50, 9);
    expect(buy!.minAmountOut).toBeCloseTo(100 / 3, 6);
    expect(buy!.minAmountOut).toBeLessThan(100 / 3);
    expect(sell!.amountIn).toBeCloseTo(100 / 3, 9); // sells exactly what the buy leg receives
    expect(sell!.minAmountOut).toBeCloseTo(100, 6);
    expect(b.valueY).toBeCloseTo(50, 9);
    expect(b.bidY).toBeCloseTo(20, 9); // 0.4 × 50
    expect(b.bidGas).toBeCloseTo(10, 9); // rollup 3 pays in X: 20 Y at 2 Y per X
    expect(strategy.seen.map((o) => o.rollup)).toEqual([3]);
  });

  it('atomic, paid on the second rollup: the bid is in its gas token (Y)', () => {
    const [b] = proposeCrossRollupBundles(view({ payOn: 1 }), fixedFractionBid(0.4));
    expect(b!.bidRollup).toBe(5);
    expect(b!.bidGas).toBeCloseTo(20, 9);
  });

  it('buys where X is cheaper: with the pools swapped, the buy leg is on the second rollup', () => {
    const [b] = proposeCrossRollupBundles(view({ pools: [dear, cheap] }), fixedFractionBid(0.4));
    expect(b!.legs.map((l) => [l.rollup, l.tokenIn])).toEqual([[5, 'Y'], [3, 'X']]);
    expect(b!.valueY).toBeCloseTo(50, 9);
  });

  it('split: one bundle per leg, each on its own rollup, half the value and half the bid in its own gas token, one group', () => {
    const bundles = proposeCrossRollupBundles(view({ bundling: 'split' }), fixedFractionBid(0.4));
    expect(bundles).toHaveLength(2);
    const [buy, sell] = bundles;
    expect(buy).toMatchObject({ kind: 'cross-rollup', target: { kind: 'top', rollups: [3] }, bidRollup: 3, group: 77, hedge: false, arrivalMs: 900 });
    expect(sell).toMatchObject({ kind: 'cross-rollup', target: { kind: 'top', rollups: [5] }, bidRollup: 5, group: 77, hedge: false, arrivalMs: 900 });
    expect(buy!.legs.map((l) => [l.rollup, l.tokenIn])).toEqual([[3, 'Y']]);
    expect(sell!.legs.map((l) => [l.rollup, l.tokenIn])).toEqual([[5, 'X']]);
    for (const b of bundles) {
      expect(b.valueY).toBeCloseTo(25, 9);
      expect(b.bidY).toBeCloseTo(10, 9);
    }
    expect(buy!.bidGas).toBeCloseTo(5, 9); // 10 Y in X at 2 Y per X
    expect(sell!.bidGas).toBeCloseTo(10, 9); // 10 Y in Y
  });

  it('proposes nothing when no cycle pays after both fees (γ_A·γ_B·spot_B ≤ spot_A and vice versa)', () => {
    // 0.99² · 1.01 < 1 and 0.99² · 1 < 1.01
    const pools = [createPool(100, 100, 0.01), createPool(100, 101, 0.01)] as const;
    expect(proposeCrossRollupBundles(view({ pools }), fixedFractionBid(0.5))).toEqual([]);
    expect(proposeCrossRollupBundles(view({ pools, bundling: 'split' }), fixedFractionBid(0.5))).toEqual([]);
  });

  it('proposes nothing when the profit is at or below the threshold, and never bids above the value', () => {
    expect(proposeCrossRollupBundles(view({ minProfitY: 50.5 }), fixedFractionBid(0.5))).toEqual([]);
    const [b] = proposeCrossRollupBundles(view({ minProfitY: 49.5 }), fixedFractionBid(3));
    expect(b!.bidY).toBe(b!.valueY);
  });
});
