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
import type { ReportedValues } from './tidy/tidyTables.js';
import { reporterAgentKinds, type NamedReporter, type ReporterAgent } from './marketModel/reporters/reporter.js';
import type { ReporterValues } from './marketModel/reporters/reporterRun.js';

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
export { namedReporters, reporterNames, getReporter } from './marketModel/reporters/namedReporters.js';
export { defineReporter } from './marketModel/reporters/reporter.js';
export type { NamedReporter, ModelReporter, AgentReporter, ReporterAgent, ReportedValue } from './marketModel/reporters/reporter.js';
export type { ReporterValues } from './marketModel/reporters/reporterRun.js';

/** Result of {@link runSimulation}: the summary, its tidy tables and, if asked for, the per-slot table rows. */
export interface SimulationResult {
  readonly summary: RunSummary;
  /** One row per (slot, rollup), as in `slots.csv`; empty unless `keepRows` was set. */
  readonly rows: Row[];
  /**
   * `runs` (one row: run_id, seed, the run-level metrics) and `agents` (one row per rollup, builder,
   * searcher and validator: kind, agent, its metrics; as `agents.csv` of a run folder), each as row
   * objects and as Arrow-compatible column arrays. Made on first read, from the run as it ran (a
   * copy of the config and of the summary): editing either first does not change them.
   */
  readonly tables: TidyTables;
}

/** A model-level reporter of one's own: a function of the world at the end of the run, or a reporter folding the slots (as the named ones do). */
export type ModelReporterInput = ((world: Readonly<WorldState>) => CellValue) | NamedReporter;
/** An agent-level reporter of one's own: a function of the world and one agent at the end of the run, or a reporter folding the slots. */
export type AgentReporterInput = ((world: Readonly<WorldState>, agent: ReporterAgent) => CellValue) | NamedReporter;

/**
 * User-defined reporters (Mesa's model and agent reporters): functions of the world at the end of the
 * run whose values become columns of the tidy tables, `model` ones of the `runs` row and `agent` ones
 * of every `agents` row (`null` where a reporter has nothing to say about an agent). A reporter may
 * also be an object like the named ones (`namedReporters`: `init` a state, fold each slot's event
 * into it with `slot`, `value` at the end; an agent one for its `kinds`); they run through the same
 * machinery as `output.reporters`. They must only read the world: the world is the run's own.
 */
export interface Reporters {
  readonly model?: Readonly<Record<string, ModelReporterInput>>;
  readonly agent?: Readonly<Record<string, AgentReporterInput>>;
}

/** The library's reporters as registry-shaped reporters named by their keys (a function: a reporter without state). */
function asNamedReporters(reporters: Reporters): NamedReporter[] {
  const model = Object.entries(reporters.model ?? {}).map(([name, r]): NamedReporter =>
    typeof r === 'function' ? { name, level: 'model', unit: '', meaning: '', value: (_s, world) => r(world) } : { ...r, name },
  );
  const agent = Object.entries(reporters.agent ?? {}).map(([name, r]): NamedReporter =>
    typeof r === 'function' ? { name, level: 'agent', kinds: reporterAgentKinds, unit: '', meaning: '', value: (_s, world, a) => r(world, a) } : { ...r, name },
  );
  return [...model, ...agent];
}

/** Reported values as the tidy tables take them: the run's, and one agent's (`null` where a reporter has none). */
function reportedFor(values: ReporterValues, reporters: readonly NamedReporter[]): ReportedValues {
  const level = (l: NamedReporter['level']) => reporters.filter((r) => r.level === l).map((r) => r.name);
  const byAgent = (name: string) => values[name] as Record<string, Record<string, CellValue>>;
  return {
    run: Object.fromEntries(level('model').map((name) => [name, values[name] as CellValue])),
    agent: (kind, id) => Object.fromEntries(level('agent').map((name) => [name, byAgent(name)[kind]?.[id] ?? null])),
  };
}

/**
 * Runs a resolved market config for `config.slots` slots. Deterministic: the same config and seed
 * give the same result. `keepRows` keeps the per-slot table in memory (mind long runs); `reporters`
 * add columns of one's own to the tidy tables (the config's `output.reporters` add theirs too, and
 * are in the summary).
 */
export function runSimulation(config: MarketConfig, opts: { keepRows?: boolean; reporters?: Reporters } = {}): SimulationResult {
  const rows: Row[] = [];
  const reporters = opts.reporters ? asNamedReporters(opts.reporters) : [];
  const run = MarketRun.start(config, { ...(opts.keepRows ? { onRow: (r: Row) => void rows.push(r) } : {}), reporters });
  run.step(config.slots);
  const summary = run.result();
  const reported = opts.reporters && reportedFor(run.reported(), reporters);
  // The tables are made on first read: a run's runs row has a column per summary field (one per
  // field of every staking epoch), costly to build for a caller who reads only the summary. They are
  // made from a copy of the config (plain JSON, as the run id hashes it) and a second summary from
  // the run's tallies (taken now, so the result does not keep the run alive), so a caller who edits
  // `config` or `summary` first still gets this run's tables.
  const configAsRun = JSON.parse(JSON.stringify(config)) as MarketConfig;
  const summaryAsRun = run.result();
  let tables: TidyTables | undefined;
  return {
    summary,
    rows,
    get tables() {
      return (tables ??= runTidyTables(configAsRun, summaryAsRun, reported));
    },
  };
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
