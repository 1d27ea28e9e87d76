import { priceSeries, type PriceRow } from '../data/priceSeries.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/** Options of {@link pricesSpec}. */
export interface PricesSpecOptions {
  /** Downsampling: at most about this many points per series (every k-th slot). Default 2000. */
  readonly maxPointsPerSeries?: number;
  readonly title?: string;
}

/**
 * Line chart of every rollup's pool price against the reference price over slots, from
 * `slots.csv` rows (or `runSimulation(config, { keepRows: true }).rows`). Pure: the same rows give
 * the same spec. The reference is drawn dashed in black on top of the pools.
 */
export function pricesSpec(rows: readonly PriceRow[], opts: PricesSpecOptions = {}): TopLevelSpec {
  const values = priceSeries(rows, opts.maxPointsPerSeries ?? 2000);
  const series = [...new Set(values.map((v) => v.series))];
  const palette = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2'];
  const range = series.map((s, i) => (s === 'reference' ? '#222222' : palette[(i - 1) % palette.length]!));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: opts.title ?? 'Pool prices against the reference price',
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: values.map((v) => ({ ...v })) },
    encoding: {
      x: { field: 'slot', type: 'quantitative', title: 'slot' },
      y: { field: 'price', type: 'quantitative', title: 'price (Y per X)', scale: { zero: false } },
      color: { field: 'series', type: 'nominal', title: 'series', scale: { domain: series, range } },
    },
    // Pools first, the reference on top of them, dashed, so it stays visible where they track it.
    layer: [
      { transform: [{ filter: "datum.series !== 'reference'" }], mark: { type: 'line', strokeWidth: 1.1 } },
      { transform: [{ filter: "datum.series === 'reference'" }], mark: { type: 'line', strokeWidth: 1.6, strokeDash: [5, 3] } },
    ],
  };
}
