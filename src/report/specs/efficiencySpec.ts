import { histogram } from '../data/histogram.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/**
 * Histogram of auction efficiency (winning bid ÷ total signal, `auctions.csv`'s `efficiency`) in
 * `bins` equal bins over the observed range, with a rule at the mean. Input: auction rows.
 */
export function efficiencySpec(rows: readonly { readonly efficiency: number | null }[], bins = 30, title = 'Auction efficiency (winning bid / total signal)'): TopLevelSpec {
  const effs = rows.map((r) => r.efficiency).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const values = histogram(effs, bins).map((b) => ({ ...b }));
  const mean = effs.length ? effs.reduce((a, v) => a + v, 0) / effs.length : 0;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT - 40,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: '#4c78a8', binSpacing: 1 },
        encoding: {
          x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: 'efficiency' },
          x2: { field: 'end' },
          y: { field: 'count', type: 'quantitative', title: 'auctions' },
        },
      },
      {
        data: { values: [{ mean, label: `mean ${mean.toFixed(3)}` }] },
        mark: { type: 'rule', color: '#e45756', strokeWidth: 2 },
        encoding: { x: { field: 'mean', type: 'quantitative' } },
      },
      {
        data: { values: [{ mean, label: `mean ${mean.toFixed(3)}` }] },
        mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, y: 4, color: '#e45756', fontSize: 11 },
        encoding: { x: { field: 'mean', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
