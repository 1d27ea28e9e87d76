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

/** What a searcher sends for inclusion: swaps plus a bid paid in the rollup's gas token. */
export interface Bundle {
  readonly searcher: number;
  readonly kind: 'cex-dex';
  readonly rollup: number;
  readonly legs: readonly SwapLeg[];
  /** The searcher's estimate of the bundle's value, in Y at the reference price. */
  readonly valueY: number;
  /** Bid in units of the rollup's gas token. */
  readonly bidGas: number;
}

export interface RollupState {
  readonly id: string;
  readonly index: number;
  readonly gasToken: Token;
  pool: Pool;
  /** User swaps waiting for the next block, in arrival order. */
  pending: UserSwap[];
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
}

export interface WorldState {
  readonly config: MarketConfig;
  refPriceYPerX: number;
  readonly rollups: RollupState[];
  readonly searchers: SearcherState[];
  readonly proposer: ProposerState;
  /** Bundles submitted this slot, per rollup. */
  bundles: Bundle[][];
  /** Winning bundle per rollup this slot (or null). */
  winners: (Bundle | null)[];
  readonly stats: RollupSlotStats[];
  nextUserId: number;
}
