import { initialCapitalY } from './capital.js';
import { timingOf } from './aheadOfTime.js';
import { concentration } from '../market/metrics/concentration.js';
import { gapBps, inFeeBand } from '../market/metrics/priceGap.js';
import { aggregatesOf, compileIndexedSum, sumLayout, sumsFrom, sumsObject, zeroAggregates, type Aggregates, type IndexedSum, type SumLayout } from './rollupSums.js';
import { summedColumnsOf, tableColumns, type ColumnSource, type ColumnSpec, type RollupSums, type SummedColumn } from './columns.js';
import { recordedUserSurplusY, type SlotFrame } from './slotRecord.js';
import { spotPrice } from '../market/amm/index.js';
import type { WorldState } from './types.js';
import { addReport, emptyTally, reportingSummary, type ReportingTally } from './reportingSummary.js';
import type { ConservationSummary, RollupSummary, RunSummary, TokenConservation, TotalledSums } from './summaryTypes.js';
import { ticketMechanism } from './tickets.js';
import { bidderEntry } from './bidderEntry.js';
import { stakingSummary } from './stakingSummary.js';
import { restakingSummary } from './restakingSummary.js';
import { ticketSummary } from './ticketSummary.js';
import { ratioOrNull } from './ratioOrNull.js';
import { holdingsOf, supplyOf } from './conservation.js';

/** Per rollup: the summed columns (named as in summary.json) and the aggregates: a checkpoint's form. */
type Sums = RollupSums & Aggregates;

/** How selling blocks ahead of time fared against selling them in the slot (null: the mechanism sells in the slot). */
function aheadOfTimeSummary(world: WorldState, total: (k: string) => number): RunSummary['ahead_of_time'] {
  const lead = timingOf(world).leadSlots;
  if (lead === 0 || world.builders.length === 0) return null;
  const best = total('best_block_value_y');
  return {
    lead_slots: lead,
    oracle_accuracy: ratioOrNull(total('ahead_price_y'), best),
    just_in_time_oracle_accuracy: ratioOrNull(total('just_in_time_price_y'), best),
  };
}

/** Everything a summary accumulator holds, as plain JSON (for checkpoints). */
export interface SummaryState {
  reporting?: ReportingTally;
  coalition: { value: number; surplus: number; positive: number };
  slots: number;
  lastTimeMs: number;
  lastRef: number | null;
  sums: Sums[];
  initialWorld: { refPriceYPerX: number; poolPrices: number[] };
}

/**
 * Accumulates `slot` events into a run summary. It only reads events (a recorder): the model never
 * sees it.
 */
export class SummaryAccumulator {
  private slots = 0;
  private lastTimeMs = 0;
  private lastRef = Number.NaN;
  /** Per rollup: the summed columns by `layout` index, and the aggregates. */
  private sums: Float64Array[];
  private aggregates: Aggregates[];
  private coalition = { value: 0, surplus: 0, positive: 0 };
  private reporting = emptyTally();

  /** The accumulator's state, for a checkpoint. */
  toState(): SummaryState {
    return { reporting: structuredClone(this.reporting), coalition: { ...this.coalition }, slots: this.slots, lastTimeMs: this.lastTimeMs, lastRef: Number.isNaN(this.lastRef) ? null : this.lastRef, sums: this.sums.map((_, i) => this.sumsOf(i)), initialWorld: this.initialWorld };
  }

  /** An accumulator continuing from a checkpointed state. */
  static fromState(state: SummaryState, columns?: readonly ColumnSpec[]): SummaryAccumulator {
    const acc = new SummaryAccumulator(state.initialWorld, columns);
    acc.slots = state.slots;
    acc.lastTimeMs = state.lastTimeMs;
    acc.lastRef = state.lastRef ?? Number.NaN;
    acc.sums = state.sums.map((s) => sumsFrom(acc.layout, s as unknown as Record<string, number>));
    acc.aggregates = state.sums.map(aggregatesOf);
    acc.coalition = { ...state.coalition };
    acc.reporting = state.reporting ? structuredClone(state.reporting) : emptyTally();
    return acc;
  }

  private readonly summed: readonly SummedColumn[];
  private readonly layout: SumLayout;
  /** Add a step tally's summed fields into a rollup's sums (generated from the registry), one per step. */
  private readonly addExecute: IndexedSum;
  private readonly addAuction: IndexedSum;
  private readonly addSettle: IndexedSum;
  private readonly addCounterfactual: IndexedSum;
  private readonly addShare: IndexedSum;
  /** The index of `user_surplus_y` when summed (the execute tally's field plus settlement's rebates: `recordedUserSurplusY`), else −1. */
  private readonly surplusAt: number;

  /** `columns`: the run's table columns (`tableColumns`), whose summed ones go into the summary. */
  constructor(private readonly initialWorld: { refPriceYPerX: number; poolPrices: number[] }, columns?: readonly ColumnSpec[]) {
    const summed = summedColumnsOf(columns ?? tableColumns());
    this.summed = summed;
    const layout = (this.layout = sumLayout(summed));
    const of = (source: ColumnSource): IndexedSum => compileIndexedSum(layout, summed.filter((c) => c.source === source && c.field !== 'userSurplusY'));
    this.addExecute = of('execute');
    this.addAuction = of('auction');
    this.addSettle = of('settle');
    this.addCounterfactual = of('counterfactual');
    this.addShare = of('share');
    const surplus = summed.find((c) => c.field === 'userSurplusY');
    this.surplusAt = surplus ? layout.indexOf.get(surplus.name)! : -1;
    if (summed.some((c) => c.source === 'state')) throw new Error('a state column cannot be summed into summary.json');
    this.sums = initialWorld.poolPrices.map(() => new Float64Array(layout.names.length));
    this.aggregates = initialWorld.poolPrices.map(zeroAggregates);
  }

  /** Rollup i's sums and aggregates as one object, the sums first in the registry's order (summary.json's and a checkpoint's form). */
  private sumsOf(i: number): Sums {
    return Object.assign(sumsObject(this.layout, this.sums[i]!) as RollupSums, aggregatesOf(this.aggregates[i]!));
  }

  /**
   * Folds one slot in, read from the world after it and its steps' tallies: the same values its
   * {@link SlotEvent} holds (slotRecord.ts), without building one.
   */
  add(f: SlotFrame): void {
    const { world, out } = f;
    const ref = world.refPriceYPerX;
    this.slots++;
    this.lastTimeMs = f.endMs;
    this.lastRef = ref;
    const first = out.counterfactual.tally[0];
    if (first) {
      this.coalition.value += first.coalitionValueY;
      this.coalition.surplus += first.sharingSurplusY;
      // Float noise of a zero surplus (v(N) and Σ v({r}) summed in different orders) is not a gain.
      if (first.sharingSurplusY > 1e-9 * Math.max(1, first.coalitionValueY)) this.coalition.positive++;
    }
    const member = world.governance.member;
    for (let i = 0; i < world.rollups.length; i++) {
      const r = world.rollups[i]!;
      const sums = this.sums[i]!;
      const s = this.aggregates[i]!;
      const ex = out.execution.tally[i]!;
      const se = out.settlement[i]!;
      this.addExecute(sums, ex);
      this.addAuction(sums, out.auction.tally[i]!);
      this.addSettle(sums, se);
      this.addCounterfactual(sums, out.counterfactual.tally[i]!);
      this.addShare(sums, out.share[i]!);
      if (this.surplusAt >= 0) sums[this.surplusAt]! += recordedUserSurplusY(ex, se);
      const price = spotPrice(r.pool);
      s.absGapSum += Math.abs(gapBps(price, ref));
      if (inFeeBand(price, ref, r.pool.fee)) s.inBand++;
      if (member[i]) s.memberSlots++;
      const drift = f.drifts[i]!;
      s.maxDriftX = Math.max(s.maxDriftX, Math.abs(drift.X));
      s.maxDriftY = Math.max(s.maxDriftY, Math.abs(drift.Y));
    }
    addReport(this.reporting, out.share, member);
  }

  /** The summary, given the world at the end of the run (for final prices and PnL). */
  result(world: WorldState): RunSummary {
    const p = world.refPriceYPerX;
    const valueY = (b: { X: number; Y: number }) => b.X * p + b.Y;
    const rollups: RollupSummary[] = world.rollups.map((r, i) => {
      const { absGapSum, inBand, memberSlots, maxDriftX: _x, maxDriftY: _y, ...sums } = this.sumsOf(i);
      const mev = sums.arb_profit_y + sums.backrun_profit_y + sums.cross_arb_profit_y + sums.sandwich_profit_y;
      return {
        rollup: r.id,
        gas_token: r.gasToken,
        ...sums,
        mev_extracted_y: mev,
        initial_pool_price: this.initialWorld.poolPrices[i]!,
        final_pool_price: r.pool.reserveY / r.pool.reserveX,
        mean_abs_gap_bps: this.slots ? absGapSum / this.slots : 0,
        share_slots_in_fee_band: this.slots ? inBand / this.slots : 0,
        lost_y: sums.hidden_y - sums.recovered_y,
        member_share: this.slots ? memberSlots / this.slots : 0,
        departures: world.governance.departures[i]!,
        returns: world.governance.returns[i]!,
        express_lane_controller_share: r.expressLane ? ratioOrNull(sums.controller_profit_y, mev) : null,
        express_lane_revenue_per_round_y: r.expressLane ? ratioOrNull(sums.express_lane_revenue_y, sums.express_lane_auctions) : null,
      };
    });
    const wins = world.searchers.reduce((a, s) => a + s.record.wins, 0);
    const paid = world.searchers.reduce((a, s) => a + s.record.paidY, 0);
    const wonValue = world.searchers.reduce((a, s) => a + s.record.wonValueY, 0);
    const searcherConfig = (s: WorldState['searchers'][number]) => world.config.searchers[s.index]!;
    // Net of the capital it started with (capital.ts), valued at the final reference price.
    const pnl = (s: WorldState['searchers'][number]) => s.onchain.reduce((a, b) => a + valueY(b), 0) + valueY(s.cex) - initialCapitalY(searcherConfig(s), p);
    const effectiveBundling = (s: WorldState['searchers'][number]) => {
      const c = searcherConfig(s);
      return c.kind === 'cross-rollup' ? (world.config.sequencing.mode === 'separate' ? 'split' : c.bundling) : null;
    };
    const crossPnl = (b: 'atomic' | 'split') => world.searchers.filter((s) => effectiveBundling(s) === b).reduce((a, s) => a + pnl(s), 0);
    const blocks = world.builders.reduce((a, b) => a + b.wins, 0);
    const blockValue = world.builders.reduce((a, b) => a + b.receivedY, 0);
    const total = (k: string) => rollups.reduce((a, r) => a + (r[k as keyof RollupSummary] as number), 0);
    return {
      slots: this.slots,
      simulated_seconds: this.lastTimeMs / 1000,
      initial_ref_price: this.initialWorld.refPriceYPerX,
      final_ref_price: Number.isNaN(this.lastRef) ? this.initialWorld.refPriceYPerX : this.lastRef,
      totals: {
        ...(Object.fromEntries(this.summed.filter((c) => c.total).map((c) => [c.name, total(c.name)])) as TotalledSums),
        mev_extracted_y: rollups.reduce((a, r) => a + r.mev_extracted_y, 0),
        proposer_value_y: world.proposer.holdings.reduce((a, b) => a + valueY(b), 0),
        rollup_fees_value_y: world.rollups.reduce((a, r) => a + valueY(r.treasury), 0),
        coalition_value_y: this.coalition.value,
        sharing_surplus_y: this.coalition.surplus,
        share_slots_surplus_positive: this.slots ? this.coalition.positive / this.slots : 0,
        cross_atomic_pnl_y: crossPnl('atomic'),
        cross_split_pnl_y: crossPnl('split'),
      },
      concentration: concentration(world.searchers.map((s) => s.record.wins)),
      builders: world.builders.map((b) => ({
        builder: b.id,
        wins: b.wins,
        win_share: blocks > 0 ? b.wins / blocks : 0,
        received_y: b.receivedY,
        paid_y: b.paidY,
        resale_net_y: b.resaleY,
        profit_y: b.receivedY - b.paidY + b.resaleY,
      })),
      builder_concentration: concentration(world.builders.map((b) => b.wins)),
      execution_tickets: ticketSummary(world),
      block_oracle_accuracy: ratioOrNull(world.builders.reduce((a, b) => a + b.paidY, 0), blockValue),
      block_efficiency: ratioOrNull(total('won_block_value_y'), total('best_block_value_y')),
      ahead_of_time: aheadOfTimeSummary(world, total),
      restaking: restakingSummary(world),
      validators: world.config.validators.map((v, i) => ({ validator: v.id, stake: v.stake, revenue_y: world.validatorRevenueY[i]! })),
      mev_oracle_accuracy: ratioOrNull(paid, wonValue),
      reporting: reportingSummary(this.reporting, {
        public_bids: world.config.revenueSharing.reporting.detection.publicBids?.enabled === true,
        committee: world.config.revenueSharing.reporting.detection.committee?.enabled === true,
        audit: world.config.revenueSharing.reporting.detection.stakeBound?.enabled === true,
      }),
      rollups,
      searchers: world.searchers.map((s) => ({
        searcher: s.id,
        kind: searcherConfig(s).kind,
        pnl_y: pnl(s),
        leg_failure_loss_y: s.record.legFailureLossY,
        wins: s.record.wins,
        win_share: wins > 0 ? s.record.wins / wins : 0,
        paid_y: s.record.paidY,
      })),
      bidders: [
        // Ticket purchases have no counterfactual payoff (learn.ts, `ticketBuyerLearns`): no regret.
        ...world.builders.map((b) => bidderEntry(b.id, 'builder', world.config.builders[b.index]!.strategy.name, b.bidding, ticketMechanism(world) ? { ...world.config.bidding, regret: false } : world.config.bidding)),
        ...world.searchers.map((s) => bidderEntry(s.id, 'searcher', world.config.searchers[s.index]!.strategy.name, s.bidding, world.config.bidding, world.config.searchers[s.index]!.choices)),
      ],
      conservation: this.conservation(world),
      ...(world.staking ? { staking: stakingSummary(world) } : {}),
    };
  }

  /** Token conservation at the end of the run: every holder's balance per rollup and token, and the drift. */
  private conservation(world: WorldState): ConservationSummary {
    let maxRelative = 0;
    const rollups = world.rollups.map((r, i) => {
      const holdings = holdingsOf(world, i);
      const token = (t: 'X' | 'Y', maxAbsDrift: number): TokenConservation => {
        const initial = r.initialSupply[t];
        const final = supplyOf(world, i, t);
        const drift = final - initial;
        const maxAbs = Math.max(maxAbsDrift, Math.abs(drift));
        maxRelative = Math.max(maxRelative, maxAbs / Math.abs(initial));
        return { initial_total: initial, final_total: final, drift, max_abs_drift: maxAbs, holders: holdings.map((h) => ({ holder: h.holder, balance: h.balances[t] })) };
      };
      const s = this.aggregates[i]!;
      return { rollup: r.id, x: token('X', s.maxDriftX), y: token('Y', s.maxDriftY) };
    });
    return { max_relative_drift: maxRelative, rollups };
  }
}
export type { DetectorSummary, ReportingSummary } from './reportingSummary.js';
export type { RollupSummary, RunSummary } from './summaryTypes.js';
