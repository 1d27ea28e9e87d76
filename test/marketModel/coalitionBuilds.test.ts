import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBlock } from '../../src/agents/builders/buildBlock.js';
import { createPool } from '../../src/market/amm/index.js';
import { rollupsOf } from '../../src/market/orders/positions.js';
import type { Bundle, BundleTarget, SwapLeg } from '../../src/market/orders/types.js';
import { builderRebuilds, rebuiltGrossY, refillRebuilds, seedWithRealBlock, within } from '../../src/marketModel/coalitionBuilds.js';
import { firstPriceRevenue, fixedFractionFirstPrice, fixedFractionFirstPriceEvery, type FixedFractionSlot } from '../../src/marketModel/fixedFractionValue.js';
import type { WorldState } from '../../src/marketModel/types.js';
import { runMechanism } from '../../src/market/mechanisms/runMechanism.js';
import { mulberry32 } from '../engine/mulberry32.js';

/*
 * The counterfactual coalitions' rebuilt blocks shared by component (coalitionBuilds.ts) must be
 * what rebuilding each coalition in full gives: the same Σ of values bit for bit (Object.is), and the
 * coalition's stream left at the same draw. Bundles: arbitrages on one rollup (selling X, so some
 * revert after others), atomic bundles on two, backruns of a few users, bids from a small set so
 * that ties occur (then every coalition is rebuilt in full, drawing).
 */
const N = 3;

const leg = (rollup: number, amountIn: number, minOut: number): SwapLeg => ({ rollup, tokenIn: 'X', amountIn, minAmountOut: minOut });

const bundleArbFields = () => ({
  kind: fc.constantFrom('top1' as const, 'top2' as const, 'back' as const),
  a: fc.integer({ min: 0, max: N - 1 }),
  b: fc.integer({ min: 0, max: N - 1 }),
  user: fc.integer({ min: 0, max: 3 }),
  amountIn: fc.constantFrom(10, 40, 100),
  minOut: fc.constantFrom(0, 30, 90),
  bidY: fc.oneof(fc.constantFrom(1, 2, 3), fc.double({ min: 0.01, max: 50, noNaN: true })),
  splitBid: fc.boolean(),
});
const bundleArb: fc.Arbitrary<BundleSpec> = fc.record(bundleArbFields());

interface BundleSpec {
  readonly kind: 'top1' | 'top2' | 'back';
  readonly a: number;
  readonly b: number;
  readonly user: number;
  readonly amountIn: number;
  readonly minOut: number;
  readonly bidY: number;
  readonly splitBid: boolean;
}

function toBundle(x: BundleSpec, searcher: number): Bundle {
  const other = x.b === x.a ? (x.a + 1) % N : x.b;
  let target: BundleTarget;
  let legs: SwapLeg[];
  if (x.kind === 'top1') {
    target = { kind: 'top', rollups: [x.a] };
    legs = [leg(x.a, x.amountIn, x.minOut)];
  } else if (x.kind === 'top2') {
    target = { kind: 'top', rollups: [x.a, other] };
    legs = [leg(x.a, x.amountIn, x.minOut), leg(other, x.amountIn, x.minOut)];
  } else {
    // A user's swap lives on one rollup: user u on rollup u mod N.
    target = { kind: 'backrun', rollup: x.user % N, userId: x.user };
    legs = [];
  }
  const rollups = rollupsOf(target);
  const bidRollup = rollups[0]!;
  const bidSplit = x.splitBid && rollups.length > 1 ? { rollup: rollups[1]!, share: 0.3 } : undefined;
  return { searcher, kind: x.kind, target, legs, valueY: 2 * x.bidY, bidRollup, bidGas: x.bidY, bidY: x.bidY, ...(bidSplit ? { bidSplit } : {}), hedge: false, arrivalMs: 0 };
}

function maskOf(b: Bundle): number {
  let m = 0;
  for (const r of rollupsOf(b.target)) m |= 1 << r;
  return m;
}

const pools = () => [createPool(100, 200, 0.003), createPool(300, 500, 0), createPool(50, 100, 0.001)];
const sum = (v: readonly number[]) => v.reduce((a, x) => a + x, 0);

describe('counterfactual rebuilds shared by component', () => {
  it('equal rebuilding every coalition in full: the same value bit for bit and the same draws taken, ties or not, seeded with the real block or not', () => {
    fc.assert(
      fc.property(fc.array(bundleArb, { maxLength: 9 }), fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7], { minLength: 7 }), fc.integer(), fc.boolean(), (xs, order, seed, seed0) => {
        const seen = xs.map(toBundle);
        const masks = Int32Array.from(seen, maskOf);
        const p = pools();
        const shared = builderRebuilds(seen, masks);
        if (seed0) seedWithRealBlock(shared, buildBlock(seen, p, mulberry32(seed ^ 0x5eed)));
        for (const mask of order) {
          const fast = mulberry32(seed + mask);
          const full = mulberry32(seed + mask);
          const got = rebuiltGrossY(shared, mask, p, fast);
          const want = sum(buildBlock(within(seen, masks, mask), p, full).valueByRollupY);
          expect(Object.is(got, want)).toBe(true);
          expect(fast()).toBe(full()); // the stream is at the same place
        }
      }),
      { numRuns: 400 },
    );
  });

  it('seeded with the real block, read a smaller component off it only when that gives the full rebuild: every coalition, bit for bit', () => {
    // Atomic bundles on two rollups make the real block's components larger than a coalition's.
    const straddling = fc.record({ ...bundleArbFields(), kind: fc.constantFrom('top1' as const, 'top2' as const, 'top2' as const, 'back' as const) });
    fc.assert(
      fc.property(fc.array(straddling, { minLength: 2, maxLength: 9 }), fc.integer(), (xs, seed) => {
        const seen = xs.map(toBundle);
        const masks = Int32Array.from(seen, maskOf);
        const p = pools();
        const shared = builderRebuilds(seen, masks);
        seedWithRealBlock(shared, buildBlock(seen, p, mulberry32(seed)));
        for (let mask = 1; mask < 1 << N; mask++) {
          const got = rebuiltGrossY(shared, mask, p, mulberry32(seed + mask));
          const want = sum(buildBlock(within(seen, masks, mask), p, mulberry32(seed + mask)).valueByRollupY);
          expect(Object.is(got, want)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('asked again for the same coalition (builders that saw the same list share a state), give the full rebuild\'s value and draws each time', () => {
    fc.assert(
      fc.property(fc.array(bundleArb, { maxLength: 9 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 20, maxLength: 20 }), fc.integer(), (xs, masks, repeats, seed) => {
        const seen = xs.map(toBundle);
        const bundleMasks = Int32Array.from(seen, maskOf);
        const p = pools();
        const shared = builderRebuilds(seen, bundleMasks);
        masks.forEach((mask, call) => {
          // One coalition's stream, asked by `repeats[call]` builders in a row, as fixedFractionAmounts does.
          const fast = mulberry32(seed + call);
          const full = mulberry32(seed + call);
          for (let b = 0; b < repeats[call]!; b++) {
            const got = rebuiltGrossY(shared, mask, p, fast);
            const want = sum(buildBlock(within(seen, bundleMasks, mask), p, full).valueByRollupY);
            expect(Object.is(got, want)).toBe(true);
          }
          expect(fast()).toBe(full());
        });
      }),
      { numRuns: 300 },
    );
  });

  it('with more than 4 rollups (no coalition table: the last coalition remembered), equal rebuilding every coalition in full, asked in any order and again', () => {
    const fivePools = () => [...pools(), createPool(80, 160, 0.003), createPool(70, 90, 0.002)];
    fc.assert(
      fc.property(fc.array(bundleArb, { maxLength: 9 }), fc.array(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 40 }), fc.integer(), fc.boolean(), (xs, masks, seed, seed0) => {
        const seen = xs.map(toBundle);
        const bundleMasks = Int32Array.from(seen, maskOf);
        const p = fivePools();
        const shared = builderRebuilds(seen, bundleMasks);
        if (seed0) seedWithRealBlock(shared, buildBlock(seen, p, mulberry32(seed ^ 0x5eed)));
        masks.forEach((mask, call) => {
          const fast = mulberry32(seed + call);
          const full = mulberry32(seed + call);
          const got = rebuiltGrossY(shared, mask, p, fast);
          const want = sum(buildBlock(within(seen, bundleMasks, mask), p, full).valueByRollupY);
          expect(Object.is(got, want)).toBe(true);
          expect(fast()).toBe(full());
        });
      }),
      { numRuns: 300 },
    );
  });

  it('forget the last coalition when refilled for a new slot', () => {
    const a = toBundle({ kind: 'top1', a: 0, b: 0, user: 0, amountIn: 10, minOut: 0, bidY: 2, splitBid: false }, 0);
    const b = toBundle({ kind: 'top1', a: 0, b: 0, user: 0, amountIn: 40, minOut: 0, bidY: 5, splitBid: false }, 1);
    const p = pools();
    const r = builderRebuilds([a], Int32Array.from([a], maskOf));
    expect(rebuiltGrossY(r, 1, p, () => 0.5)).toBe(2);
    refillRebuilds(r, [b], Int32Array.from([b], maskOf));
    expect(rebuiltGrossY(r, 1, p, () => 0.5)).toBe(5);
  });

  it('rebuild every coalition in full (drawing its ties) when two bundles bid the same', () => {
    const seen = [toBundle({ kind: 'top1', a: 0, b: 0, user: 0, amountIn: 10, minOut: 0, bidY: 2, splitBid: false }, 0), toBundle({ kind: 'top1', a: 1, b: 1, user: 0, amountIn: 10, minOut: 0, bidY: 2, splitBid: false }, 1)];
    expect(builderRebuilds(seen, Int32Array.from(seen, maskOf)).separable).toBe(false);
    expect(builderRebuilds(seen.slice(0, 1), Int32Array.from(seen.slice(0, 1), maskOf)).separable).toBe(true);
  });

  it('are separable exactly when no two bids are equal, for few bundles (pairwise) and many (sorted)', () => {
    fc.assert(
      fc.property(fc.array(bundleArb, { maxLength: 30 }), (xs) => {
        const seen = xs.map(toBundle);
        const distinct = new Set(seen.map((b) => b.bidY)).size === seen.length;
        expect(builderRebuilds(seen, Int32Array.from(seen, maskOf)).separable).toBe(distinct);
      }),
      { numRuns: 500 },
    );
  });

  it('with more than 16 bundles, are not separable when any two of them bid the same, however far apart', () => {
    const top = (bidY: number, k: number) => toBundle({ kind: 'top1', a: k % N, b: 0, user: 0, amountIn: 10, minOut: 0, bidY, splitBid: false }, k);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 17, maxLength: 40 }), fc.nat(), fc.nat(), fc.boolean(), (bids, i, j, dup) => {
        const list = [...bids];
        if (dup) list[i % list.length] = list[j % list.length]!;
        const seen = list.map(top);
        const distinct = new Set(list).size === list.length;
        expect(builderRebuilds(seen, Int32Array.from(seen, maskOf)).separable).toBe(distinct);
      }),
      { numRuns: 300 },
    );
  });

  it('rebuild in full when a bundle pays on a rollup outside its target', () => {
    const b = { ...toBundle({ kind: 'top1', a: 0, b: 0, user: 0, amountIn: 10, minOut: 0, bidY: 2, splitBid: false }, 0), bidRollup: 2 };
    expect(builderRebuilds([b], Int32Array.from([b], maskOf)).separable).toBe(false);
  });
});

describe('a coalition\'s first-price revenue without running the mechanism', () => {
  it('is the mechanism\'s payment to the proposer, taking its one tie-break draw (ties among bids, zero bids)', () => {
    const firstPrice = { name: 'first-price' } as const;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(0, 1, 2.5), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 5 }), fc.integer(), (amounts, seed) => {
        const bids = amounts.map((amount, i) => ({ bidderId: `b${i}`, amount: amount + 0, timeMs: 900 }));
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        expect(Object.is(firstPriceRevenue(firstPrice, bids, a), runMechanism(firstPrice, bids, b).payments.toProposer)).toBe(true);
        expect(a()).toBe(b());
      }),
      { numRuns: 300 },
    );
  });

  it('rejects an invalid bid as the mechanism does', () => {
    expect(() => firstPriceRevenue({ name: 'first-price' }, [{ bidderId: 'b0', amount: Number.NaN }], () => 0.5)).toThrow(/bid 0 \(bidder "b0"\) has amount NaN/);
  });
});

describe('every coalition\'s fixed-fraction first-price value at once', () => {
  // Builders that saw the same list share one rebuild state (as slotBundles gives them); margins and costs make some bids 0.
  const builderArb = fc.record({ list: fc.integer({ min: 0, max: 2 }), margin: fc.constantFrom(0, 0.05, 0.5), costY: fc.constantFrom(0, 0.5, 3) });
  const worldOf = (builders: readonly { margin: number; costY: number }[]) =>
    ({ config: { mechanism: { name: 'first-price' }, builders: builders.map((b) => ({ ...b, bidTimeMs: 900 })) }, builders: builders.map((_, i) => ({ id: `b${i}` })) }) as unknown as WorldState;
  const slotOf = (lists: readonly Bundle[][], builders: readonly { list: number }[], seed: number | null): FixedFractionSlot => {
    const p = pools();
    const states = lists.map((seen) => {
      const r = builderRebuilds(seen, Int32Array.from(seen, maskOf));
      if (seed !== null) seedWithRealBlock(r, buildBlock(seen, p, mulberry32(seed)));
      return r;
    });
    return { rebuilds: builders.map((b) => states[b.list]!), pools: p, amounts: new Float64Array(builders.length), bidTimesFinite: true };
  };

  it('equal asking each coalition in turn: the same values bit for bit and each coalition\'s stream left at the same draw (or nothing drawn when a builder must rebuild in full)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(bundleArb, { maxLength: 7 }), { minLength: 3, maxLength: 3 }), fc.array(builderArb, { minLength: 1, maxLength: 4 }), fc.shuffledSubarray([1, 2, 3, 4, 5, 6, 7], { minLength: 7 }), fc.integer(), fc.boolean(), (specs, builders, order, seed, seeded) => {
        const lists = specs.map((xs) => xs.map(toBundle));
        const world = worldOf(builders);
        const oneByOne = slotOf(lists, builders, seeded ? seed : null);
        const want = new Float64Array(8);
        const wantStreams = [0, 1, 2, 3, 4, 5, 6, 7].map((m) => mulberry32(seed + m));
        for (const mask of order) want[mask] = fixedFractionFirstPrice(world, oneByOne, mask, wantStreams[mask]!) + 0;
        const got = new Float64Array(8);
        const gotStreams = [0, 1, 2, 3, 4, 5, 6, 7].map((m) => mulberry32(seed + m));
        const done = fixedFractionFirstPriceEvery(world, slotOf(lists, builders, seeded ? seed : null), (m) => gotStreams[m]!, got);
        expect(done).toBe(oneByOne.rebuilds.every((r) => r.separable));
        for (let mask = 1; mask < 8; mask++) {
          if (done) expect(Object.is(got[mask], want[mask])).toBe(true);
          expect(gotStreams[mask]!()).toBe((done ? wantStreams[mask]! : mulberry32(seed + mask))());
        }
      }),
      { numRuns: 500 },
    );
  });
});
