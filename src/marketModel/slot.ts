import type { Allocated, Bundle, UserSwap } from '../market/orders/types.js';
import type { BidChoice } from '../agents/bidding/decideBid.js';
import type { Tally } from './columns.js';
import type { TicketSlot } from './tickets.js';
import type { SlotSale } from './aheadOfTime.js';
import type { ExpressLaneSale } from './timeboost.js';

/*
 * What one slot decides and discards (radCAD's "decide, then apply"): each phase returns one of
 * these, the next phases read it, and none of it outlives the slot. The persistent world is in
 * types.ts.
 */

/** A builder's candidate block this slot: what it saw, what it included, and its value per rollup. */
export interface Candidate {
  readonly included: Bundle[];
  /** Σ bids of included bundles paid on each rollup, Y at the reference price. */
  readonly valueByRollupY: number[];
  readonly seen: Bundle[];
}

/**
 * The outcome of one block auction: under `shared` sequencing one covering every member rollup,
 * otherwise one per rollup. In direct mode (no builders) `builder` is null and searchers pay the
 * proposer; with builders, searchers pay the winning builder and the builder pays the mechanism.
 */
export interface WinningBlock {
  readonly rollups: readonly number[];
  /** Validator index of this block's proposer. */
  readonly proposer: number;
  readonly builder: number | null;
  /** Builders' bids (Y), in builder order; empty in direct mode. */
  readonly bidsY: readonly number[];
  /** Builders' values for the block (Y, less their costs), their bid choices (a learner's action, state and probability), and the mechanism's draws (to replay it for counterfactual bids). Empty in direct mode. */
  readonly valuesY: readonly number[];
  /** A block sold ahead of time: the values its bids were made on (the builders' expectations at the sale); absent, `valuesY`. */
  readonly bidBasisY?: readonly number[];
  readonly choices: readonly BidChoice[];
  readonly draws: readonly number[];
  /** When each builder's bid arrived, ms after the slot's start, drawn (builders' `bidTimeJitter`); absent when no builder has jitter (every bid at its `bidTimeMs`). */
  readonly bidTimesMs?: readonly number[];
  /** What each builder pays (Y) and where it goes: proposer, burn, committee, users. Null in direct mode. */
  readonly payments: {
    readonly perBidderY: readonly number[];
    readonly toProposerY: number;
    readonly burnedY: number;
    readonly toCommitteeY: number;
    /** A mechanism's rebate to users from the block's price: 0 in the market (the order-flow auction sells its users' backruns apart from the block and pays their rebates at settlement, orderFlow.ts). */
    readonly rebateToUserY: number;
  } | null;
  /**
   * Execution tickets (tickets.ts): this slot's purchases, draws, holder and resale. Then `builder`
   * is the (possibly resold-to) holder, `bidsY` the ticket spends, `valuesY` the expected values they
   * were bid on, `draws` empty (the holder does not come from this slot's bids: no replay), and the
   * payments are this slot's purchases, burned and settled in Y off-chain. Absent otherwise.
   */
  readonly tickets?: TicketSlot;
}

/** A searcher's bid for one opportunity (its bundles carry the decision's index as `decision`). */
export interface SearcherDecision {
  readonly searcher: number;
  readonly valueY: number;
  readonly bidY: number;
  /** The learner's action (grid index), −1 for a strategy that does not learn; the state it chose in and the action's probability then (see `BidChoice`). */
  readonly action: number;
  readonly context: number;
  readonly probability: number | undefined;
}

/** The search phase's decision: the bundles submitted, and how many leg-group ids they used. */
export interface SearchOutcome {
  readonly bundles: readonly Bundle[];
  /** The bid decisions the bundles carry, in the order made. */
  readonly decisions: readonly SearcherDecision[];
  /** Per searcher, the arm of its choices it plays this slot (−1: it has none; see `choices`). */
  readonly arms: readonly number[];
  /** The world's next group id after this slot's split opportunities. */
  readonly nextGroupId: number;
}

/** The auction phase's decision: the blocks sold, the bundles they carry, each rollup's proposer. */
export interface AuctionOutcome {
  readonly blocks: readonly WinningBlock[];
  /** Bundles that won (and fcfs bundles, which are carried unsold), with what each pays if it executes. */
  readonly allocated: readonly Allocated[];
  /** Validator index proposing each rollup's block (all equal under shared sequencing). */
  readonly proposers: readonly number[];
  /** Ids of the slot's swaps sent through the order-flow auction (empty or absent under other mechanisms). */
  readonly ofaUsers?: ReadonlySet<number>;
  readonly tally: readonly Tally<'auction'>[];
  /** Blocks of coming slots sold this slot (a mechanism selling ahead of time; aheadOfTime.ts). */
  readonly sales: readonly SlotSale[];
}

/** What an outside rollup's governance would have had inside: v(M ∪ {r}) and its value-based share. */
export interface WouldBe {
  readonly revenueY: number;
  /** Null: computed at settlement from fees (a fee-based rule). */
  readonly share: number | null;
}

/** The counterfactual auctions' decision (revenue sharing, DESIGN.md §6). */
export interface CounterfactualOutcome {
  /** A value-based split rule's shares among the members, fixed on the auctions' pools (null otherwise). */
  readonly splitShares: readonly number[] | null;
  /** Per rollup outside the shared sequencer under governance (null: a member, or no governance). */
  readonly wouldBe: readonly (WouldBe | null)[];
  readonly tally: readonly Tally<'counterfactual'>[];
}

/** One line of a slot's execution trace, in execution order (what tests and debugging read). */
export interface TraceEntry {
  readonly rollup: number;
  readonly kind: 'user' | 'cex-dex' | 'cross-rollup' | 'backrun' | 'sandwich-front' | 'sandwich-back' | 'unwind';
  /** The item's place in the rollup's order: arrival time for users and fcfs bundles (under Timeboost plus the delay, but for the express-lane controller's), ms. */
  readonly timeMs: number;
  readonly userId?: number;
  readonly searcher?: number;
}

/** What executing the slot did: the trace, the allocations that executed, and the statistics. */
export interface ExecutionOutcome {
  readonly trace: readonly TraceEntry[];
  readonly executed: readonly Allocated[];
  readonly tally: readonly Tally<'execute'>[];
  /**
   * Bundles that won their positions but failed to land by an inclusion failure
   * (`rollups[].inclusionFailureProbability`): nothing the bid controls, so the learn step does not
   * replay their auctions as if the bid alone had decided (absent: none).
   */
  readonly failedToLand?: ReadonlySet<Bundle>;
}

/**
 * Everything one slot decided and did, handed to the recorder. Valid until the next slot starts:
 * the auction, counterfactual, execution, settlement and share tallies are per-run scratch refilled every slot, so a reader
 * that keeps anything past the slot copies it (as the recorder does).
 */
export interface SlotOutcome {
  /** Each rollup's user swaps that arrived this slot (the mempool the searchers saw, with private ones). */
  readonly arrivals: readonly (readonly UserSwap[])[];
  readonly search: SearchOutcome;
  readonly candidates: readonly Candidate[];
  readonly auction: AuctionOutcome;
  readonly counterfactual: CounterfactualOutcome;
  /** Per rollup, the express-lane auction cleared this slot (Timeboost rollups; null elsewhere or when none closes). */
  readonly expressLane: readonly (ExpressLaneSale | null)[];
  readonly execution: ExecutionOutcome;
  readonly settlement: readonly Tally<'settle'>[];
  readonly share: readonly Tally<'share'>[];
}
