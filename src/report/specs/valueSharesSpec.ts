import type { ValueShare } from '../data/valueShares.js';
import { CHART_CONFIG, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

const fmtY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const fmtPct = new Intl.NumberFormat('en-US', { style: 'percent', maximumSignificantDigits: 2 });

/**
 * Horizontal bars of who received how much value over a run (Y), one bar per party in the given
 * order, labelled with the value and, for gains, their share of all gains. Build the input with
 * `valueSharesFromSummary(summary)`. Negative bars (users' surplus, usually) point left of zero.
 */
export function valueSharesSpec(shares: readonly ValueShare[], title = 'Who gets the value'): TopLevelSpec {
  const values = shares.map((s) => ({
    ...s,
    labelAt: Math.max(0, s.valueY),
    label: `${fmtY.format(s.valueY)} Y${s.valueY > 0 ? ` (${fmtPct.format(s.share)} of gains)` : ''}`,
  }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: title,
      subtitle: ["In Y at the final reference price. Users' surplus is measured against the reference", 'price (fees and price impact); the liquidity providers are not shown.'],
    },
    width: CHART_WIDTH - 140,
    height: { step: 30 },
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      y: { field: 'recipient', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'valueY', type: 'quantitative', title: 'value received (Y at the reference price)' },
          color: {
            field: 'group',
            type: 'nominal',
            legend: null, // the bar labels name the parties
            scale: { domain: ['proposer', 'searchers', 'users', 'rollups'], range: ['#4c78a8', '#f58518', '#e45756', '#54a24b'] },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
}
