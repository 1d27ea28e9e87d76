import type { CsvValue } from '../data/parseCsv.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/** One row of a sweep's `results.csv`: `run_id`, `cell`, `seed`, swept parameters, dotted metrics. */
export type SweepRow = Readonly<Record<string, CsvValue | undefined>>;

/** Options of {@link sweepTradeoffSpec}: column names as they appear in `results.csv`. */
export interface SweepTradeoffOptions {
  /** The fairness or concentration metric on x, e.g. `concentration.hhi` or `mev_oracle_accuracy`. */
  readonly x: string;
  /** The revenue metric on y. Default `totals.winning_bids_y`. */
  readonly y?: string;
  /** Colours the runs: default `cell`; e.g. `mechanism.name` to compare mechanisms. */
  readonly color?: string;
  readonly title?: string;
}

/**
 * Scatter of revenue against fairness or concentration across a sweep: one small point per run,
 * one large ringed point per colour group at the group's mean. Rows whose x or y is not a finite
 * number are left out. Dotted column names are copied to plain keys (`x`, `y`, `group`), so the
 * spec needs no field escaping.
 */
export function sweepTradeoffSpec(rows: readonly SweepRow[], opts: SweepTradeoffOptions): TopLevelSpec {
  const yName = opts.y ?? 'totals.winning_bids_y';
  const colorName = opts.color ?? 'cell';
  const values = rows
    .map((r) => ({ run_id: r['run_id'] ?? null, seed: r['seed'] ?? null, group: String(r[colorName] ?? ''), x: r[opts.x], y: r[yName] }))
    .filter((v): v is typeof v & { x: number; y: number } => Number.isFinite(v.x) && Number.isFinite(v.y));
  const color = { field: 'group', type: 'nominal' as const, title: colorName };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: opts.title ?? `Revenue against ${opts.x} across the sweep`,
    width: CHART_WIDTH - 120,
    height: CHART_HEIGHT + 40,
    config: CHART_CONFIG,
    data: { values },
    layer: [
      {
        mark: { type: 'point', filled: true, opacity: 0.55, size: 30 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: opts.x, scale: { zero: false, padding: 12 } },
          y: { field: 'y', type: 'quantitative', title: `${yName} (revenue, Y)`, scale: { zero: false, padding: 12 } },
          color,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 160, stroke: 'black', strokeWidth: 1.2 },
        encoding: {
          x: { field: 'x', aggregate: 'mean', type: 'quantitative' },
          y: { field: 'y', aggregate: 'mean', type: 'quantitative' },
          color,
        },
      },
    ],
  };
}
