import type { BusEvent } from '../engine/eventBus.js';
import type { Row } from '../engine/recorder.js';
import type { Token } from '../market/amm/types.js';
import type { RollupSlotStats } from './types.js';

/** One rollup's state and flows at the end of a slot. */
export interface RollupSlotRecord extends RollupSlotStats {
  readonly rollup: string;
  readonly gasToken: Token;
  readonly fee: number;
  readonly poolPriceYPerX: number;
  readonly reserveX: number;
  readonly reserveY: number;
  readonly proposerHoldingGas: number;
  /** Validator that proposed this rollup's block. */
  readonly proposer: string;
  /** Builder whose block won this rollup ('' without builders or when no block was sold). */
  readonly builder: string;
  /** Searchers whose bundles executed on this rollup this slot, in execution order, joined by ';'. */
  readonly winner: string;
  /** In the shared sequencer this slot (false: running its own sequencer). */
  readonly member: boolean;
}

/** Emitted on the bus by the `record` phase once per slot. */
export interface SlotEvent extends BusEvent {
  readonly type: 'slot';
  readonly timeMs: number;
  readonly refPriceYPerX: number;
  readonly rollups: readonly RollupSlotRecord[];
}

/** ln(pool / reference) in basis points (1e4 × log gap; ≈ the relative gap for small gaps). */
export function gapBps(poolPrice: number, refPrice: number): number {
  return 1e4 * Math.log(poolPrice / refPrice);
}

/**
 * True when the reference price lies inside the pool's no-arbitrage band: |ln(P/S)| ≤ −ln(1 − fee)
 * (Milionis, Moallemi & Roughgarden 2023, the band within which a CPMM is not arbitraged).
 */
export function inFeeBand(poolPrice: number, refPrice: number, fee: number): boolean {
  return Math.abs(Math.log(poolPrice / refPrice)) <= -Math.log(1 - fee) + 1e-12;
}

/**
 * The per-slot table in tidy long form: one row per (slot, rollup). Column names are the ones
 * documented in the README.
 */
export function slotRows(e: SlotEvent): Row[] {
  return e.rollups.map((r) => ({
    slot: e.slot,
    time_s: e.timeMs / 1000,
    rollup: r.rollup,
    gas_token: r.gasToken,
    ref_price: e.refPriceYPerX,
    pool_price: r.poolPriceYPerX,
    gap_bps: gapBps(r.poolPriceYPerX, e.refPriceYPerX),
    in_fee_band: inFeeBand(r.poolPriceYPerX, e.refPriceYPerX, r.fee),
    reserve_x: r.reserveX,
    reserve_y: r.reserveY,
    user_swaps: r.userCount,
    user_failed: r.userFailed,
    user_volume_y: r.userVolumeY,
    user_surplus_y: r.userSurplusY,
    arb_trades: r.arbCount,
    arb_volume_y: r.arbVolumeY,
    arb_profit_y: r.arbProfitY,
    cross_arb_legs: r.crossArbLegs,
    cross_arb_profit_y: r.crossArbProfitY,
    backruns: r.backruns,
    backrun_profit_y: r.backrunProfitY,
    leg_failures: r.legFailures,
    leg_failure_loss_y: r.legFailureLossY,
    sandwiches: r.sandwiches,
    sandwich_profit_y: r.sandwichProfitY,
    bids: r.bidCount,
    winning_bid_gas: r.winningBidGas,
    winning_bid_y: r.winningBidY,
    bid_purchase_gas: r.bidPurchaseGas,
    disposal_sold_gas: r.disposalSoldGas,
    proposer_holding_gas: r.proposerHoldingGas,
    proposer: r.proposer,
    builder: r.builder,
    winner: r.winner,
    proposer_revenue_y: r.proposerRevenueY,
    burned_y: r.burnedY,
    standalone_value_y: r.standaloneValueY,
    coalition_value_y: r.coalitionValueY,
    sharing_surplus_y: r.sharingSurplusY,
    revenue_share_y: r.revenueShareY,
    member: r.member,
    hidden_y: r.hiddenY,
    recovered_y: r.recoveredY,
    alternative_y: r.alternativeY,
    own_sequencer_cost_y: r.ownSequencerCostY,
    true_revenue_y: r.trueRevenueY,
    reported_revenue_y: r.reportedRevenueY,
    settled_revenue_y: r.settledRevenueY,
    lied: r.lied,
    flag_public_bids: r.flagPublicBids,
    flag_committee: r.flagCommittee,
    flag_audit: r.flagAudit,
    public_bound_y: r.publicBoundY,
    committee_floor_y: r.committeeFloorY,
    slashed_y: r.slashedY,
    from_bond_y: r.fromBondY,
    overpaid_y: r.overpaidY,
    base_fee_per_byte: r.baseFeePerByte,
    bytes_used: r.bytesUsed,
    fees_gas: r.feesGas,
  }));
}
