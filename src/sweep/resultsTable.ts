import type { Row } from '../engine/recorder.js';
import { cellValue, typeOfValue, type Column, type ColumnType } from '../io/formats/columns.js';
import type { SweepPlan, SweepRun } from './expandSweep.js';
import { flattenSummary } from './flattenSummary.js';
import { pathName } from './paths.js';
import { isCountMetric } from '../tidy/countMetrics.js';

/**
 * A results column. `type` null: the probe runs left it null everywhere (e.g. a ratio that is
 * null until something happens), so its type is taken from the rows when the table is written.
 */
export interface ResultColumn {
  readonly name: string;
  readonly type: ColumnType | null;
}

/**
 * An axis column's type, fixed by the sweep file (never by results): numbers are `double`,
 * booleans `bool`, texts `string`; mixed values and objects are written as text.
 */
function axisType(values: readonly unknown[]): ColumnType {
  const types = new Set(values.map((v) => (v !== null && typeof v === 'object' ? 'object' : typeOfValue(v))));
  return types.size === 1 && !types.has('object') && !types.has(null) ? ([...types][0] as ColumnType) : 'string';
}

/** How an axis value appears in its column: as is when the column's type fits, else as text (JSON for objects). */
function axisCell(type: ColumnType, v: unknown): unknown {
  if (type !== 'string' || typeof v === 'string') return v;
  return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Columns every results table has before the metrics: a metric of one of these names gets the prefix `summary.`. */
const ownColumns = new Set(['run_id', 'cell', 'seed', 'status', 'error']);

/**
 * The results table's columns: `run_id`, `cell`, `seed`, one column per axis (named by its path),
 * `status` (`ok` or `failed`) and `error` (why a run failed, one line; empty for ok), then the
 * flattened summary metrics of `probeSummaries` (one short run per cell, so that every
 * rollup and searcher of every cell has its columns), in first-seen order, summed counts typed int64
 * (`isCountMetric`); a metric named like one of the columns before it gets the prefix `summary.`.
 */
export function resultColumns(plan: SweepPlan, probeSummaries: readonly unknown[]): ResultColumn[] {
  const columns: ResultColumn[] = [
    { name: 'run_id', type: 'string' },
    { name: 'cell', type: 'int64' },
    { name: 'seed', type: plan.seeds.every((s) => typeof s === 'number') ? 'int64' : 'string' },
    ...plan.axes.map((a) => ({ name: pathName(a.path), type: axisType(a.values) })),
    { name: 'status', type: 'string' },
    { name: 'error', type: 'string' },
  ];
  const fixed = new Set(columns.map((c) => c.name));
  const metricTypes = new Map<string, ColumnType | null>();
  for (const summary of probeSummaries)
    for (const [name, v] of Object.entries(metrics(plan, summary))) if (!metricTypes.get(name)) metricTypes.set(name, isCountMetric(name) ? 'int64' : typeOfValue(v));
  for (const [name, type] of metricTypes) {
    if (fixed.has(name)) throw new Error(`summary column "${name}" clashes with a sweep column of the same name`);
    columns.push({ name, type });
  }
  return columns;
}

/** The columns with every open type settled by the first non-null value in `rows` (else `double`). */
export function settleTypes(columns: readonly ResultColumn[], rows: readonly Row[]): Column[] {
  return columns.map((c) => ({ name: c.name, type: c.type ?? rows.map((r) => typeOfValue(r[c.name])).find((t) => t !== null) ?? 'double' }));
}

/**
 * The flattened summary, a metric named like an axis (`slots` when sweeping `slots`) renamed
 * `summary.<name>` so that both columns exist.
 */
function metrics(plan: SweepPlan, summary: unknown): Row {
  const axes = new Set(plan.axes.map((a) => pathName(a.path)));
  return Object.fromEntries(Object.entries(flattenSummary(summary)).map(([k, v]) => [axes.has(k) || ownColumns.has(k) ? `summary.${k}` : k, v]));
}

/**
 * One results row: the run's identity, its parameter values and its flattened summary, in column
 * order, each value checked against its column's type (summary fields no column names are dropped).
 */
export function resultRow(columns: readonly ResultColumn[], plan: SweepPlan, run: SweepRun, summary: unknown): Row {
  return tableRowOf(columns, plan, run, { ...metrics(plan, summary), status: 'ok', error: null });
}

/** The row of a run that failed (`error`: one line): its identity and parameter values, no metrics. */
export function failedRow(columns: readonly ResultColumn[], plan: SweepPlan, run: SweepRun, error: string): Row {
  return tableRowOf(columns, plan, run, { status: 'failed', error });
}

function tableRowOf(columns: readonly ResultColumn[], plan: SweepPlan, run: SweepRun, values: Record<string, unknown>): Row {
  const params = plan.cells[run.cell]!.params;
  const types = new Map(columns.map((c) => [c.name, c.type]));
  const row: Record<string, unknown> = {
    ...values,
    run_id: run.runId,
    cell: run.cell,
    seed: types.get('seed') === 'string' ? String(run.seed) : run.seed,
  };
  for (const [name, v] of Object.entries(params)) row[name] = axisCell(types.get(name)!, v);
  const out: Row = {};
  for (const c of columns) out[c.name] = cellValue({ name: c.name, type: c.type ?? typeOfValue(row[c.name]) ?? 'double' }, row[c.name]);
  return out;
}
