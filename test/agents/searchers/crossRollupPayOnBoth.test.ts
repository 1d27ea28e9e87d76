import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { proposeCrossRollupBundles, type CrossRollupView } from '../../../src/agents/searchers/crossRollupArbitrageur.js';
import { cycleView } from './crossRollupCycle.js';
import { bidShares } from '../../../src/market/orders/bidShares.js';

// The hand-derived zero-fee cycle (crossRollupCycle.ts): profit (√200 − √50)² = 50 Y, paid on both rollups.
const view = (over: Partial<CrossRollupView>): CrossRollupView => cycleView({ payOn: 'both', ...over });

describe('proposeCrossRollupBundles with payOn "both"', () => {
  it('one atomic bundle whose bid is on the first rollup for ρ and on the second for 1 − ρ of its value', () => {
    const [b] = proposeCrossRollupBundles(view({ payOnRatio: 0.3 }), fixedFractionBid(0.4));
    expect(b!.bidY).toBeCloseTo(0.4 * 50, 9);
    expect(b!.bidRollup).toBe(3);
    expect(b!.bidGas).toBeCloseTo((0.4 * 50) / 2, 9); // the whole bid, in the first rollup's X
    const shares = bidShares(b!);
    expect(shares.map((s) => s.rollup)).toEqual([3, 5]);
    expect(shares[0]!.share).toBeCloseTo(0.3, 15);
    expect(shares[1]!.share).toBeCloseTo(0.7, 15);
  });

  it('without a ratio, half on each leg', () => {
    const [b] = proposeCrossRollupBundles(view({}), fixedFractionBid(0.4));
    expect(b!.bidSplit).toEqual({ rollup: 5, share: 0.5 });
  });

  it('payOn 0 or 1 leaves no split (one rollup pays)', () => {
    for (const payOn of [0, 1] as const) expect(proposeCrossRollupBundles(view({ payOn }), fixedFractionBid(0.4))[0]!.bidSplit).toBeUndefined();
  });
});
