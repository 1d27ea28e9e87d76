import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockBuiltAgain, buildBlock, orderedByBidsAlone } from '../../../src/agents/builders/buildBlock.js';
import { createPool, swapExactIn } from '../../../src/market/amm/index.js';
import type { Pool } from '../../../src/market/amm/types.js';
import type { Source } from '../../../src/engine/randomStreams.js';
import { bidOrder } from '../../../src/market/orders/allocateBundles.js';
import { conflicts } from '../../../src/market/orders/positions.js';
import type { Bundle, SwapLeg } from '../../../src/market/orders/types.js';

/** `buildBlock` as it was before it simulated legs on numbers: `swapExactIn` on copies of the pools. */
function buildBlockOnPools(bundles: readonly Bundle[], pools: readonly Pool[], source: Source): { included: Bundle[]; valueByRollupY: number[] } {
  const copies = pools.slice();
  const included: Bundle[] = [];
  const valueByRollupY = pools.map(() => 0);
  for (const i of bidOrder(bundles, source)) {
    const b = bundles[i]!;
    if (b.target.kind === 'top' ? !legsExecute(copies, b) : included.some((x) => conflicts(x, b))) continue;
    included.push(b);
    const split = b.bidSplit;
    if (split === undefined) valueByRollupY[b.bidRollup]! += b.bidY;
    else {
      valueByRollupY[b.bidRollup]! += (1 - split.share) * b.bidY;
      valueByRollupY[split.rollup]! += split.share * b.bidY;
    }
  }
  return { included, valueByRollupY };
}

function legsExecute(pools: Pool[], bundle: Bundle): boolean {
  const trial = pools.slice();
  for (const leg of bundle.legs) {
    let res;
    try {
      res = swapExactIn(trial[leg.rollup]!, leg.tokenIn, leg.amountIn);
    } catch (e) {
      if (e instanceof RangeError) return false;
      throw e;
    }
    if (res.amountOut < leg.minAmountOut) return false;
    trial[leg.rollup] = res.pool;
  }
  for (let r = 0; r < pools.length; r++) pools[r] = trial[r]!;
  return true;
}

/** The float `steps` (±1) ulps from positive `x`. */
function nextFloat(x: number, steps: number): number {
  const f = new Float64Array([x]);
  const i = new BigInt64Array(f.buffer);
  i[0] = i[0]! + BigInt(steps);
  return f[0]!;
}

/** A source handing out `draws` in turn (then 0.5), counting the draws. */
function counting(draws: readonly number[]) {
  const s = Object.assign(() => {
    const u = s.calls < draws.length ? draws[s.calls]! : 0.5;
    s.calls++;
    return u;
  }, { calls: 0 });
  return s;
}

// Amounts from dust to reserve-overflowing, zero, −0 and non-finite ones (refused); minima near the
// quote on fresh pools so that legs after others on the same pool often pay out too little.
const amount = fc.oneof(
  fc.double({ min: 1e-6, max: 5000, noNaN: true }),
  fc.constantFrom(0, -0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e308),
);
const leg = fc.record({
  rollup: fc.integer({ min: 0, max: 1 }),
  tokenIn: fc.constantFrom('X' as const, 'Y' as const),
  amountIn: amount,
  minFactor: fc.oneof(fc.double({ min: 0.5, max: 1.2, noNaN: true }), fc.constantFrom(0, 1, Number.NaN)),
});
const bundleArb = fc.record({
  bidY: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(1, 2)), // repeated bids: ties
  kind: fc.constantFrom('top', 'top', 'backrun'),
  userId: fc.integer({ min: 0, max: 2 }),
  legs: fc.array(leg, { maxLength: 3 }),
  split: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
});

const pools = (fee: number): Pool[] => [createPool(100, 200, fee), createPool(2500, 5e6, fee)];

type BundleSpec = typeof bundleArb extends fc.Arbitrary<infer T> ? T : never;

function toBundles(specs: BundleSpec[], fee: number): Bundle[] {
  const fresh = pools(fee);
  return specs.map((s, i): Bundle => {
    const legs = s.legs.map((l): SwapLeg => {
      let quote = 0;
      try {
        quote = swapExactIn(fresh[l.rollup]!, l.tokenIn, l.amountIn).amountOut;
      } catch {
        quote = 1;
      }
      return { rollup: l.rollup, tokenIn: l.tokenIn, amountIn: l.amountIn, minAmountOut: quote * l.minFactor };
    });
    const target = s.kind === 'top' ? { kind: 'top' as const, rollups: [0, 1] } : { kind: 'backrun' as const, rollup: 0, userId: s.userId };
    const bundle: Bundle = { searcher: i, kind: s.kind === 'top' ? 'cex-dex' : 'backrun', target, legs, valueY: 2 * s.bidY, bidRollup: 0, bidGas: s.bidY, bidY: s.bidY, hedge: false, arrivalMs: 0 };
    return s.split === undefined ? bundle : { ...bundle, bidSplit: { rollup: 1, share: s.split } };
  });
}

describe('buildBlock on numbers equals buildBlock on pool objects (swapExactIn)', () => {
  it('includes the same bundles with the same sums bit for bit, taking the same draws', () => {
    fc.assert(
      fc.property(fc.array(bundleArb, { maxLength: 8 }), fc.constantFrom(0, 0.003, 0.0005), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 8 }), (specs, fee, draws) => {
        const bundles = toBundles(specs, fee);
        const fast = counting(draws);
        const slow = counting(draws);
        const got = buildBlock(bundles, pools(fee), fast);
        const want = buildBlockOnPools(bundles, pools(fee), slow);
        expectSameBlock(got, want);
        expect(fast.calls).toBe(slow.calls);
      }),
      { numRuns: 2000 },
    );
  });

  it('decides each bundle on the reserves bit for bit: minima set to the exact output after the bundles before it, or one ulp either side', () => {
    const ulp = fc.constantFrom(-1, 0, 1);
    const step = fc.record({ rollup: fc.integer({ min: 0, max: 1 }), tokenIn: fc.constantFrom('X' as const, 'Y' as const), amountIn: fc.double({ min: 1e-3, max: 3000, noNaN: true }), ulp });
    fc.assert(
      fc.property(fc.array(fc.array(step, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 0.003, 0.0005), (chain, fee) => {
        // Strictly falling bids: the block takes the bundles in this order, without draws.
        const state = pools(fee);
        const bundles = chain.map((steps, k): Bundle => {
          const trial = state.slice();
          const legs = steps.map((st): SwapLeg => {
            const res = swapExactIn(trial[st.rollup]!, st.tokenIn, st.amountIn);
            trial[st.rollup] = res.pool;
            const min = st.ulp === 0 ? res.amountOut : nextFloat(res.amountOut, st.ulp);
            return { rollup: st.rollup, tokenIn: st.tokenIn, amountIn: st.amountIn, minAmountOut: min };
          });
          if (steps.every((st) => st.ulp <= 0)) for (let r = 0; r < state.length; r++) state[r] = trial[r]!;
          const bidY = 100 - k;
          return { searcher: k, kind: 'cex-dex', target: { kind: 'top', rollups: [0, 1] }, legs, valueY: 2 * bidY, bidRollup: 0, bidGas: bidY, bidY, hedge: false, arrivalMs: 0 };
        });
        const want = buildBlockOnPools(bundles, pools(fee), () => 0.5);
        expect(want.included.map((b) => b.searcher)).toEqual(chain.flatMap((steps, k) => (steps.every((st) => st.ulp <= 0) ? [k] : [])));
        expect(buildBlock(bundles, pools(fee), () => 0.5).included).toEqual(want.included);
      }),
      { numRuns: 1000 },
    );
  });

  it('a leg on a rollup without a pool throws, as swapExactIn did', () => {
    const bad: Bundle = { searcher: 0, kind: 'cex-dex', target: { kind: 'top', rollups: [0] }, legs: [{ rollup: 5, tokenIn: 'X', amountIn: 1, minAmountOut: 0 }], valueY: 2, bidRollup: 0, bidGas: 1, bidY: 1, hedge: false, arrivalMs: 0 };
    expect(() => buildBlock([bad], pools(0), () => 0.5)).toThrow(TypeError);
    expect(() => buildBlockOnPools([bad], pools(0), () => 0.5)).toThrow(TypeError);
  });

  it('a reverting leg after an executed bundle is decided on the reserves that bundle left', () => {
    // Selling 100 X into (100, 200) without fee pays 100 Y; the same leg after it pays 100/3 Y.
    const sell = (searcher: number, bidY: number): Bundle => ({ searcher, kind: 'cex-dex', target: { kind: 'top', rollups: [0] }, legs: [{ rollup: 0, tokenIn: 'X', amountIn: 100, minAmountOut: 100 * (1 - 1e-9) }], valueY: 2 * bidY, bidRollup: 0, bidGas: bidY, bidY, hedge: false, arrivalMs: 0 });
    const a = sell(0, 2);
    const b = sell(1, 1);
    expect(buildBlock([a, b], pools(0), () => 0.5).included).toEqual([a]);
  });
});

describe('a block built again from the same list (phases/build.ts: builders that saw the same bundles)', () => {
  it('equals building it afresh with other draws when the bids alone order the list, taking the same number of draws', () => {
    fc.assert(
      fc.property(fc.array(bundleArb, { maxLength: 8 }), fc.constantFrom(0, 0.003, 0.0005), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 8 }), fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 8 }), (specs, fee, first, second) => {
        const bundles = toBundles(specs, fee);
        const earlier = buildBlock(bundles, pools(fee), counting(first));
        const again = counting(second);
        const fresh = counting(second);
        const want = buildBlock(bundles, pools(fee), fresh);
        if (!orderedByBidsAlone(bundles)) return;
        const got = blockBuiltAgain(earlier, bundles.length, again);
        expect(got.included).not.toBe(earlier.included); // a copy: the candidates do not share lists
        expectSameBlock(got, want);
        expect(again.calls).toBe(fresh.calls);
      }),
      { numRuns: 2000 },
    );
  });

  it('orders by bids alone only when every bid is finite and no two are equal (0 and −0 tie)', () => {
    const [b] = toBundles([{ bidY: 1, kind: 'top', userId: 0, legs: [], split: undefined }], 0);
    const withBid = (bidY: number) => ({ ...b!, bidY });
    expect(orderedByBidsAlone([])).toBe(true);
    expect(orderedByBidsAlone([withBid(1), withBid(2), withBid(0)])).toBe(true);
    expect(orderedByBidsAlone([withBid(1), withBid(2), withBid(1)])).toBe(false);
    expect(orderedByBidsAlone([withBid(0), withBid(-0)])).toBe(false);
    expect(orderedByBidsAlone([withBid(Number.NaN)])).toBe(false);
    expect(orderedByBidsAlone([withBid(1), withBid(Number.POSITIVE_INFINITY)])).toBe(false);
  });
});

/** The same bundles (by identity) in the same order, and every rollup's value the same double (−0 apart from 0). */
function expectSameBlock(got: ReturnType<typeof buildBlock>, want: ReturnType<typeof buildBlock>): void {
  expect(got.included.length).toBe(want.included.length);
  for (let i = 0; i < want.included.length; i++) expect(got.included[i]).toBe(want.included[i]);
  expect(got.valueByRollupY.length).toBe(want.valueByRollupY.length);
  for (let r = 0; r < want.valueByRollupY.length; r++) expect(Object.is(got.valueByRollupY[r], want.valueByRollupY[r])).toBe(true);
}
