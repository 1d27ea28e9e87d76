import type { Allocation, Bid } from './types.js';

/**
 * Checks that every bid has a finite, non-negative amount (and a finite `timeMs` if given).
 * Throws a RangeError naming the first offending bid by index and bidder id.
 */
export function validateBids(bids: readonly Bid[]): void {
  for (let i = 0; i < bids.length; i++) {
    const bid = bids[i]!;
    if (!Number.isFinite(bid.amount) || bid.amount < 0) {
      throw new RangeError(
        `bid ${i} (bidder "${bid.bidderId}") has amount ${bid.amount}: ` +
          'must be a finite number >= 0',
      );
    }
    if (bid.timeMs !== undefined && !Number.isFinite(bid.timeMs)) {
      throw new RangeError(
        `bid ${i} (bidder "${bid.bidderId}") has timeMs ${bid.timeMs}: must be a finite number`,
      );
    }
  }
}

/**
 * Checks that an allocation fits the bids it is paid against (same length, winner in range).
 * Throws a RangeError otherwise; `pay` calls it before computing payments.
 */
export function validateAllocationFor(bids: readonly Bid[], allocation: Allocation): void {
  if (allocation.winProbabilities.length !== bids.length) {
    throw new RangeError(
      `allocation has ${allocation.winProbabilities.length} win probabilities ` +
        `for ${bids.length} bids`,
    );
  }
  const w = allocation.winnerIndex;
  if (w !== null && (!Number.isInteger(w) || w < 0 || w >= bids.length)) {
    throw new RangeError(`allocation winnerIndex ${w} is not an index into ${bids.length} bids`);
  }
}
