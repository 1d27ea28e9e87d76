import { restakingSeries, type RestakingRow } from '../data/restakingSeries.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/**
 * Line chart of the shared sequencer's profit from corruption against its cost of corruption over
 * slots (the `restaking_pfc_y` and `restaking_coc_y` columns: each epoch's measurement, held over the
 * next epoch). Where the red line is above the blue one, corrupting the sequencer alone pays.
 */
export function restakingSpec(rows: readonly RestakingRow[], title = 'Restaking: profit vs cost of corrupting the shared sequencer'): TopLevelSpec {
  const values = restakingSeries(rows);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: values.map((v) => ({ ...v })) },
    mark: { type: 'line', strokeWidth: 1.3, interpolate: 'step-after' },
    encoding: {
      x: { field: 'slot', type: 'quantitative', title: 'slot' },
      y: { field: 'valueY', type: 'quantitative', title: 'Y' },
      color: { field: 'series', type: 'nominal', title: 'series', legend: { labelLimit: 240 }, scale: { domain: ['profit from corruption', 'cost of corruption'], range: ['#e45756', '#4c78a8'] } },
    },
  };
}
