import type { StakingSummary } from './stakingSummary.js';
import type { Concentration } from '../market/metrics/concentration.js';
import type { RollupSums, TotalledSums } from './columns.js';
import type { ReportingSummary } from './reportingSummary.js';
import type { ReporterValues } from './reporters/reporterRun.js';

/* The shape of `summary.json`: what `SummaryAccumulator` (summary.ts) produces. */

/** Totals and end-of-run figures for one rollup. */
export type { TotalledSums } from './columns.js';

/** Totals and end-of-run figures for one rollup: the summed columns (columns.ts) and these. */
export type RollupSummary = RollupSums & {
  rollup: string;
  gas_token: string;
  /** Searchers' profit before bids: CEX-DEX, backrun, cross-rollup and sandwich (Y). */
  mev_extracted_y: number;
  /** Σ of what the proposer's reports hid from this rollup less what detection won back (Y). */
  lost_y: number;
  /** Share of slots in the shared sequencer; times it left and came back (governance). */
  member_share: number;
  departures: number;
  returns: number;
  /** Pool spot price (Y per X) at the start and at the end of the run. */
  initial_pool_price: number;
  final_pool_price: number;
  /** Mean over slots of |gap_bps|, and the share of slots whose reference price was in the fee band. */
  mean_abs_gap_bps: number;
  share_slots_in_fee_band: number;
  /** Timeboost: the controllers' share of the value searchers realised on the rollup, and the mean express-lane revenue per auction (Y); null elsewhere or without any. */
  express_lane_controller_share: number | null;
  express_lane_revenue_per_round_y: number | null;
};

/** What `summary.json` holds: run-level figures and one entry per rollup and per searcher. */
export interface RunSummary {
  slots: number;
  simulated_seconds: number;
  initial_ref_price: number;
  final_ref_price: number;
  totals: TotalledSums & {
    mev_extracted_y: number;
    proposer_value_y: number;
    rollup_fees_value_y: number;
    /** Σ over slots of the counterfactual revenue of all rollups together, v(N) (Y). */
    coalition_value_y: number;
    /** Σ over slots of v(N) − Σ_r v({r}), and the share of slots where it was > 0 (counterfactuals only). */
    sharing_surplus_y: number;
    share_slots_surplus_positive: number;
    /** PnL of cross-rollup searchers bidding atomically and split (Y; 0 when there are none). */
    cross_atomic_pnl_y: number;
    cross_split_pnl_y: number;
  };
  /** Builders: blocks won, bids received from searchers and payments made (Y); empty without builders. */
  builders: { builder: string; wins: number; win_share: number; received_y: number; paid_y: number; resale_net_y: number; profit_y: number }[];
  /** The execution-ticket market (null under other mechanisms). */
  execution_tickets: TicketSummary | null;
  /** Concentration of blocks won across builders (zeros without builders). */
  builder_concentration: Concentration;
  /**
   * With builders: mechanism revenue (all builders' payments) ÷ value of the winning blocks (what
   * the winners received from searchers); null without builders or blocks.
   */
  block_oracle_accuracy: number | null;
  /** With builders: Σ value of the blocks built by their winners ÷ Σ value of the best candidate blocks; null without. */
  block_efficiency: number | null;
  /** A mechanism selling blocks ahead of time: its price and a just-in-time sale's, each ÷ the best block's value; null otherwise. */
  ahead_of_time: { lead_slots: number; oracle_accuracy: number | null; just_in_time_oracle_accuracy: number | null } | null;
  /** Restaking for the shared sequencer over the run (null without `restaking`). */
  restaking: RestakingSummary | null;
  /** Revenue per validator as proposer (Y). */
  validators: { validator: string; stake: number; revenue_y: number }[];
  /** Stake pools and delegators; present only when the config has `staking`. */
  staking?: StakingSummary | null;
  /** How concentrated the won positions are across searchers. */
  concentration: Concentration;
  /**
   * MEV-oracle accuracy: payments ÷ the searchers' own valuation of what they won (DESIGN.md §8);
   * null when nothing was won.
   */
  mev_oracle_accuracy: number | null;
  /** The shared block's proposer's reports and what each detector caught (revenue sharing). */
  reporting: ReportingSummary;
  rollups: RollupSummary[];
  searchers: { searcher: string; kind: string; pnl_y: number; leg_failure_loss_y: number; wins: number; win_share: number; paid_y: number }[];
  /** Every bidder's bidding: builders (for blocks), then searchers (for positions). */
  bidders: BidderSummaryEntry[];
  /** Token conservation: every holder of X and Y on each rollup at the end, and the drift of their sum. */
  conservation: ConservationSummary;
  /** The named reporters of `output.reporters` (reporters/namedReporters.ts); present only when it lists some. */
  reporters?: ReporterValues;
}

/** Restaking over the run (see summaryFields.ts for each field). */
export interface RestakingSummary {
  epochs: number;
  insecure_epochs: number;
  min_margin_y: number;
  mean_profit_from_corruption_y: number | null;
  last_profit_from_corruption_y: number;
  last_cost_of_corruption_y: number;
  last_margin_y: number;
  last_overcollateralization: number | null;
  rewards_y: number;
  operator_stake_y: number;
  operators_in: number;
  joins: number;
  leaves: number;
}

/** The execution-ticket market over the run (see summaryFields.ts for each field). */
export interface TicketSummary {
  tickets_bought: number;
  tickets_redeemed: number;
  tickets_outstanding: number;
  proceeds_burned_y: number;
  block_value_y: number;
  capture: number | null;
  redeemed_capture: number | null;
  slots_held: number;
  slots_without_holder: number;
  redraws: number;
  resales: number;
  resale_share: number;
  resale_price_y: number;
  hhi: number;
  top_builder_share: number;
}

/** One token on one rollup: its holders' final balances and how far their sum drifted from the start. */
export interface TokenConservation {
  /** Σ over holders at slot 0 (the pool's initial reserve) and at the end. */
  initial_total: number;
  final_total: number;
  /** final_total − initial_total (floating-point rounding only). */
  drift: number;
  /** Largest |Σ over holders − initial_total| at the end of any slot. */
  max_abs_drift: number;
  /** `pool`, `users`, `treasury`, `proposer`, `burned`, `committee`, `searcher:<id>`, `builder:<id>`. */
  holders: { holder: string; balance: number }[];
}

/** Token conservation per rollup and token (conservation.ts). */
export interface ConservationSummary {
  /** Largest max_abs_drift ÷ initial_total over rollups and tokens. */
  max_relative_drift: number;
  rollups: { rollup: string; x: TokenConservation; y: TokenConservation }[];
}

/** One bidder's bidding over the run (see summaryFields.ts for each field's meaning). */
export interface BidderSummaryEntry {
  bidder: string;
  role: 'builder' | 'searcher';
  strategy: string;
  auctions: number;
  wins: number;
  win_rate: number | null;
  mean_shade: number | null;
  value_y: number;
  bid_y: number;
  payoff_y: number;
  best_fixed_action: number | null;
  regret_y: number | null;
  regret_per_auction_y: number | null;
  converged_at_slot: number | null;
  /** Slots per window of `shade_by_window` (`bidding.windowSlots`, doubled while the run would need more than 1,000 windows). */
  window_slots: number;
  shade_by_window: readonly (number | null)[];
  choice: string | null;
  choice_share: number | null;
}
