import type { Concentration } from '../market/metrics/concentration.js';
import type { StrategyName } from '../agents/relay/strategies/registry.js';
import type { ShadingConfig } from '../config/biddingWarSchema.js';

/**
 * One auction (one slot) as a flat row. Amounts in ETH, times in ms since the slot began.
 * "Total signal" is all order flow that arrived by the call: the public flow plus every private
 * item, whether or not any builder saw it (the paper's aggregated signal max).
 */
export interface AuctionRecord {
  readonly auction: number;
  readonly seed: number | string;
  /** Winning builder's id; null when no bid stood at the call. */
  readonly winner: string | null;
  readonly winnerStrategy: StrategyName | null;
  /** The best bid standing at the relay when the proposer called (0 without a winner). */
  readonly winningBidEth: number;
  /** The second-best standing bid (null with fewer than two). */
  readonly runnerUpBidEth: number | null;
  /** Value of the winner's block: its value estimate when it sent the winning bid. */
  readonly winnerValueEth: number;
  /** `winnerValueEth - winningBidEth` (the paper's profit; negative when a bluff's decoy wins). */
  readonly winnerProfitEth: number;
  /** True when the winning bid exceeded its block's value (a bluff caught before its reveal). */
  readonly decoyWin: boolean;
  /** When the winning bid reached the relay (null without a winner). */
  readonly winningBidArrivalMs: number | null;
  readonly totalSignalEth: number;
  readonly publicSignalEth: number;
  /** `winningBidEth / totalSignalEth`, 0 when there is no signal; in [0, 1] for honest strategies. */
  readonly efficiency: number;
  readonly callTimeMs: number;
  readonly publicArrivals: number;
  readonly privateArrivals: number;
  /** Bid updates sent by all builders (a changed bid or a withdrawal). */
  readonly bidsSent: number;
}

/** Per-strategy results. Means over no auctions are null. */
export interface StrategySummary {
  /** Builders using the strategy. */
  readonly builders: number;
  readonly wins: number;
  /** wins / auctions. */
  readonly winShare: number;
  /** Sum of the winners' profit over the strategy's wins, ETH. */
  readonly totalProfitEth: number;
  /** Profit per win, ETH (the paper's "profit per win"). */
  readonly meanProfitEth: number | null;
  /** totalProfit / (builders × auctions): a builder's average profit per auction (the paper's "average profit"). */
  readonly meanProfitPerBuilderAuctionEth: number | null;
  /** Mean efficiency of the auctions the strategy won. */
  readonly meanEfficiency: number | null;
  /** Mean winning bid of the auctions the strategy won, ETH. */
  readonly meanWinningBidEth: number | null;
  /** Wins with a bid above the block's value (bluff decoys). */
  readonly decoyWins: number;
}

/**
 * A builder's bid shading over the run (only for a builder with `shading`). Counted over the
 * auctions in which it had something to bid on (value > 0 at the call): its value is the value of
 * the block behind its standing bid at the call, else its value at its last decision.
 */
export interface ShadingSummary {
  /** Its `shading.name`: `fixed` or the learner. */
  readonly shadingStrategy: ShadingConfig['name'];
  /** Auctions it had value in (the ones it learned from and the statistics below count). */
  readonly auctionsWithValue: number;
  /** Mean shading factor its learner chose over those auctions (null for `fixed`, or without any). */
  readonly meanShadingFactor: number | null;
  /** Σ standing bid at the call ÷ Σ value: how much of its value it bid (null without value). */
  readonly meanShade: number | null;
  /** Σ payoff: value − bid in the auctions it won, ETH (a decoy win counts negative). */
  readonly payoffEth: number;
  /**
   * Σ payoff of the best fixed grid action in hindsight − `payoffEth`, ETH, each action's payoff
   * computed as its learner's counterfactual (shading.ts); negative when it did better than any
   * fixed action. `fixed` is measured against the shading factors 0, 0.1, …, 1.
   */
  readonly regretEth: number;
  /** regretEth ÷ auctionsWithValue (null without any). */
  readonly regretPerAuctionEth: number | null;
  /** The grid's shading factor that would have earned most (null without auctions). */
  readonly bestFixedShade: number | null;
  /**
   * First auction from which every window's shade stays within 0.05 of the last window's (null: fewer
   * than two windows with value).
   */
  readonly convergedAtAuction: number | null;
  /** Σ bid ÷ Σ value in each window of `SHADE_WINDOW_AUCTIONS` auctions (null for a window without value). */
  readonly shadeByWindow: readonly (number | null)[];
}

/** A builder's results; the shading fields are there (all of them) only for a builder with `shading`. */
export interface BuilderSummary extends Partial<ShadingSummary> {
  readonly strategy: StrategyName;
  readonly latencyMs: number;
  readonly wins: number;
  readonly winShare: number;
  readonly totalProfitEth: number;
  readonly meanProfitEth: number | null;
}

export interface BiddingWarSummary {
  readonly auctions: number;
  /** Auctions in which some bid stood at the call. */
  readonly auctionsWithWinner: number;
  /** Mean efficiency over all auctions (an auction without a winner counts 0). */
  readonly meanEfficiency: number;
  readonly meanWinningBidEth: number;
  readonly meanTotalSignalEth: number;
  readonly meanCallTimeMs: number;
  readonly decoyWins: number;
  /** Every strategy of the registry, in its order (builders 0 when unused). */
  readonly byStrategy: { readonly [K in StrategyName]: StrategySummary };
  /** Keyed by builder id, in config order. */
  readonly byBuilder: Readonly<Record<string, BuilderSummary>>;
  /** Concentration of wins across builders: HHI, top-3 share, Nakamoto coefficient, entropy. */
  readonly concentration: Concentration;
  /**
   * MEV-oracle accuracy: mean over auctions with a winner of winning bid ÷ the winner's block value
   * (DESIGN.md §8; above 1 only when a bluff's decoy wins).
   */
  readonly meanMevOracleAccuracy: number | null;
}
