import type { Pool, Token } from '../market/amm/types.js';
import type { Allocated, Balances, Bundle, UserSwap } from '../market/orders/types.js';
import type { MarketConfig } from '../config/schema.js';

/** One line of a slot's execution trace, in execution order (what tests and debugging read). */
export interface TraceEntry {
  readonly rollup: number;
  readonly kind: 'user' | 'cex-dex' | 'cross-rollup' | 'backrun' | 'sandwich-front' | 'sandwich-back' | 'unwind';
  /** The item's place in the rollup's order: arrival time for users and fcfs bundles, ms. */
  readonly timeMs: number;
  readonly userId?: number;
  readonly searcher?: number;
}

/** A lone leg of a split opportunity, held until unwound on its own pool in the next block. */
export interface OpenLeg {
  readonly rollup: number;
  /** Token the lone leg bought; the unwind sells it back. */
  readonly token: Token;
  readonly amount: number;
  /** Inventory change of the lone leg (for the loss booked at unwind). */
  readonly deltaX: number;
  readonly deltaY: number;
}

/**
 * The outcome of one block auction: under `shared` sequencing one covering every rollup, under
 * `separate` one per rollup. In direct mode (no builders) `builder` is null and searchers pay the
 * proposer; with builders, searchers pay the winning builder and the builder pays the mechanism.
 */
export interface WinningBlock {
  readonly rollups: readonly number[];
  /** Validator index of this block's proposer. */
  readonly proposer: number;
  readonly builder: number | null;
  /** Builders' bids (Y), in builder order; empty in direct mode. */
  readonly bidsY: readonly number[];
  /** What each builder pays (Y) and where it goes: proposer, burn, committee. Null in direct mode. */
  readonly payments: {
    readonly perBidderY: readonly number[];
    readonly toProposerY: number;
    readonly burnedY: number;
    readonly toCommitteeY: number;
  } | null;
}

export interface BuilderState {
  readonly id: string;
  readonly index: number;
  /** Blocks (or super-blocks) won, bids received from searchers (Y), payments made (Y). */
  wins: number;
  receivedY: number;
  paidY: number;
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
}

export interface SearcherState {
  readonly id: string;
  readonly index: number;
  readonly config: MarketConfig['searchers'][number];
  /** Indices of the rollups this searcher acts on. */
  readonly rollups: readonly number[];
  /** Inventory per rollup; may go negative (credit from the searcher's treasury). */
  readonly onchain: Balances[];
  /** Hedge account on the CEX, trading at the reference price. */
  readonly cex: Balances;
  /** Positions won and executed, what they paid and what they were worth (Y at the reference). */
  readonly record: { wins: number; paidY: number; wonValueY: number; legFailureLossY: number };
  /** Lone legs waiting to be unwound. */
  openLegs: OpenLeg[];
}

export interface ProposerState {
  /** Tokens received on each rollup and not yet disposed of. */
  readonly holdings: Balances[];
}

/** Quantities accumulated for one rollup during one slot; reset at the start of each slot. */
export interface RollupSlotStats {
  userCount: number;
  userFailed: number;
  userVolumeY: number;
  userSurplusY: number;
  arbCount: number;
  arbVolumeY: number;
  arbProfitY: number;
  bidCount: number;
  winningBidGas: number;
  winningBidY: number;
  /** Gas token bought on the pool by bidders who were short of it. */
  bidPurchaseGas: number;
  /** Gas token the proposer sold into the pool (disposal policy). */
  disposalSoldGas: number;
  crossArbLegs: number;
  crossArbProfitY: number;
  backruns: number;
  backrunProfitY: number;
  /** Split cross-rollup opportunities of which only this rollup's leg executed. */
  legFailures: number;
  /** Loss (negative PnL, Y) of lone legs unwound on this rollup this slot. */
  legFailureLossY: number;
  sandwiches: number;
  sandwichProfitY: number;
  /** Value the proposer of this rollup's block received this slot (Y at the reference). */
  proposerRevenueY: number;
  /** Value burned by the mechanism this slot, attributed by the block's share (Y). */
  burnedY: number;
  /** Counterfactual revenue had this rollup sequenced alone, v({r}) (Y; 0 without counterfactuals). */
  standaloneValueY: number;
  /** Counterfactual revenue of all rollups together, v(N) (Y; same on every rollup's row). */
  coalitionValueY: number;
  /** v(N) − Σ_r v({r}): what sharing the sequencer adds (Y; same on every rollup's row). */
  sharingSurplusY: number;
  /**
   * What this rollup received from sequencing this slot (Y): inside the shared sequencer, its split
   * of the reported (and detector-corrected) revenue plus what the bond paid back; outside, its own
   * sequencer's block revenue.
   */
  revenueShareY: number;
  /** Of this rollup's entitled split, what the proposer's report hid, and what was won back (Y). */
  hiddenY: number;
  recoveredY: number;
  /** The governance's estimate of this rollup's other option this slot (Y): see `GovernanceState`. */
  alternativeY: number;
  /** Cost of running its own sequencer, charged this slot when outside the shared sequencer (Y). */
  ownSequencerCostY: number;
  /** The shared block's revenue: true, reported by the proposer, settled after detection (Y; slot-level). */
  trueRevenueY: number;
  reportedRevenueY: number;
  settledRevenueY: number;
  /** The proposer reported less than it received (slot-level). */
  lied: boolean;
  /** Which detectors flagged the report (slot-level); `flagAudit` is a lie proven ex post. */
  flagPublicBids: boolean;
  flagCommittee: boolean;
  flagAudit: boolean;
  /** The detectors' lower bounds on the revenue: public bids, committee floor (Y; slot-level). */
  publicBoundY: number;
  committeeFloorY: number;
  /** Bond forfeited by a proven lie; paid above the truth when a flagged bound exceeded it (Y; slot-level). */
  slashedY: number;
  /** Of what the rollups recovered this slot, the part paid out of a forfeited bond (Y; slot-level). */
  fromBondY: number;
  overpaidY: number;
  /** Transaction fees collected this block, in gas token. */
  feesGas: number;
  bytesUsed: number;
  /** The base fee this block was charged at, gas token per byte. */
  baseFeePerByte: number;
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

export interface WorldState {
  readonly config: MarketConfig;
  refPriceYPerX: number;
  readonly rollups: RollupState[];
  readonly searchers: SearcherState[];
  readonly proposer: ProposerState;
  /** Bundles submitted this slot. */
  bundles: Bundle[];
  /** Bundles that won this slot's auctions. */
  allocated: Allocated[];
  nextGroupId: number;
  readonly builders: BuilderState[];
  /** Validator index proposing each rollup's block this slot (all equal under shared sequencing). */
  proposers: number[];
  /** Revenue per validator, Y at the reference. */
  readonly validatorRevenueY: number[];
  /** This slot's execution trace. */
  trace: TraceEntry[];
  /** Each builder's candidate block this slot (builder mode). */
  candidates: { included: Bundle[]; valueByRollupY: number[]; seen: Bundle[] }[];
  /** Counterfactual auction revenue v(S) by subset bitmask, computed this slot (revenue sharing). */
  coalitionValues: Map<number, number>;
  /** This slot's revenue shares among the members from a value-based split rule (null otherwise). */
  splitShares: number[] | null;
  /**
   * For each rollup outside the shared sequencer (governance): v(M ∪ {r}), the revenue had it been
   * in, and its share of it under a value-based rule (null: computed at settlement, or a member).
   */
  wouldBe: ({ revenueY: number; share: number | null } | null)[];
  /** Who shares the sequencer, and what each rollup's governance remembers. */
  readonly governance: GovernanceState;
  /** This slot's block auctions. */
  blocks: WinningBlock[];
  readonly stats: RollupSlotStats[];
  nextUserId: number;
}
