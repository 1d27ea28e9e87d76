import type { Source } from '../mechanisms/types.js';
import type { CoalitionGame } from './coalitionValue.js';

/** What `splitRevenue` needs for one slot; each rule reads only the fields it uses. */
export interface SplitInput {
  /** Revenue to split (the auction's payment to the sequencer), in numéraire, finite and ≥ 0. */
  readonly revenue: number;
  /** Fraction of `revenue` the proposer keeps before the rollups are paid, in [0, 1]. */
  readonly proposerCut: number;
  /** Number of rollups, an integer ≥ 1; rollups are indexed 0..n−1. */
  readonly n: number;
  /** v(S) = winning bid of the auction restricted to S (`shapley`, `banzhaf`, `drop-out`). */
  readonly v?: CoalitionGame | undefined;
  /** Fees paid on each rollup, in numéraire, length n (`proportional-to-fees`). */
  readonly feesByRollup?: readonly number[] | undefined;
  /** Standalone winning bids v({r}), length n (`variable`); defaults to v({r}) from `v`. */
  readonly standaloneByRollup?: readonly number[] | undefined;
  /** Uniform [0, 1) source (`drop-out` only); the only randomness. */
  readonly source?: Source | undefined;
}

/**
 * The split of one slot's revenue. Invariant: proposer + Σ perRollup = revenue (up to rounding).
 * `perRollup[r]` may be negative only under value-based rules on a non-monotone v (see
 * `valueShares`): that rollup then pays into the pot.
 */
export interface RevenueSplit {
  /** Amount the proposer keeps: proposerCut · revenue, in numéraire. */
  readonly proposer: number;
  /** Amount paid to each rollup: shares[r] · (revenue − proposer), in numéraire. */
  readonly perRollup: number[];
  /** The rule's shares of the remainder, summing to 1. */
  readonly shares: number[];
}
