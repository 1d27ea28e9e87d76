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
import { MarketRun } from './marketModel/marketRun.js';
import type { WorldState } from './marketModel/types.js';
import type { CellValue } from './io/formats/columns.js';
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
export { runSweep, expandSweep, loadSweepFile, flattenSummary, mergeShards, shardOf } from './sweep/index.js';
export type { SweepOptions, SweepResult, SweepPlan, MergeOptions, MergeResult, ShardSpec } from './sweep/index.js';
export { sweepTidyTables, runTidyTables, writeTidyTables, axisLabel, agentKinds } from './tidy/index.js';
export type { TidyTables, DataTable, ColumnArray } from './tidy/index.js';
export type { WorldState } from './marketModel/types.js';

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
 * User-defined reporters (Mesa's model and agent reporters): functions of the world at the end of the
 * run whose values become columns of the tidy tables, `model` ones of the `runs` row and `agent` ones
 * of every `agents` row (`null` where a reporter has nothing to say about an agent). They must only
 * read the world: the world is the run's own.
 */
export interface Reporters {
  readonly model?: Readonly<Record<string, (world: Readonly<WorldState>) => CellValue>>;
  readonly agent?: Readonly<Record<string, (world: Readonly<WorldState>, agent: { readonly kind: string; readonly id: string }) => CellValue>>;
}

/**
 * Runs a resolved market config for `config.slots` slots. Deterministic: the same config and seed
 * give the same result. `keepRows` keeps the per-slot table in memory (mind long runs); `reporters`
 * add columns of one's own to the tidy tables.
 */
export function runSimulation(config: MarketConfig, opts: { keepRows?: boolean; reporters?: Reporters } = {}): SimulationResult {
  const rows: Row[] = [];
  const run = MarketRun.start(config, opts.keepRows ? { onRow: (r) => void rows.push(r) } : {});
  run.step(config.slots);
  const summary = run.result();
  const { model = {}, agent = {} } = opts.reporters ?? {};
  const reported = opts.reporters && {
    run: Object.fromEntries(Object.entries(model).map(([name, f]) => [name, f(run.world)])),
    agent: (kind: string, id: string) => Object.fromEntries(Object.entries(agent).map(([name, f]) => [name, f(run.world, { kind, id })])),
  };
  return { summary, rows, tables: runTidyTables(config, summary, reported) };
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
