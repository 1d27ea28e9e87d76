import type { CsvValue } from '../data/parseCsv.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/** One row of a sweep's `results.csv`: `run_id`, `cell`, `seed`, swept parameters, dotted metrics. */
export type SweepRow = Readonly<Record<string, CsvValue | undefined>>;

/** One group of runs (a colour and shape in the legend): the `color` column's value and its legend label. */
export interface SweepGroup {
  readonly value: string;
  readonly label: string;
}

/** Options of {@link sweepTradeoffSpec}: column names as they appear in `results.csv`. */
export interface SweepTradeoffOptions {
  /** The metric on x, e.g. `concentration.hhi` or `mev_oracle_accuracy`. */
  readonly x: string;
  /** The metric on y. Default `totals.winning_bids_y`. */
  readonly y?: string;
  /** Groups the runs: default `cell`; e.g. `mechanism.name` to compare mechanisms. */
  readonly color?: string;
  /**
   * The groups in legend order with their labels (e.g. a cell's axis values). Default: the distinct
   * values of the `color` column, numbers in numeric order, labelled by their value.
   */
  readonly groups?: readonly SweepGroup[];
  /** The legend's title; default the `color` column's name. */
  readonly legendTitle?: string;
  readonly title?: string;
}

/** Tableau 10: ten colours told apart also in print. */
export const SWEEP_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;
/** The shapes that, with {@link SWEEP_COLOURS}, tell up to 60 groups apart. */
export const SWEEP_SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'] as const;

/** Group `i`'s colour and shape: colours cycle first, the shape changes every 10 groups. */
export function groupMark(i: number): { colour: string; shape: string } {
  return { colour: SWEEP_COLOURS[i % SWEEP_COLOURS.length]!, shape: SWEEP_SHAPES[Math.floor(i / SWEEP_COLOURS.length) % SWEEP_SHAPES.length]! };
}

const distinctMarks = SWEEP_COLOURS.length * SWEEP_SHAPES.length;

function defaultGroups(rows: readonly SweepRow[], colorName: string): SweepGroup[] {
  const values = [...new Set(rows.map((r) => String(r[colorName] ?? '')))];
  const numeric = values.every((v) => v !== '' && Number.isFinite(Number(v)));
  const sorted = numeric ? values.sort((a, b) => Number(a) - Number(b)) : values.sort();
  return sorted.map((v) => ({ value: v, label: v }));
}

const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

/**
 * Scatter of one metric against another across a sweep: one small point per run, and one large
 * ringed point per group at the group's mean (computed here, one row per group with a finite
 * point, so the second layer's data has exactly one mark per group). Each group has its own colour
 * and shape (10 colours × 6 shapes; the legend title says so if more than 60 groups repeat them),
 * in legend order. Rows whose x or y is not a finite number are left out. Dotted column names are
 * copied to plain keys (`x`, `y`, `group`), so the spec needs no field escaping.
 */
export function sweepTradeoffSpec(rows: readonly SweepRow[], opts: SweepTradeoffOptions): TopLevelSpec {
  const yName = opts.y ?? 'totals.winning_bids_y';
  const colorName = opts.color ?? 'cell';
  const groups = opts.groups ?? defaultGroups(rows, colorName);
  const labelOf = new Map(groups.map((g) => [g.value, g.label]));
  const values = rows
    .map((r) => ({ run_id: r['run_id'] ?? null, seed: r['seed'] ?? null, group: labelOf.get(String(r[colorName] ?? '')) ?? String(r[colorName] ?? ''), x: r[opts.x], y: r[yName] }))
    .filter((v): v is typeof v & { x: number; y: number } => Number.isFinite(v.x) && Number.isFinite(v.y));
  const means = groups.flatMap((g) => {
    const own = values.filter((v) => v.group === g.label);
    return own.length ? [{ group: g.label, runs: own.length, x: mean(own.map((v) => v.x)), y: mean(own.map((v) => v.y)) }] : [];
  });
  const domain = groups.map((g) => g.label);
  const repeats = groups.length > distinctMarks ? ` (colour and shape repeat every ${distinctMarks})` : '';
  const legend = { title: `${opts.legendTitle ?? colorName}${repeats}`, labelLimit: 1000, titleLimit: 1000, symbolLimit: 0, columns: groups.length > 16 ? 2 : 1 };
  const color = { field: 'group', type: 'nominal' as const, scale: { domain, range: domain.map((_, i) => groupMark(i).colour) }, legend };
  const shape = { field: 'group', type: 'nominal' as const, scale: { domain, range: domain.map((_, i) => groupMark(i).shape) }, legend };
  const x = { field: 'x', type: 'quantitative' as const, title: opts.x, scale: { zero: false, padding: 12 } };
  const y = { field: 'y', type: 'quantitative' as const, title: yName === 'totals.winning_bids_y' ? `${yName} (revenue, Y)` : yName, scale: { zero: false, padding: 12 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: opts.title ?? `${yName} against ${opts.x} across the sweep`,
    width: CHART_WIDTH - 120,
    height: CHART_HEIGHT + 40,
    config: CHART_CONFIG,
    data: { values },
    layer: [
      { mark: { type: 'point', filled: true, opacity: 0.55, size: 30 }, encoding: { x, y, color, shape } },
      { data: { values: means }, mark: { type: 'point', filled: true, size: 160, stroke: 'black', strokeWidth: 1.2 }, encoding: { x, y, color, shape } },
    ],
  };
}
