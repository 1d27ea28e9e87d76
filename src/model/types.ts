import type { Pool, Token } from '../market/amm/types.js';
import type { MarketConfig } from '../config/schema.js';

/** Token balances on one chain (or on the CEX). */
export interface Balances {
  X: number;
  Y: number;
}

/** A user's swap intent, as it arrives during a slot. */
export interface UserSwap {
  readonly id: number;
  readonly rollup: number;
  /** Simulated arrival time in ms since the run began. */
  readonly arrivalMs: number;
  readonly tokenIn: Token;
  readonly amountIn: number;
  /** The swap reverts if it would pay out less (slippage tolerance against the arrival quote). */
  readonly minAmountOut: number;
  /** Sent to a private channel instead of the public mempool. */
  readonly isPrivate: boolean;
}

/** One swap inside a bundle. */
export interface SwapLeg {
  readonly rollup: number;
  readonly tokenIn: Token;
  readonly amountIn: number;
  readonly minAmountOut: number;
}

/**
 * What a bundle competes for: the top of the block on one or more rollups (a multi-rollup top is
 * an atomic cross-rollup bundle), or the position right behind one user's swap (a backrun).
 */
export type BundleTarget =
  | { readonly kind: 'top'; readonly rollups: readonly number[] }
  | { readonly kind: 'backrun'; readonly rollup: number; readonly userId: number };

/** What a searcher sends for inclusion: swaps plus a bid paid in one rollup's gas token. */
export interface Bundle {
  readonly searcher: number;
  readonly kind: 'cex-dex' | 'cross-rollup' | 'backrun';
  readonly target: BundleTarget;
  /** Swaps, executed in order, all or none. Empty for a backrun: it sizes its trade on-chain. */
  readonly legs: readonly SwapLeg[];
  /** The searcher's estimate of the bundle's value, in Y at the reference price. */
  readonly valueY: number;
  /** The rollup whose gas token pays the bid. */
  readonly bidRollup: number;
  /** Bid in units of `bidRollup`'s gas token. */
  readonly bidGas: number;
  /** The same bid valued in Y at the reference price when it was made (what auctions compare). */
  readonly bidY: number;
  /** CEX-DEX arbitrageurs hedge each executed leg on the CEX at the reference price. */
  readonly hedge: boolean;
  /** Legs of one split cross-rollup opportunity share a group id (for leg-failure accounting). */
  readonly group?: number;
}

/** A bundle that won its auction, with what it pays (in `bidRollup`'s gas token). */
export interface Allocated {
  readonly bundle: Bundle;
  readonly paymentGas: number;
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
  readonly record: { wins: number; paidY: number; wonValueY: number };
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
  /** Transaction fees collected this block, in gas token. */
  feesGas: number;
  bytesUsed: number;
  /** The base fee this block was charged at, gas token per byte. */
  baseFeePerByte: number;
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
  readonly stats: RollupSlotStats[];
  nextUserId: number;
}
