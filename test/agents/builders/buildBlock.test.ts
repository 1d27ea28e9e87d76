import { describe, expect, it } from 'vitest';
import { buildBlock, builderBidY, visibleBundles } from '../../../src/agents/builders/buildBlock.js';
import { createPool } from '../../../src/market/amm/index.js';
import type { Bundle, BundleTarget, SwapLeg } from '../../../src/market/orders/types.js';

/** A scripted random source: returns `values` in turn and counts the draws. */
function scripted(...values: number[]) {
  const s = Object.assign(() => {
    if (s.calls >= values.length) throw new Error('unexpected draw');
    return values[s.calls++]!;
  }, { calls: 0 });
  return s;
}
const constant = (v: number) => () => v;

function bundle(searcher: number, bidY: number, target: BundleTarget, legs: SwapLeg[] = [], bidRollup = 0): Bundle {
  return { searcher, kind: target.kind === 'top' ? 'cex-dex' : target.kind, target, legs, valueY: 2 * bidY, bidRollup, bidGas: bidY, bidY, hedge: false, arrivalMs: 0 };
}
/**
 * Selling 100 X into (100, 200) with no fee pays 200·100/200 = 100 Y and leaves (200, 100); the
 * same leg after it pays only 100·100/300 = 100/3 Y, below a 100 Y minimum: it reverts.
 */
const sell100X = (rollup: number): SwapLeg => ({ rollup, tokenIn: 'X', amountIn: 100, minAmountOut: 100 * (1 - 1e-9) });
const pools = () => [createPool(100, 200, 0), createPool(100, 200, 0)];
const top = (...rollups: number[]): BundleTarget => ({ kind: 'top', rollups });
const back = (userId: number): BundleTarget => ({ kind: 'backrun', rollup: 0, userId });
const sandwich = (userId: number): BundleTarget => ({ kind: 'sandwich', rollup: 0, userId });

describe('buildBlock: greedy by bid', () => {
  it('of two arbitrages of the same price move, includes the higher bid; the other would revert after it', () => {
    const low = bundle(0, 10, top(0), [sell100X(0)]);
    const high = bundle(1, 20, top(0), [sell100X(0)]);
    const block = buildBlock([low, high], pools(), constant(0.5));
    expect(block.included).toEqual([high]);
    expect(block.valueByRollupY).toEqual([20, 0]);
  });

  it('includes non-conflicting top bundles on different rollups and sums bids by the rollup that pays them', () => {
    const a = bundle(0, 5, top(0), [sell100X(0)], 0);
    const b = bundle(1, 3, top(1), [sell100X(1)], 1);
    const c = bundle(2, 4, top(1), [], 0); // no fixed legs: never reverts; pays on rollup 0
    const block = buildBlock([b, a, c], pools(), constant(0.5));
    expect(block.included).toEqual([a, c, b]); // descending bid
    expect(block.valueByRollupY).toEqual([9, 3]);
  });

  it('is greedy, not optimal: an atomic bundle bidding 8 shuts out two bundles bidding 5 each', () => {
    const atomic = bundle(0, 8, top(0, 1), [sell100X(0), sell100X(1)]);
    const a = bundle(1, 5, top(0), [sell100X(0)], 0);
    const b = bundle(2, 5, top(1), [sell100X(1)], 1);
    const block = buildBlock([a, b, atomic], pools(), constant(0.5));
    expect(block.included).toEqual([atomic]);
    expect(block.valueByRollupY).toEqual([8, 0]);
  });

  it('all or none: an atomic bundle whose second leg reverts is left out and moves no pool', () => {
    const failing = bundle(0, 9, top(0, 1), [sell100X(0), { rollup: 1, tokenIn: 'X', amountIn: 100, minAmountOut: 101 }]);
    const a = bundle(1, 5, top(0), [sell100X(0)], 0);
    const input = pools();
    const block = buildBlock([failing, a], input, constant(0.5));
    expect(block.included).toEqual([a]); // rollup 0 was not moved by the failed bundle's first leg
    expect(block.valueByRollupY).toEqual([5, 0]);
    expect(input).toEqual(pools()); // the caller's pools are not changed
  });

  it('backruns and sandwiches take exclusive spots: one bundle per spot, the higher bid', () => {
    const backLow = bundle(0, 2, back(1));
    const backHigh = bundle(1, 3, back(1));
    const sw = bundle(2, 2.5, sandwich(1)); // needs front:1 and back:1; back:1 is taken by backHigh
    const backOther = bundle(3, 1, back(2));
    const swOther = bundle(4, 0.5, sandwich(3));
    const block = buildBlock([backLow, sw, backHigh, backOther, swOther], pools(), constant(0.5));
    expect(block.included).toEqual([backHigh, backOther, swOther]);
    expect(block.valueByRollupY).toEqual([4.5, 0]);
    // A sandwich bidding more than the backrun takes both spots around user 1.
    const richSw = bundle(5, 4, sandwich(1));
    expect(buildBlock([backHigh, richSw], pools(), constant(0.5)).included).toEqual([richSw]);
  });

  it('breaks ties by a Fisher–Yates shuffle from the builder\'s stream', () => {
    const first = bundle(0, 3, back(1));
    const second = bundle(1, 3, back(1));
    // Two bundles: one draw u, j = ⌊2u⌋; j = 0 swaps them, j = 1 keeps the order; the sort is stable.
    expect(buildBlock([first, second], pools(), scripted(0.2)).included).toEqual([second]);
    expect(buildBlock([first, second], pools(), scripted(0.7)).included).toEqual([first]);
    const src = scripted(0.7);
    buildBlock([first, second], pools(), src);
    expect(src.calls).toBe(1);
  });

  it('an empty bundle list builds an empty block', () => {
    expect(buildBlock([], pools(), scripted())).toEqual({ included: [], valueByRollupY: [0, 0] });
  });
});

describe('visibleBundles', () => {
  const bs = [bundle(0, 1, top(0)), bundle(1, 1, top(0)), bundle(2, 1, top(0)), bundle(3, 1, top(0)), bundle(4, 1, top(0))];
  // searcher 0 sends only to builder 1, searcher 1 only to builder 0, the others to everyone.
  const exclusiveTo = [1, 0, undefined, undefined, undefined];

  it('always shows a builder its exclusive bundles, never another builder\'s, and the rest with probability skill', () => {
    const src = scripted(0.2, 0.7, 0.5); // skill 0.5: seen iff u < 0.5
    const seen = visibleBundles(bs, exclusiveTo, 1, 0.5, src);
    expect(seen.map((b) => b.searcher)).toEqual([0, 2]);
    expect(src.calls).toBe(3); // one draw per non-exclusive bundle, none for exclusive ones
  });

  it('with skill 1 sees every non-exclusive bundle without drawing', () => {
    const src = scripted();
    expect(visibleBundles(bs, exclusiveTo, 0, 1, src).map((b) => b.searcher)).toEqual([1, 2, 3, 4]);
    expect(src.calls).toBe(0);
  });

  it('with skill 0 sees only its exclusive bundles', () => {
    expect(visibleBundles(bs, exclusiveTo, 1, 0, constant(0)).map((b) => b.searcher)).toEqual([0]);
  });
});

describe('builderBidY = max(0, (1 − margin)·value − cost)', () => {
  it('keeps the margin and pays the cost', () => {
    expect(builderBidY(100, 0.1, 5)).toBeCloseTo(85, 12);
    expect(builderBidY(100, 0, 0)).toBe(100);
    expect(builderBidY(40, 0.25, 30)).toBe(0); // 30 − 30
  });

  it('never bids below zero', () => {
    expect(builderBidY(10, 0.5, 6)).toBe(0); // 5 − 6 < 0
    expect(builderBidY(0, 0.1, 1)).toBe(0);
  });
});
