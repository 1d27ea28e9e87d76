/**
 * seqsim as a library: resolve a config, run a market simulation, or watch it slot by slot.
 *
 * ```ts
 * import { resolveMarketConfig, runSimulation, runSweep, simulate$ } from 'seqsim';
 * const config = resolveMarketConfig({ rollups: [...], searchers: [...] });
 * const summary = runSimulation(config);
 * simulate$(config).subscribe((slot) => console.log(slot.refPriceYPerX));
 * ```
 */
import { Observable } from 'rxjs';
import type { MarketConfig } from './config/schema.js';
import type { Row } from './engine/recorder.js';
import { runMarket } from './marketModel/runMarket.js';
import type { SlotEvent } from './marketModel/slotRecord.js';
import type { RunSummary } from './marketModel/summary.js';
import { runTidyTables, type TidyTables } from './tidy/index.js';

export { resolveConfig, resolveMarketConfig, loadConfig, configJsonSchema } from './config/loadConfig.js';
export { UserInputError } from './config/errors.js';
export type { MarketConfig, MarketConfigInput } from './config/schema.js';
export type { SlotEvent, RollupSlotRecord } from './marketModel/slotRecord.js';
export { slotRows, slotColumns } from './marketModel/columns.js';
export type { RunSummary, RollupSummary } from './marketModel/summary.js';
export { runBiddingWar } from './biddingWar/runBiddingWar.js';
export { validateMechanisms, formatValidationTable } from './validation/index.js';
export { getMechanism, mechanismNames } from './market/mechanisms/registry.js';
export { runSweep, expandSweep, loadSweepFile, flattenSummary } from './sweep/index.js';
export type { SweepOptions, SweepResult, SweepPlan } from './sweep/index.js';
export { sweepTidyTables, runTidyTables, writeTidyTables, axisLabel, agentKinds } from './tidy/index.js';
export type { TidyTables, DataTable, ColumnArray } from './tidy/index.js';

/** Result of {@link runSimulation}: the summary, its tidy tables and, if asked for, the per-slot table rows. */
export interface SimulationResult {
  readonly summary: RunSummary;
  /** One row per (slot, rollup), as in `slots.csv`; empty unless `keepRows` was set. */
  readonly rows: Row[];
  /**
   * `runs` (one row: run_id, seed, the run-level metrics) and `agents` (one row per rollup, builder,
   * searcher and validator: kind, agent, its metrics; as `agents.csv` of a run folder), each as row
   * objects and as Arrow-compatible column arrays.
   */
  readonly tables: TidyTables;
}

/**
 * Runs a resolved market config for `config.slots` slots. Deterministic: the same config and seed
 * give the same result. `keepRows` keeps the per-slot table in memory (mind long runs).
 */
export function runSimulation(config: MarketConfig, opts: { keepRows?: boolean } = {}): SimulationResult {
  const rows: Row[] = [];
  const summary = runMarket(config, opts.keepRows ? { onRow: (r) => void rows.push(r) } : {});
  return { summary, rows, tables: runTidyTables(config, summary) };
}

/**
 * The simulation as an rxjs Observable of slot records: each subscription runs the model afresh,
 * synchronously, emitting one {@link SlotEvent} per slot and completing at the end.
 */
export function simulate$(config: MarketConfig): Observable<SlotEvent> {
  return new Observable<SlotEvent>((subscriber) => {
    runMarket(config, { onSlot: (e) => subscriber.next(e) });
    subscriber.complete();
  });
}
