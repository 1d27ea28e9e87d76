import type { LearnerSpec, LearnerState } from '../learning/types.js';

/**
 * How a bidder (a searcher in the market, a builder in the market) decides its bids: the config's
 * `strategy`, parsed. Every bid is a decision about one opportunity (a searcher's bundle, a
 * builder's block) of known value v to the bidder.
 */
export type StrategySpec =
  /** Today's rule: a searcher bids `bidFraction`·v; a builder (1 − margin)·v − costY. */
  | { readonly name: 'fixed-fraction' }
  /** Bids its value (a builder: v − costY). */
  | { readonly name: 'truthful' }
  /**
   * The mechanism's complete-information equilibrium given the values it knows: its own, and the
   * rivals' either exactly (`exact`) or as estimated from past slots (`history`).
   */
  | { readonly name: 'equilibrium'; readonly rivals: 'exact' | 'history' }
  /** A learner over `grid`: shading factors of v (`shading`) or bids in Y (`absolute`). */
  | (LearnerSpec & { readonly grid: readonly number[]; readonly actions: 'shading' | 'absolute' });

export type StrategyName = StrategySpec['name'];

/** A learning strategy's spec. */
export type LearningSpec = Extract<StrategySpec, { readonly grid: readonly number[] }>;

export function isLearning(spec: StrategySpec): spec is LearningSpec {
  return 'grid' in spec;
}

/**
 * One bidder's memory and record, plain data in the persistent world (so a checkpoint holds it):
 * the learner's state, its estimate of the rivals' values, and the statistics the summary reports.
 */
export interface BidderRecord {
  /** Auctions it bid in (an opportunity of positive value), won, and Σ value, bid and payoff (Y). */
  auctions: number;
  wins: number;
  valueY: number;
  bidY: number;
  /** Σ expected payoff of the bids it made (Y): win probability × value − expected payment. */
  payoffY: number;
  /** The actions regret is measured against (shading factors, or bids in Y for `absolute` learners). */
  readonly regretGrid: readonly number[];
  readonly regretAbsolute: boolean;
  /** Σ over auctions of what each action of `regretGrid` would have earned, the rivals' bids held fixed (Y). */
  readonly counterfactualY: number[];
  /**
   * Per window of `windowSlots · 2^merges` slots (the last one open): Σ value and Σ bid, what the
   * summary's `shade_by_window` reads. At most `MAX_WINDOWS` windows: when a slot would open one
   * more, neighbouring windows merge in pairs and `merges` goes up (bidderRecord.ts), so the record,
   * every checkpoint and summary.json stay the same size however long the run (a list growing with
   * the run made each checkpoint cost more than the last: 35 KB of checkpoint per 10,000 baseline slots).
   */
  readonly windows: { readonly valueY: number[]; readonly bidY: number[]; merges: number };
  /** The learner's state (learning strategies only). */
  readonly learner: LearnerState | null;
  /** Q-learning's state: the grid index of the last winning bid's shade it saw (0 before any). */
  context: number;
  /** `history` equilibrium: each rival's estimated value (exponential average of past slots; builders only). */
  readonly rivalValueY: number[];
  /** The bandit over its discrete choices (searchers with `choices`), else null. */
  readonly choiceLearner: LearnerState | null;
}
