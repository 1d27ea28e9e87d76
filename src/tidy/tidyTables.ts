import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Row } from '../engine/recorder.js';
import type { ColumnType } from '../io/formats/columns.js';
import type { TableFormat } from '../io/formats/formats.js';
import { writeTable } from '../io/formats/tableWriter.js';
import type { SweepPlan } from '../sweep/expandSweep.js';
import { flattenSummary } from '../sweep/flattenSummary.js';
import { countSums, countTotals } from './countMetrics.js';
import { agentKinds, agentMetrics, agentPrefixes, agentsOf } from './agentKinds.js';
import { axisCells, axisColumns, type AxisColumn } from './axisColumns.js';
import { dataTable, type DataTable, type OpenColumn } from './dataTable.js';

/**
 * The tidy tables of a sweep or a run (Mesa's model and agent reporters, Agents.jl's `mdf`/`adf`):
 * `runs`, one row per run, and `agents`, one row per run and agent.
 */
export interface TidyTables {
  readonly runs: DataTable;
  readonly agents: DataTable;
}

/** The file names of the tidy tables in a sweep folder (and `agents` in a run folder). */
export const tidyTableNames = ['runs', 'agents'] as const;

/** A run's identity in the tables: the cells before its metrics (run_id, cell, seed, axis columns). */
type Identity = Record<string, string | number | boolean | null>;

/** Columns of the results table that are not metrics (the results row's own and its axis columns). */
const resultOwnColumns = new Set(['run_id', 'cell', 'seed', 'status', 'error']);

/** The declared type of a metric column of the runs table (`run`) or the agents table: int64 for the registry's summed counts, else open. */
const metricType = (table: 'run' | 'agent', name: string): OpenColumn['type'] => ((table === 'agent' ? countSums : countTotals).has(name) ? 'int64' : null);

/** Metric columns in first-seen order, less those null in every row whose fields exist below them (`execution_tickets` beside `execution_tickets.capture`). */
function metricColumns(rows: readonly Row[], fixed: ReadonlySet<string>, table: 'run' | 'agent'): OpenColumn[] {
  const names = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!fixed.has(k)) names.add(k);
  const all = [...names];
  const emptyParent = (n: string) => rows.every((r) => r[n] === null || r[n] === undefined) && all.some((m) => m.startsWith(`${n}.`));
  return all.filter((n) => !emptyParent(n)).map((name) => ({ name, type: metricType(table, name) }));
}

/** A metric named like an identity column gets the prefix `metric.` (both columns exist). */
const renamer = (identity: ReadonlySet<string>) => (column: string) => (identity.has(column) ? `metric.${column}` : column);

/** One run to tabulate: its identity cells, its config (for its agents), its flattened summary or results row, status and error. */
interface RunInput {
  readonly identity: Identity;
  readonly config: Readonly<Record<string, unknown>>;
  readonly row: Readonly<Row>;
  readonly status: string;
  readonly error: string | null;
}

/** A run's rows of both tables. */
interface RunRows {
  readonly run: Row;
  readonly agents: readonly Row[];
}

/** Names of the identity columns of each table, and their renamers. */
interface Layout {
  readonly identityColumns: readonly OpenColumn[];
  readonly runIdentity: ReadonlySet<string>;
  readonly agentIdentity: ReadonlySet<string>;
  readonly skip: ReadonlySet<string>;
}

function layoutOf(identityColumns: readonly OpenColumn[], skip: ReadonlySet<string>): Layout {
  const names = identityColumns.map((c) => c.name);
  return { identityColumns, runIdentity: new Set([...names, 'status', 'error']), agentIdentity: new Set([...names, 'kind', 'agent']), skip };
}

/** One run's rows: its identity, status and run-level metrics; one row per agent when it is ok. */
function rowsOfRun(layout: Layout, input: RunInput): RunRows {
  const runRename = renamer(layout.runIdentity);
  const agentRename = renamer(layout.agentIdentity);
  const run: Row = { ...input.identity, status: input.status, error: input.error };
  if (input.status !== 'ok') return { run, agents: [] };
  const agentKeys: string[] = [];
  const reported = new Map<string, Row>();
  for (const [k, v] of Object.entries(input.row)) {
    const agentReport = agentReporterKey(k);
    if (agentReport) {
      const key = `${agentReport.kind}\u0000${agentReport.id}`;
      reported.set(key, { ...reported.get(key), [agentRename(agentReport.column)]: v });
    } else if (agentPrefixes.some((p) => k.startsWith(p))) agentKeys.push(k);
    else if (!layout.skip.has(k)) run[runRename(k)] = v;
  }
  const agents = agentsOf(input.config).map((agent) => ({
    ...input.identity,
    kind: agent.kind.kind,
    agent: agent.id,
    ...agentMetrics(input.row, agent, agentRename, agentKeys),
    ...reported.get(`${agent.kind.kind}\u0000${agent.id}`),
  }));
  return { run, agents };
}

/**
 * A named agent-level reporter's value in a flattened summary, `reporters.<name>.<kind>.<id>`
 * (summary.json's `reporters.<name>.<kind>.<id>`): the agent it belongs to and its column in the
 * agents table, `reporters.<name>`. Null for any other key (a model-level reporter's
 * `reporters.<name>` stays a column of the runs table). Names and ids hold no dots.
 */
function agentReporterKey(key: string): { kind: string; id: string; column: string } | null {
  if (!key.startsWith('reporters.')) return null;
  const parts = key.split('.');
  if (parts.length !== 4 || !agentKinds.some((k) => k.kind === parts[2])) return null;
  return { kind: parts[2]!, id: parts[3]!, column: `reporters.${parts[1]!}` };
}

/** Both tables from the runs' rows, columns in first-seen order after the identity. */
function tablesOf(layout: Layout, runs: readonly RunRows[]): TidyTables {
  const runRows = runs.map((r) => r.run);
  const agentRows = runs.flatMap((r) => r.agents);
  const runColumns: OpenColumn[] = [...layout.identityColumns, { name: 'status', type: 'string' }, { name: 'error', type: 'string' }];
  const agentColumns: OpenColumn[] = [...layout.identityColumns, { name: 'kind', type: 'string' }, { name: 'agent', type: 'string' }];
  return {
    runs: dataTable([...runColumns, ...metricColumns(runRows, layout.runIdentity, 'run')], runRows),
    agents: dataTable([...agentColumns, ...metricColumns(agentRows, layout.agentIdentity, 'agent')], agentRows),
  };
}

/** The identity columns of a sweep's tables: `run_id`, `cell`, `seed`, then every axis' columns (see {@link axisColumns}). */
export function sweepIdentityColumns(plan: SweepPlan): { columns: OpenColumn[]; axes: AxisColumn[] } {
  const axes = plan.axes.flatMap(axisColumns);
  const seedType: ColumnType = plan.seeds.every((s) => typeof s === 'number') ? 'int64' : 'string';
  return { columns: [{ name: 'run_id', type: 'string' }, { name: 'cell', type: 'int64' }, { name: 'seed', type: seedType }, ...axes], axes };
}

/**
 * A builder of a sweep's tidy tables from its results rows (rows of `results.<format>`, i.e. each
 * run's flattened summary with `run_id`, `status` and `error`; any order): one `runs` row per run of
 * the plan that has a results row, in (cell, seed) order, and one `agents` row per agent of each run
 * whose status is `ok` (a failed run has no agent rows). It remembers each results row object's
 * rows, so that a sweep rebuilding its tables after every few runs does the work of each run once.
 */
export function sweepTidyBuilder(plan: SweepPlan): (results: readonly Readonly<Row>[]) => TidyTables {
  const { columns, axes } = sweepIdentityColumns(plan);
  const layout = layoutOf(columns, new Set([...resultOwnColumns, ...plan.axes.map((a) => a.path.join('.'))]));
  const cellsOf = plan.cells.map((c) => axisCells(axes, c.params));
  const done = new WeakMap<Readonly<Row>, RunRows>();
  const rowsOf = (run: SweepPlan['runs'][number], row: Readonly<Row>): RunRows => {
    const seed = columns[2]!.type === 'string' ? String(run.seed) : run.seed;
    const identity: Identity = { run_id: run.runId, cell: run.cell, seed, ...cellsOf[run.cell] };
    const status = typeof row.status === 'string' ? row.status : 'ok';
    return rowsOfRun(layout, { identity, config: run.config, row, status, error: typeof row.error === 'string' ? row.error : null });
  };
  return (results) => {
    const byId = new Map(results.map((r) => [r.run_id, r]));
    const runs = plan.runs.flatMap((run): RunRows[] => {
      const row = byId.get(run.runId);
      if (!row) return [];
      let rows = done.get(row);
      if (!rows) done.set(row, (rows = rowsOf(run, row)));
      return [rows];
    });
    return tablesOf(layout, runs);
  };
}

/** The tidy tables of a sweep from its results rows (see {@link sweepTidyBuilder}). Pure: same plan and rows, same tables. */
export function sweepTidyTables(plan: SweepPlan, results: readonly Readonly<Row>[]): TidyTables {
  return sweepTidyBuilder(plan)(results);
}

/** Values of user-defined reporters: columns added to the run's row and to each agent's row. */
export interface ReportedValues {
  readonly run: Row;
  readonly agent: (kind: string, id: string) => Row;
}

/** A run's id as a sweep computes it: the first 12 hex digits of the SHA-256 of the resolved config. */
export function runIdOf(config: unknown): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 12);
}

/**
 * The tidy tables of one run (`seqsim run`, `runSimulation`): a one-row `runs` table and its
 * `agents` table, identified by `run_id` (as a sweep would name the run) and `seed`.
 */
export function runTidyTables(config: { readonly seed: number | string }, summary: unknown, reported?: ReportedValues): TidyTables {
  const identity: Identity = { run_id: runIdOf(config), seed: config.seed };
  const columns: OpenColumn[] = [{ name: 'run_id', type: 'string' }, { name: 'seed', type: typeof config.seed === 'number' ? 'int64' : 'string' }];
  const layout = layoutOf(columns, new Set());
  const rows = rowsOfRun(layout, { identity, config, row: flattenSummary(summary), status: 'ok', error: null });
  if (!reported) return tablesOf(layout, [rows]);
  const run = { ...rows.run, ...reported.run };
  const agents = rows.agents.map((a) => ({ ...a, ...reported.agent(String(a.kind), String(a.agent)) }));
  return tablesOf(layout, [{ run, agents }]);
}

/**
 * Writes `runs.<format>` and `agents.<format>` into `dir` (each atomically: a reader sees the previous
 * version or the new one). Returns the paths written.
 */
export function writeTidyTables(dir: string, format: TableFormat, tables: Partial<TidyTables>): string[] {
  const paths: string[] = [];
  for (const name of tidyTableNames) {
    const table = tables[name];
    if (!table) continue;
    const path = join(dir, `${name}.${format}`);
    writeTable(path, format, table.schema, table.rows);
    paths.push(path);
  }
  return paths;
}

/** Writes a run folder's `agents.<format>`: one row per agent of the run (see {@link runTidyTables}). */
export function writeRunAgentsTable(dir: string, format: TableFormat, config: { readonly seed: number | string }, summary: unknown): string {
  return writeTidyTables(dir, format, { agents: runTidyTables(config, summary).agents })[0]!;
}
