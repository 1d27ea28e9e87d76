import type { Bundle } from './types.js';

/** One rollup's part of a bid: the rollup whose gas token pays it and its share of the bid's value. */
export interface BidShare {
  readonly rollup: number;
  /** Share of the bid's value at the reference price, in (0, 1]; a bundle's shares sum to 1. */
  readonly share: number;
}

/**
 * The rollups a bundle's bid is paid on: `bidRollup` alone (share 1), or, for an atomic bundle paid
 * on both legs (`bidSplit`), `bidRollup` for 1 − s and the second rollup for s of the bid's value.
 */
export function bidShares(bundle: Bundle): readonly BidShare[] {
  const split = bundle.bidSplit;
  if (split === undefined) return [{ rollup: bundle.bidRollup, share: 1 }];
  return [
    { rollup: bundle.bidRollup, share: 1 - split.share },
    { rollup: split.rollup, share: split.share },
  ];
}
