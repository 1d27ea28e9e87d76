import { slotRange, type WindowOptions } from './rollingHhi.js';
import { strideFor } from './everyKth.js';

/** The columns of a `slots.csv` row that the per-rollup bid-share chart reads. */
export interface BidRow {
  readonly slot: number;
  readonly rollup: string;
  /** Payments made on this rollup in the slot, Y at the reference price. */
  readonly winning_bid_y: number;
}

/** One rollup's share of the winning bids paid in the window of slots ending at `slot`. */
export interface SharePoint {
  readonly slot: number;
  readonly rollup: string;
  /** In [0, 1]; the shares of one window sum to 1. */
  readonly share: number;
}

/**
 * Each rollup's share of the winning bids (in Y) over a sliding window of `windowSlots` slots,
 * evaluated at every k-th slot from the first full window on; windows in which nothing was paid are
 * skipped. The stand-in for winner concentration while `slots.csv` has no winner column.
 */
export function rollingShares(rows: readonly BidRow[], opts: WindowOptions): SharePoint[] {
  if (rows.length === 0) return [];
  const w = Math.max(1, Math.floor(opts.windowSlots));
  const rollups = [...new Set(rows.map((r) => r.rollup))];
  const sorted = [...rows].sort((a, b) => a.slot - b.slot);
  const [first, last] = slotRange(rows);
  const stride = strideFor(Math.max(1, last - (first + w - 1) + 1), opts.maxPoints ?? 2000);
  const sums = new Map<string, number>(rollups.map((r) => [r, 0]));
  let head = 0;
  let tail = 0;
  const out: SharePoint[] = [];
  for (let end = first + w - 1; end <= last; end += stride) {
    for (; head < sorted.length && sorted[head]!.slot <= end; head++) {
      const r = sorted[head]!;
      sums.set(r.rollup, sums.get(r.rollup)! + (r.winning_bid_y || 0));
    }
    for (; tail < head && sorted[tail]!.slot <= end - w; tail++) {
      const r = sorted[tail]!;
      sums.set(r.rollup, sums.get(r.rollup)! - (r.winning_bid_y || 0));
    }
    // Recomputing the total from the sums keeps add/subtract rounding from drifting below zero.
    const total = rollups.reduce((a, r) => a + Math.max(0, sums.get(r)!), 0);
    if (total > 1e-12)
      for (const rollup of rollups) out.push({ slot: end, rollup, share: Math.max(0, sums.get(rollup)!) / total });
  }
  return out;
}
