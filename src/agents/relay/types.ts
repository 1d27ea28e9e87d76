/**
 * Data shapes of the open-outcry relay auction inside a slot (mev-boost): what a builder sees at a
 * step, the per-auction random draws its strategy may use, and each strategy's parameters.
 * Amounts are in ETH, times in ms since the slot began.
 */

/**
 * What one builder sees at one step. The runner reuses one object per builder and mutates it in
 * place (no per-step allocation), so a strategy must not keep a reference to it.
 */
export interface BuilderView {
  /** Time in the slot, ms. */
  timeMs: number;
  /** The builder's own value estimate: public flow plus the private flow it has seen, ETH. */
  valueEth: number;
  /** The public part of `valueEth` (the mempool value every builder sees), ETH. Stealth bids it. */
  publicValueEth: number;
  /** The relay's best bid as of `timeMs - latencyMs` (null before any bid is visible), ETH. */
  visibleBestBidEth: number | null;
  /** True when that visible best bid is this builder's own (relays publish the builder's key). */
  visibleBestIsOwn: boolean;
  /** The bid this builder last sent to the relay (null: none, or withdrawn), ETH. */
  lastBidEth: number | null;
  /** Own one-way latency plus the relay's processing delay: a bid sent now counts this much later, ms. */
  submissionDelayMs: number;
}

/**
 * Uniform draws in [0, 1) made once per builder per auction from the builder's own stream, so a
 * strategy stays a pure function of `(view, params, draws)`.
 */
export interface StrategyDraws {
  /** Places the reveal lead inside `[revealLeadMinMs, revealLeadMaxMs]`. */
  readonly revealU: number;
  /** Places the bluff's decoy inside `[bluffMinEth, bluffMaxEth]`. */
  readonly bluffU: number;
}

/**
 * Shared by every strategy: what caps its bid (see `capEth`). Without `shade`, the profit margin
 * the builder keeps below its value, ETH (≥ 0); with `shade` (a learned factor s ≥ 0), s × value.
 */
export interface MarginParams {
  readonly marginEth: number;
  /** A shading factor chosen for this auction by the builder's learner; absent: the margin rule. */
  readonly shade?: number | undefined;
}

export type NaiveParams = MarginParams;

export interface AdaptiveParams extends MarginParams {
  /** Increment over the visible best bid, ETH (> 0). The paper uses 0.0001. */
  readonly deltaEth: number;
  /**
   * Whether to raise over its own visible best bid. The paper's code does (its adaptive bidder
   * ratchets up by `deltaEth` per step while it leads); false keeps its standing bid instead.
   */
  readonly outbidSelf: boolean;
}

/** When a timing strategy reveals its true value: `expectedCallMs - lead - submissionDelayMs`. */
export interface RevealParams extends MarginParams {
  /** The builder's estimate of when the proposer calls the auction, ms. */
  readonly expectedCallMs: number;
  /** Lead ε before the expected call, drawn uniformly in `[min, max]` once per auction, ms. */
  readonly revealLeadMinMs: number;
  readonly revealLeadMaxMs: number;
}

export type LastMinuteParams = RevealParams;
export type StealthParams = RevealParams;

export interface BluffParams extends RevealParams {
  /** The decoy bid shown before the reveal is drawn uniformly in `[bluffMinEth, bluffMaxEth]`, ETH. */
  readonly bluffMinEth: number;
  readonly bluffMaxEth: number;
}

/**
 * A bidding strategy: the bid the builder wants standing at the relay after this step, in ETH, or
 * null for none (a standing bid is then withdrawn — mev-boost relays accept cancellations).
 */
export type StrategyFn<P> = (
  view: Readonly<BuilderView>,
  params: P,
  draws: StrategyDraws,
) => number | null;
