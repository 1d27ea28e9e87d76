import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { INSERTION_SORT_MAX, bidOrder } from '../../../src/market/orders/allocateBundles.js';
import type { Bundle } from '../../../src/market/orders/types.js';

/*
 * bidOrder is the order both the allocation (allocateBundles) and a builder's block (buildBlock)
 * take bundles in: descending bid, ties in a uniformly random order. Its definition: a Fisher–Yates
 * shuffle of the indices (n − 1 draws from the source, Knuth, TAOCP vol. 2, Algorithm 3.4.2 P), then
 * a stable sort by descending bid. Both of its sorts (insertion up to INSERTION_SORT_MAX bundles,
 * Array#sort beyond) must give that definition's order and take exactly n − 1 draws, or a run's
 * later draws would move.
 */

const bundlesOf = (bids: readonly number[]) => bids.map((bidY) => ({ bidY }) as Bundle);

/** The definition, written independently: shuffle with the same draws, then a stable sort. */
function reference(bids: readonly number[], draws: readonly number[]): number[] {
  const idx = bids.map((_, i) => i);
  let d = 0;
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(draws[d++]! * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  const byBid = idx.map((i, at) => ({ i, at }));
  byBid.sort((a, b) => bids[b.i]! - bids[a.i]! || a.at - b.at);
  return byBid.map((x) => x.i);
}

describe('bidOrder', () => {
  it('is the shuffle then a stable sort by descending bid, with n − 1 draws, on both sides of the insertion-sort limit', () => {
    // Few distinct bids, so ties are common.
    const bids = fc.array(fc.constantFrom(0, 1, 2, 2.5, 7), { maxLength: 2 * INSERTION_SORT_MAX + 5 });
    fc.assert(
      fc.property(bids, fc.integer(), (bs, seed) => {
        const rng = seedrandom.alea(String(seed));
        const draws: number[] = [];
        const order = bidOrder(bundlesOf(bs), () => {
          const u = rng();
          draws.push(u);
          return u;
        });
        expect(draws).toHaveLength(Math.max(0, bs.length - 1));
        expect(order).toEqual(reference(bs, draws));
      }),
      { numRuns: 400, seed: 28 },
    );
  });

  it('orders ties uniformly: each of three tied bundles comes first about a third of the time', () => {
    const rng = seedrandom.alea('ties');
    const first = [0, 0, 0];
    const n = 30_000;
    for (let k = 0; k < n; k++) first[bidOrder(bundlesOf([5, 5, 5]), rng)[0]!]!++;
    // Binomial(30,000, 1/3): sd ≈ 82 draws; ±5 sd.
    for (const c of first) expect(Math.abs(c - n / 3)).toBeLessThan(5 * Math.sqrt((n * 2) / 9));
  });
});
