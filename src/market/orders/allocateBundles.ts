import type { Source } from '../../engine/randomStreams.js';
import { conflicts as overlaps } from './positions.js';
import type { Allocated, Bundle } from './types.js';

/** How winners pay: their own bid, or the best bid they displaced (capped at their own). */
export type PaymentRule = 'first-price' | 'second-price';

/** Up to this many items, per-slot code sorts by insertion (stable, like Array#sort). */
export const INSERTION_SORT_MAX = 32;

/** A uniformly random order of `n` indices (Fisher–Yates with the passed-in source, n − 1 draws). */
export function shuffledIndices(n: number, source: Source): number[] {
  // Sized up front: pushing onto [] would reserve room for 16 (it runs per auction and per builder, every slot).
  const idx = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(source() * (i + 1));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx;
}

/**
 * The indices of `bundles` in descending bid order, ties in a uniformly random order (one shuffle
 * from `source`, n − 1 draws, then a stable sort): the order greedy-by-bid sales and blocks take them in.
 */
export function bidOrder(bundles: readonly Bundle[], source: Source): number[] {
  const order = shuffledIndices(bundles.length, source);
  // Stable by descending bid (ties keep the shuffled order): an insertion sort on the few bundles
  // of a usual slot (Array#sort's comparator calls cost more there), Array#sort beyond.
  if (order.length > INSERTION_SORT_MAX) order.sort((i, j) => bundles[j]!.bidY - bundles[i]!.bidY);
  else for (let k = 1; k < order.length; k++) {
    const i = order[k]!;
    let m = k;
    while (m > 0 && bundles[order[m - 1]!]!.bidY < bundles[i]!.bidY) {
      order[m] = order[m - 1]!;
      m--;
    }
    order[m] = i;
  }
  return order;
}

/**
 * Sells the slot's positions — the top of each rollup's block and the position behind each public
 * user swap — among the bundles, comparing bids by their value in Y at the reference price.
 *
 * Greedy by bid: bundles in descending bid order (ties in a uniformly random order) win when every
 * position they need is still free. With single-position bundles this is exactly a sealed-bid
 * auction per position; with atomic multi-rollup bundles it is the usual greedy approximation of
 * the combinatorial allocation (it can miss a pair of smaller bids that together beat one atomic
 * bid). Payment: `first-price` pays the own bid; `second-price` pays the highest bid among the
 * losers that wanted an overlapping position (the price it displaced), at most its own bid.
 */
export function allocateBundles(bundles: readonly Bundle[], rule: PaymentRule, source: Source): Allocated[] {
  if (bundles.length === 0) return [];
  const order = bidOrder(bundles, source);
  const won: Bundle[] = [];
  if (rule === 'first-price') {
    // Each winner pays its own bid: no losers to keep.
    const out: Allocated[] = [];
    for (const i of order) {
      const b = bundles[i]!;
      if (overlapsAny(won, b)) continue;
      won.push(b);
      out.push({ bundle: b, paymentGas: b.bidGas });
    }
    return out;
  }
  const lost: Bundle[] = [];
  for (const i of order) {
    const b = bundles[i]!;
    if (overlapsAny(won, b)) lost.push(b);
    else won.push(b);
  }
  return won.map((bundle) => {
    if (bundle.bidY <= 0) return { bundle, paymentGas: bundle.bidGas };
    const displaced = lost.filter((l) => overlaps(l, bundle)).reduce((m, l) => Math.max(m, l.bidY), 0);
    return { bundle, paymentGas: bundle.bidGas * Math.min(1, displaced / bundle.bidY) };
  });
}

/** True when `b` needs a position one of `taken` holds (a loop: it runs for every bundle of every auction). */
function overlapsAny(taken: readonly Bundle[], b: Bundle): boolean {
  for (const w of taken) if (overlaps(w, b)) return true;
  return false;
}
