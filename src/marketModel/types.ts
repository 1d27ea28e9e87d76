import type { RestakingState } from './restaking.js';
import type { Pool, Token } from '../market/amm/types.js';
import type { Balances, UserSwap } from '../market/orders/types.js';
import type { MarketConfig } from '../config/schema.js';
import type { BidderRecord } from '../agents/bidding/types.js';
import type { BlockExpectation } from './expectation.js';
import type { SlotSale } from './aheadOfTime.js';

/*
 * The market model's persistent world: what carries over from one slot to the next. Everything here
 * is plain data, so a checkpoint is a structured clone of it (`persistentState` in world.ts). What a
 * slot decides and then discards — bundles, candidate blocks, auctions, the trace, statistics — is
 * not here: the phases return it (slot.ts), and only the apply steps (execute, settle, share, and
 * the arrivals and price step of nature) change what is below.
 */

/**
 * A lone leg of a split opportunity, held until unwound on its own pool: in the next block, or under
 * `unwind.venue: "hold"` up to `horizonSlots` blocks later (a CEX unwind is immediate and never held).
 */
export interface OpenLeg {
  readonly rollup: number;
  /** Token the lone leg bought; the unwind sells it back. */
  readonly token: Token;
  readonly amount: number;
  /** Inventory change of the lone leg (for the loss booked at unwind). */
  readonly deltaX: number;
  readonly deltaY: number;
  /** Blocks since the leg failed that it has been held through (0 until its first unwind attempt). */
  readonly heldBlocks: number;
}

export interface BuilderState {
  readonly id: string;
  readonly index: number;
  /** Blocks (or super-blocks) won, bids received from searchers (Y), payments made (Y). */
  wins: number;
  receivedY: number;
  paidY: number;
  /**
   * Tokens held on each rollup: the searchers' bids it received as a winner, less the part it paid
   * on to the mechanism (its price, capped at what it received). Payments settled off-chain in Y (a
   * losing bidder's, a price above what it received) are not rollup tokens and are not here.
   */
  readonly holdings: Balances[];
  /** Its bidding for blocks: a learner's state, its estimates of the rivals, its record (strategies). */
  readonly bidding: BidderRecord;
  /** What it expects a future block to be worth (blocks sold ahead of time are bid on it). */
  readonly expectation: BlockExpectation;
  /** Net resale receipts for slots it was drawn to build (execution tickets; Y off-chain): + sold, − bought. */
  resaleY: number;
}

/**
 * A Timeboost rollup's express lane (timeboost.ts): the rounds sold and not yet over, and what each
 * searcher expects to find on the rollup per slot (what it bids for a round on).
 */
export interface ExpressLaneState {
  /** Rounds whose auction has cleared and that have not ended, in order: the controller (searcher index), null when unsold. */
  rounds: { readonly round: number; readonly controller: number | null }[];
  /** Per searcher (every searcher, by index): exponential average of the value of the opportunities it found on this rollup per slot (Y). */
  readonly expectedValueY: number[];
  /** Slots observed so far (the first sets the average). */
  observedSlots: number;
}

export interface RollupState {
  readonly id: string;
  readonly index: number;
  readonly gasToken: Token;
  pool: Pool;
  /** User swaps waiting for the next block, in arrival order. */
  pending: UserSwap[];
  /** Current base fee, gas token per byte of transaction data (EIP-1559 style). */
  baseFeePerByte: number;
  /** Fees collected so far, held by the rollup. */
  readonly treasury: Balances;
  /**
   * The users of this rollup as one net account: a swap takes its input from it and pays its output
   * into it, the data fees users pay come out of it, a mechanism's rebate to users goes into it.
   * Starts at zero; negative means the users brought that much in from outside the model.
   */
  readonly users: Balances;
  /** Of the mechanism's price paid by winning builders on this rollup: what was burned, what went to the committee. */
  readonly burned: Balances;
  readonly committee: Balances;
  /**
   * Σ over every holder of each token on this rollup at slot 0 (the pool's reserves and the
   * searchers' `capital` on it: every other holder starts at zero). Nothing mints or destroys a rollup token, so the sum stays equal to it
   * up to floating-point rounding (conservation.ts).
   */
  readonly initialSupply: Readonly<Balances>;
  /** Only under `ordering: "timeboost"`: its express lane. */
  readonly expressLane?: ExpressLaneState;
}

export interface SearcherState {
  readonly id: string;
  readonly index: number;
  /** Indices of the rollups this searcher acts on. */
  readonly rollups: readonly number[];
  /** Inventory per rollup, from its `capital` at slot 0; may go negative (credit from the searcher's treasury, financed under `capital.negative: "finance"`) unless trades are cut to it (`"forbid"`). */
  readonly onchain: Balances[];
  /** Hedge account on the CEX (off-chain), trading at the reference price less its `cex` venue's fee and impact; financing interest is paid from it. */
  readonly cex: Balances;
  /** Positions won and executed, what they paid and what they were worth (Y at the reference). */
  readonly record: { wins: number; paidY: number; wonValueY: number; legFailureLossY: number };
  /** Lone legs waiting to be unwound. */
  openLegs: OpenLeg[];
  /** Its bidding for positions: a learner's state and its record (strategies). */
  readonly bidding: BidderRecord;
}

export interface ProposerState {
  /** Tokens received on each rollup and not yet disposed of. */
  readonly holdings: Balances[];
}

/**
 * Shared-sequencer membership (DESIGN.md §6, the repeated game of the panel's "music festival").
 * Each epoch a member compares what it received with its standalone estimate Σ (v({r}) − cost), and
 * a rollup outside compares its own revenue − cost with the share it would have had inside.
 */
export interface GovernanceState {
  /** Rollup r is in the shared sequencer (always false under `separate` sequencing). */
  readonly member: boolean[];
  /** Consecutive epochs the other option was better. */
  readonly badEpochs: number[];
  /** This epoch so far: what each rollup received, and its estimate of the other option (Y). */
  readonly receivedY: number[];
  readonly alternativeY: number[];
  readonly departures: number[];
  readonly returns: number[];
}

/**
 * One sequencing group's execution tickets (Drake & Neuder, ethresear.ch/t/17944; tickets.ts):
 * what builders hold and who was drawn for the coming slots. Every ticket held was bought at or
 * before the last slot, so each is eligible for every later draw: one lot per builder suffices
 * (memory does not grow with the run).
 */
export interface TicketLedger {
  /** Unredeemed tickets per builder, integers ≥ 0. */
  tickets: number[];
  /**
   * Holders drawn for coming slots: `holders[k]` holds slot `firstSlot + k` (a builder index, −1 when
   * no ticket was eligible). At most `lookaheadSlots` entries between slots.
   */
  firstSlot: number;
  readonly holders: number[];
}

/** Run totals of the execution-ticket market (summary.json's `execution_tickets`). */
export interface TicketTotals {
  ticketsBought: number;
  ticketsRedeemed: number;
  /** Σ ticket purchases (burned) and Σ value (less cost) of the blocks built by the slots' final builders (Y). */
  proceedsY: number;
  blockValueY: number;
  /** Slots built by a drawn holder (or its buyer), slots without any holder, resales and Σ resale prices (Y). */
  slotsHeld: number;
  slotsWithoutHolder: number;
  /** Slots drawn again when they came, their draw ahead having found no eligible ticket. */
  redraws: number;
  resales: number;
  resalePriceY: number;
}

/** One epoch's stake concentration and reward dispersion (summary.json's `staking.epochs[]`). */
export interface StakingEpochRecord {
  readonly epoch: number;
  /** Stake share of each pool (config order), own stake of its operators included. */
  readonly poolShares: number[];
  readonly idleStake: number;
  /** Over pools, each validator outside every pool counting as its own (HHI Σ s², Nakamoto, top 3). */
  readonly poolHhi: number;
  readonly poolNakamoto: number;
  readonly poolTop3: number;
  /** The same over operators (validators). */
  readonly operatorHhi: number;
  readonly operatorNakamoto: number;
  readonly operatorTop3: number;
  /** Dispersion of the epoch's reward per unit of stake over validators with stake: σ/μ and Gini. */
  readonly rewardCv: number;
  readonly rewardGini: number;
  /** With `staking.liquidStaking`: the token's exchange rate after the epoch's rewards, and the stake the epoch ran with in each member pool (member order). */
  readonly lst?: { readonly exchangeRate: number; readonly allocation: number[] };
}

/**
 * The liquid-staking protocol (`staking.liquidStaking`; liquidStaking.ts). Its stake, supply × 1,
 * is the members' allocations plus what stays buffered, exactly.
 */
export interface LstState {
  /** Stake allocated to each member pool (member order), split evenly over the pool's operators. */
  readonly allocation: number[];
  /** Stake no member takes (router caps), earning nothing. */
  buffered: number;
  /** This epoch so far: the protocol's rewards before its fee (Y), and each member pool's delegators' rewards (Y, member order). */
  epochRewardY: number;
  readonly epochPoolRewardY: number[];
  /** The last `windowEpochs` epochs, oldest first: each member's net return per unit of stake. */
  readonly window: number[][];
  /** Run totals over completed epochs: the protocol's fee and what went to token holders (Y). */
  feeY: number;
  netY: number;
  /** Stake per token: 1 + netY ÷ supply. */
  exchangeRate: number;
}

/**
 * Stake pools and delegators (`staking` in the config; staking.ts, phases/delegation.ts). Stake
 * moves in whole delegators, so the delegators in pools plus the idle ones always add up to the
 * configured count exactly.
 */
export interface StakingState {
  /** Delegators in each pool (config order), integers ≥ 0. */
  readonly delegators: number[];
  /** Delegators outside every pool (earning the outside option). */
  idle: number;
  /** Per validator: its `validatorRevenueY` at the end of the last slot (a slot's MEV is the difference). */
  readonly seenRevenueY: number[];
  /**
   * This epoch so far: blocks proposed, the MEV the market paid their proposers and the committee's
   * share under MEV smoothing (Y, before any pool's capture), and each validator's gross reward
   * (issuance + MEV captured + committee share, Y).
   */
  epochBlocks: number;
  epochMevY: number;
  epochCommitteeY: number;
  readonly epochValidatorRewardY: number[];
  /** The last `windowEpochs` epochs, oldest first: blocks, proposers' MEV and committee share (Y). */
  readonly window: { readonly blocks: number; readonly mevY: number; readonly committeeY: number }[];
  /** Each pool's latest estimate of what proposing every block of an epoch would pay its delegators (Y). */
  readonly valueY: number[];
  /** Run totals per pool: delegators' rewards and commission (Y). */
  readonly rewardY: number[];
  readonly commissionY: number[];
  /** Delegators moved over the run (out of a pool or into one). */
  moves: number;
  readonly history: StakingEpochRecord[];
  /** The liquid-staking protocol; absent without `staking.liquidStaking`. */
  readonly lst?: LstState;
}

/** The persistent world between two slots (plain data; see the note at the top of this file). */
export interface MarketState {
  refPriceYPerX: number;
  readonly rollups: RollupState[];
  readonly searchers: SearcherState[];
  readonly proposer: ProposerState;
  readonly builders: BuilderState[];
  /** Revenue per validator, Y at the reference. */
  readonly validatorRevenueY: number[];
  /** Who shares the sequencer, and what each rollup's governance remembers. */
  readonly governance: GovernanceState;
  /** Execution tickets: a ledger per sequencing group (`shared`, or a rollup's id), and run totals. Empty under other mechanisms. */
  readonly tickets: { readonly ledgers: Record<string, TicketLedger>; readonly totals: TicketTotals };
  /** Ids handed out so far: user swaps, and split cross-rollup opportunities (leg groups). */
  nextUserId: number;
  nextGroupId: number;
  /** Blocks of future slots already sold (mechanisms that sell ahead of time: aheadOfTime.ts). */
  readonly aheadSales: SlotSale[];
  /** Restaking for the shared sequencer (restaking.ts); absent without `restaking` in the config. */
  readonly restaking?: RestakingState;
  /** Stake pools and delegators; absent unless the config has `staking`. */
  readonly staking?: StakingState;
}

/** The world the phases read: the persistent state and the (never changing) resolved config. */
export interface WorldState extends MarketState {
  readonly config: MarketConfig;
}
