/**
 * Shared data shapes of the mechanism library (DESIGN.md §5, STYLE.md rule 4).
 *
 * A mechanism is a pair of pure functions: `allocate(bids, params, source)` decides who gets the
 * good (and draws any randomness from `source`), `pay(bids, allocation, params)` decides who pays
 * what and where the money goes. All amounts are in one numéraire (the caller's unit, e.g. wei or
 * units of the rollup's gas token); all times are in milliseconds on the caller's slot clock.
 */

/** A uniform source on [0, 1), as d3-random's `.source()` expects; the only randomness allowed. */
export type Source = () => number;

/**
 * What bidders learn after an auction, from least to most (the config's `feedback`): their own
 * outcome only; the winning bid; the minimum bid that would have won (as Google's first-price ad
 * auctions reveal); every bid. A mechanism declares the most it can reveal (`reveals`) and the
 * least from which a bidder can compute what any other bid of its own would have earned
 * (`counterfactualFrom`).
 */
export const FEEDBACK_POLICIES = ['own', 'winning-bid', 'min-to-win', 'all-bids'] as const;
export type FeedbackPolicy = (typeof FEEDBACK_POLICIES)[number];

/** True when feedback `a` reveals at least what `b` does. */
export function revealsAtLeast(a: FeedbackPolicy, b: FeedbackPolicy): boolean {
  return FEEDBACK_POLICIES.indexOf(a) >= FEEDBACK_POLICIES.indexOf(b);
}

/** One sealed bid. */
export interface Bid {
  /** Stable identifier of the bidder (builder, searcher, ticket buyer). */
  readonly bidderId: string;
  /** Amount offered, in numéraire; must be finite and ≥ 0 (see `validateBids`). */
  readonly amount: number;
  /**
   * Time the bid was released, in ms on the slot clock (ms since the auction opened). Only the
   * committee mechanisms (mev-burn, mev-smoothing) read it; absent means 0.
   */
  readonly timeMs?: number;
}

/**
 * The outcome of `allocate`.
 *
 * Invariants: `winProbabilities.length === bids.length`; every entry is in [0, 1]; they sum to 1
 * when the good is sold and to 0 when it is not (then `winnerIndex === null`); `winnerIndex`, when
 * not null, indexes a bid with positive win probability.
 */
export interface Allocation {
  /** x_i: bidder i's probability of winning given the bids (ex ante, before the draw). */
  readonly winProbabilities: readonly number[];
  /** Index into `bids` of the realised winner, or null if the good is not sold. */
  readonly winnerIndex: number | null;
  /**
   * Committee floor in numéraire (mev-burn, mev-smoothing): the minimum valid bid. 0 for
   * mechanisms without a committee.
   */
  readonly floor: number;
  /** Fraction of the block's space sold by this mechanism, in (0, 1]; 1 except partial-block. */
  readonly auctionedShare: number;
}

/**
 * The outcome of `pay`: who pays and where the money goes.
 *
 * Conservation invariant (property-tested for every mechanism):
 * `Σ perBidder = toProposer + burned + toCommittee + rebateToUser`, all terms ≥ 0.
 */
export interface Payments {
  /** p_i: amount paid by bidder i, in numéraire, ≥ 0; same order as `bids`. */
  readonly perBidder: readonly number[];
  /** Amount received by the proposer (shared sequencer), in numéraire. */
  readonly toProposer: number;
  /** Amount burned (removed from supply), in numéraire. */
  readonly burned: number;
  /** Amount shared among committee members (mev-smoothing), in numéraire. */
  readonly toCommittee: number;
  /** Amount rebated to the user whose order flow was sold (order-flow-auction), in numéraire. */
  readonly rebateToUser: number;
}

/**
 * When the market sells the good, for a mechanism whose timing is part of its rules (what bidders
 * can know when they bid): `leadSlots`, how many slots before the block's slot its right to build is
 * sold (0: in the slot, on the block built then); `commitDeadlineMs`, when in the slot builders
 * commit to their block (ms after the slot starts; null: at the slot's end). The market model reads
 * these (src/marketModel/aheadOfTime.ts, phases/build.ts); the mechanism's allocate/pay do not.
 */
export interface MarketTiming {
  readonly leadSlots: number;
  readonly commitDeadlineMs: number | null;
}

/** The timing of a mechanism that declares none: sold in the slot, contents committed at its end. */
export const JUST_IN_TIME: MarketTiming = { leadSlots: 0, commitDeadlineMs: null };

/**
 * A mechanism: the pair of pure functions plus its name and a zod-free parameter check.
 * `P` is the mechanism's parameter object (see each mechanism's `…ParamsSchema`). Mechanism files
 * build one with `defineMechanism` (defineMechanism.ts), which adds the summary and zod schemas.
 */
export interface Mechanism<P> {
  /** Registry name, e.g. `'first-price'`. */
  readonly name: string;
  /** The most it can reveal to bidders after an auction (see `FeedbackPolicy`). */
  readonly reveals: FeedbackPolicy;
  /** The least feedback from which a bidder can compute any other own bid's payoff (see `MechanismSpec`). */
  readonly counterfactualFrom: FeedbackPolicy;
  /** A bid that does not win may still cost its bidder something. */
  readonly losersPay: boolean;
  /** Throws a RangeError naming the offending parameter; returns the params unchanged. */
  validateParams(params: P): P;
  /** When the market sells the good under these params (see `MarketTiming`). */
  timing(params: P): MarketTiming;
  /** Decides the winner; draws randomness only from `source`. Validates bids and params. */
  allocate(bids: readonly Bid[], params: P, source: Source): Allocation;
  /** Computes payments for an allocation produced by this mechanism's `allocate`. */
  pay(bids: readonly Bid[], allocation: Allocation, params: P): Payments;
  /**
   * Optional: `allocate` then `pay` in one step, for a mechanism that can skip checks `pay` repeats
   * on an allocation it has just made (runMechanism calls it when present; every auction runs there).
   */
  run?(bids: readonly Bid[], params: P, source: Source): MechanismOutcome;
}

/** The allocation and payments of one run of a mechanism. */
export interface MechanismOutcome {
  readonly allocation: Allocation;
  readonly payments: Payments;
}

/**
 * Parameters of a mechanism that has none. (zod's output type for `z.object({})` is
 * `Record<string, never>`, which a config object carrying its `name` would not satisfy.)
 */
export type NoParams = Record<never, never>;
