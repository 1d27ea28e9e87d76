import type { MarketConfig } from '../config/schema.js';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';
import { attachRecorder } from '../engine/recorder.js';
import { RandomStreams, type StreamsSnapshot } from '../engine/randomStreams.js';
import { runSlots } from '../engine/simulation.js';
import { buildMarketSimulation, type MarketSimulation } from './marketModel.js';
import type { SlotEvent } from './slotRecord.js';
import { SummaryAccumulator, type RunSummary, type SummaryState } from './summary.js';
import type { MarketState } from './types.js';
import { persistentState, restoreWorld } from './world.js';
import { columnsOf, tableRowsOf } from './recording.js';
import { SlotTable } from './slotTable.js';
import type { BlockSink } from '../engine/columnBlock.js';
import { configReporters, ReporterRun, type ReporterValues } from './reporters/reporterRun.js';
import type { NamedReporter } from './reporters/reporter.js';

export { columnsOf } from './recording.js';
import type { WorldState } from './types.js';

export interface MarketRunOptions {
  /** Receives each per-slot table row (one per rollup per slot) as it is produced. */
  onRow?: (row: Row) => void;
  /** Receives each slot event (for observables and progress). */
  onSlot?: (event: SlotEvent) => void;
  /**
   * Receives the per-slot table in blocks of rows stored column by column (the fast path of the
   * table writers: no row objects), whenever a block is full and on `flushTable()`.
   */
  table?: BlockSink;
  /**
   * Reporters besides the config's `output.reporters` (the library's user-defined ones): folded over
   * the same slots, their values read with {@link MarketRun.reported}, not put into the summary (and
   * not checkpointed: a run restored from a snapshot starts them afresh).
   */
  reporters?: readonly NamedReporter[];
}

/**
 * A slot that has just ended, as progress displays see it: its number only, so that following a run
 * builds no slot event ({@link SlotEvent}) per slot.
 */
export interface SlotDone {
  readonly slot: number;
}

/** Version of the snapshot's layout; a snapshot of another layout is refused. */
export const SNAPSHOT_LAYOUT = 12; // 12: bidders' windows merge in pairs past 1,000 (windows.merges); 11: bidders' windows keep only Σ value and Σ bid; 10: liquid staking (world.staking.lst); 9: restaking (reports, opted-in operators, revenue at the epoch's start); 8: stake pools and delegators (world.staking); 4: builders and searchers carry their bidding records (learners); 5: builders' block expectations; 6: blocks sold ahead, ticket ledgers, express lanes; 7: ticket redraws, open legs' heldBlocks (unwind venues)

/**
 * The model's state between two slots, as plain JSON: the persistent world (prices, pools,
 * inventories, open legs, counters, governance), every random stream's state and the summary so
 * far. What a slot decides and discards is not in it (it is not in the world either).
 */
export interface MarketSnapshot {
  layout: typeof SNAPSHOT_LAYOUT;
  nextSlot: number;
  world: MarketState;
  streams: StreamsSnapshot;
  summary: SummaryState;
  /** The named reporters' states (`output.reporters`, in order); absent when it lists none. */
  reporters?: unknown[];
}

/**
 * A market simulation that can be stepped in pieces, snapshotted between slots and restored: the
 * basis of checkpoints. A run restored from a snapshot taken after slot k and stepped on gives the
 * same rows and summary as a straight run.
 */
export class MarketRun {
  private readonly table: SlotTable | null;
  private readonly extra: ReporterRun | null;

  private constructor(
    private readonly ms: MarketSimulation,
    private readonly summary: SummaryAccumulator,
    private readonly reporters: ReporterRun | null,
    public nextSlot: number,
    opts: MarketRunOptions,
    config: MarketConfig,
  ) {
    ms.observeSlots((f) => summary.add(f));
    const table = (this.table = opts.table ? new SlotTable(config, opts.table) : null);
    // The table reads the slot's frame, as the summary does: no slot event is built for it.
    if (table) ms.observeSlots((f) => table.add(f));
    if (reporters) ms.bus.on('slot', (e) => reporters.slot(e, ms.world));
    const extra = opts.reporters?.length ? ReporterRun.start(opts.reporters, ms.world) : null;
    if (extra) ms.bus.on('slot', (e) => extra.slot(e, ms.world));
    this.extra = extra;
    if (opts.onRow) attachRecorder(ms.bus, { eventType: 'slot', toRows: tableRowsOf(config) }, opts.onRow);
    if (opts.onSlot) ms.bus.on('slot', opts.onSlot);
  }

  static start(config: MarketConfig, opts: MarketRunOptions = {}): MarketRun {
    const named = configReporters(config);
    const ms = buildMarketSimulation(config);
    const columns = columnsOf(config);
    const summary = new SummaryAccumulator(
      { refPriceYPerX: ms.world.refPriceYPerX, poolPrices: ms.world.rollups.map((r) => r.pool.reserveY / r.pool.reserveX) },
      columns,
    );
    return new MarketRun(ms, summary, named.length > 0 ? ReporterRun.start(named, ms.world) : null, 0, opts, config);
  }

  /** Continues a run from a snapshot (the config must be the one the snapshot was taken under). */
  static restore(config: MarketConfig, snap: MarketSnapshot, opts: MarketRunOptions = {}): MarketRun {
    if (snap.layout !== SNAPSHOT_LAYOUT)
      throw new UserInputError('This checkpoint was written by another version of seqsim, whose saved state has a different layout: it cannot be continued by this version. Start the run again without --resume (same config and seed) to get the same result.');
    const named = configReporters(config);
    const ms = buildMarketSimulation(config, RandomStreams.restore(config.seed, snap.streams), restoreWorld(config, snap.world));
    const reporters = named.length > 0 ? ReporterRun.restore(named, snap.reporters ?? []) : null;
    return new MarketRun(ms, SummaryAccumulator.fromState(snap.summary, columnsOf(config)), reporters, snap.nextSlot, opts, config);
  }

  /**
   * Steps slots `nextSlot` … `toSlot − 1`; with `onSlot`, one at a time, calling it after each with
   * the slot's number (the object is reused: valid during the call).
   */
  step(toSlot: number, onSlot?: (done: SlotDone) => void): void {
    if (!onSlot) {
      runSlots(this.ms.sim, this.nextSlot, toSlot);
      this.nextSlot = Math.max(this.nextSlot, toSlot);
      return;
    }
    const done = { slot: 0 };
    // nextSlot moves before the call: a checkpoint taken in `onSlot` resumes after this slot.
    runSlots(this.ms.sim, this.nextSlot, toSlot, (slot) => {
      this.nextSlot = slot + 1;
      done.slot = slot;
      onSlot(done);
    });
  }

  /** Hands the table rows recorded so far to `opts.table` (before a checkpoint or closing the table). */
  flushTable(): void {
    this.table?.flush();
  }

  snapshot(): MarketSnapshot {
    const reporters = this.reporters ? { reporters: this.reporters.state() } : {};
    return { layout: SNAPSHOT_LAYOUT, nextSlot: this.nextSlot, world: persistentState(this.ms.world), streams: this.ms.runtime.streams.snapshot(), summary: this.summary.toState(), ...reporters };
  }

  /** The run's summary so far; with named reporters (`output.reporters`), their values under `reporters`. */
  result(): RunSummary {
    const summary = this.summary.result(this.ms.world);
    return this.reporters ? { ...summary, reporters: this.reporters.values(this.ms.world) } : summary;
  }

  /** The values of the options' `reporters` now (see {@link MarketRunOptions.reporters}); empty without any. */
  reported(): ReporterValues {
    return this.extra ? this.extra.values(this.ms.world) : {};
  }

  /** The world between slots, for reporters (read only: a reporter that changes it changes the run). */
  get world(): Readonly<WorldState> {
    return this.ms.world;
  }
}
