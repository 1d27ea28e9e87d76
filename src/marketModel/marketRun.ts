import type { MarketConfig } from '../config/schema.js';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';
import { attachRecorder } from '../engine/recorder.js';
import { RandomStreams, type StreamsSnapshot } from '../engine/randomStreams.js';
import { runSlots } from '../engine/simulation.js';
import { buildMarketSimulation, type MarketSimulation } from './buildSimulation.js';
import { slotRows, type SlotEvent } from './slotRecord.js';
import { SummaryAccumulator, type RunSummary, type SummaryState } from './summary.js';
import type { WorldState } from './types.js';

export interface MarketRunOptions {
  /** Receives each per-slot table row (one per rollup per slot) as it is produced. */
  onRow?: (row: Row) => void;
  /** Receives each slot event (for observables and progress). */
  onSlot?: (event: SlotEvent) => void;
}

/**
 * The model's state between two slots, as plain JSON: what carries over from slot to slot (prices,
 * pools, inventories, open legs, counters, every random stream's state, the summary so far). What
 * a slot builds and discards (bundles, candidates, blocks, the trace, per-slot stats) is not in it.
 */
export interface MarketSnapshot {
  nextSlot: number;
  world: Pick<WorldState, 'refPriceYPerX' | 'nextUserId' | 'nextGroupId' | 'validatorRevenueY'> & {
    rollups: Pick<WorldState['rollups'][number], 'pool' | 'baseFeePerByte' | 'treasury'>[];
    searchers: Pick<WorldState['searchers'][number], 'onchain' | 'cex' | 'record' | 'openLegs'>[];
    proposerHoldings: WorldState['proposer']['holdings'];
    builders: Pick<WorldState['builders'][number], 'wins' | 'receivedY' | 'paidY'>[];
    governance: WorldState['governance'];
  };
  streams: StreamsSnapshot;
  summary: SummaryState;
}

/**
 * A market simulation that can be stepped in pieces, snapshotted between slots and restored: the
 * basis of checkpoints. A run restored from a snapshot taken after slot k and stepped on gives the
 * same rows and summary as a straight run.
 */
export class MarketRun {
  private constructor(
    private readonly ms: MarketSimulation,
    private readonly summary: SummaryAccumulator,
    public nextSlot: number,
    opts: MarketRunOptions,
  ) {
    ms.bus.on('slot', (e) => summary.add(e));
    if (opts.onRow) attachRecorder(ms.bus, { eventType: 'slot', toRows: slotRows }, opts.onRow);
    if (opts.onSlot) ms.bus.on('slot', opts.onSlot);
  }

  static start(config: MarketConfig, opts: MarketRunOptions = {}): MarketRun {
    const ms = buildMarketSimulation(config);
    const summary = new SummaryAccumulator({
      refPriceYPerX: ms.world.refPriceYPerX,
      poolPrices: ms.world.rollups.map((r) => r.pool.reserveY / r.pool.reserveX),
    });
    return new MarketRun(ms, summary, 0, opts);
  }

  /** Continues a run from a snapshot (the config must be the one the snapshot was taken under). */
  static restore(config: MarketConfig, snap: MarketSnapshot, opts: MarketRunOptions = {}): MarketRun {
    if (!snap.world.governance || !snap.summary.reporting)
      throw new UserInputError('This checkpoint was written by an older seqsim, before revenue-sharing governance and report checks: it cannot be continued by this version. Start the run again without --resume (same config and seed) to get the same result.');
    const ms = buildMarketSimulation(config, RandomStreams.restore(config.seed, snap.streams));
    const w = ms.world;
    const s = structuredClone(snap.world);
    w.refPriceYPerX = s.refPriceYPerX;
    w.nextUserId = s.nextUserId;
    w.nextGroupId = s.nextGroupId;
    s.validatorRevenueY.forEach((v, i) => (w.validatorRevenueY[i] = v));
    s.rollups.forEach((r, i) => Object.assign(w.rollups[i]!, r));
    s.searchers.forEach((x, i) => Object.assign(w.searchers[i]!, x));
    s.proposerHoldings.forEach((h, i) => Object.assign(w.proposer.holdings[i]!, h));
    s.builders.forEach((b, i) => Object.assign(w.builders[i]!, b));
    const g = w.governance;
    for (const key of ['member', 'badEpochs', 'receivedY', 'alternativeY', 'departures', 'returns'] as const) {
      const saved: readonly (number | boolean)[] = s.governance[key];
      saved.forEach((x, i) => ((g[key] as (number | boolean)[])[i] = x));
    }
    return new MarketRun(ms, SummaryAccumulator.fromState(snap.summary), snap.nextSlot, opts);
  }

  /** Steps slots `nextSlot` … `toSlot − 1`. */
  step(toSlot: number): void {
    runSlots(this.ms.sim, this.nextSlot, toSlot);
    this.nextSlot = Math.max(this.nextSlot, toSlot);
  }

  snapshot(): MarketSnapshot {
    const w = this.ms.world;
    if (this.ms.sim.queue.size > 0) throw new Error('cannot snapshot with events pending in the queue');
    return structuredClone({
      nextSlot: this.nextSlot,
      world: {
        refPriceYPerX: w.refPriceYPerX,
        nextUserId: w.nextUserId,
        nextGroupId: w.nextGroupId,
        validatorRevenueY: w.validatorRevenueY,
        rollups: w.rollups.map((r) => ({ pool: r.pool, baseFeePerByte: r.baseFeePerByte, treasury: r.treasury })),
        searchers: w.searchers.map((x) => ({ onchain: x.onchain, cex: x.cex, record: x.record, openLegs: x.openLegs })),
        proposerHoldings: w.proposer.holdings,
        builders: w.builders.map((b) => ({ wins: b.wins, receivedY: b.receivedY, paidY: b.paidY })),
        governance: w.governance,
      },
      streams: this.ms.runtime.streams.snapshot(),
      summary: this.summary.toState(),
    });
  }

  result(): RunSummary {
    return this.summary.result(this.ms.world);
  }
}
