import type { Token } from '../amm/types.js';

/*
 * The orders that flow through a market, shared by the agents that make them and the models that
 * execute them: users' swaps, searchers' bundles, what a bundle competes for, and what it won.
 */

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
  /**
   * Sent through the order-flow auction's channel (only under `order-flow-auction`; never a private
   * swap): visible to backrunners only, and the right to backrun it is sold by the OFA.
   */
  readonly viaOfa?: boolean;
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
  | { readonly kind: 'backrun'; readonly rollup: number; readonly userId: number }
  | { readonly kind: 'sandwich'; readonly rollup: number; readonly userId: number };

/** What a searcher sends for inclusion: swaps plus a bid paid in one rollup's gas token. */
export interface Bundle {
  readonly searcher: number;
  /** The kind of searcher that made it (its registry name: `cex-dex`, `cross-rollup`, …). */
  readonly kind: string;
  readonly target: BundleTarget;
  /**
   * Swaps, executed in order, all or none. Empty for a backrun (it sizes its trade on-chain); a
   * sandwich's single leg is its front-run (the back-run sells whatever the front-run bought).
   */
  readonly legs: readonly SwapLeg[];
  /** The searcher's estimate of the bundle's value, in Y at the reference price. */
  readonly valueY: number;
  /** The rollup whose gas token pays the bid. */
  readonly bidRollup: number;
  /** Bid in units of `bidRollup`'s gas token. */
  readonly bidGas: number;
  /** The same bid valued in Y at the reference price when it was made (what auctions compare). */
  readonly bidY: number;
  /**
   * Only for an atomic bundle paid on both legs (`payOn: "both"`): the second rollup and the share
   * s ∈ (0, 1) of the payment's value (at the reference price) paid in its gas token; the rest,
   * 1 − s, is paid on `bidRollup`. `bidGas` and `bidY` stay the whole bid (bidShares.ts).
   */
  readonly bidSplit?: { readonly rollup: number; readonly share: number };
  /** CEX-DEX arbitrageurs hedge each executed leg on the CEX at the reference price. */
  readonly hedge: boolean;
  /** Legs of one split cross-rollup opportunity share a group id (for leg-failure accounting). */
  readonly group?: number;
  /** When the bundle reaches the builder or sequencer, ms (its opportunity's time, the slot start or its target's arrival, + the searcher's latency, drawn per bundle when it has `latencyJitter`). */
  readonly arrivalMs: number;
  /** Index of the bid decision it carries among the slot's (the legs of a split opportunity share one). */
  readonly decision?: number;
}

/** A bundle that won its auction, with what it pays (in `bidRollup`'s gas token; split by `bidSplit` when set). */
export interface Allocated {
  readonly bundle: Bundle;
  readonly paymentGas: number;
  /**
   * Set when the proposer built it into the block itself, outside the auction (a partial-block
   * auction's local part, by `greedy` or `fcfs`): it pays the proposer directly. Absent for what
   * the auction sold (and for bundles on rollups ordered by arrival, carried unsold).
   */
  readonly localBuild?: 'greedy' | 'fcfs';
  /**
   * Who is paid, when not the block's seller (builder or proposer): `rollup`, the treasury of the
   * rollup whose gas token it pays in (a priority fee); `ofa`, the order-flow auction (its rebate to
   * the user whose swap was sold, the rest to the proposer).
   */
  readonly payee?: 'rollup' | 'ofa';
}
