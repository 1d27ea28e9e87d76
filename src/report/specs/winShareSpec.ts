import { CHART_CONFIG, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/** One strategy's line of a bidding war's `summary.json` `byStrategy` (the fields read here). */
export interface StrategyWins {
  readonly builders: number;
  readonly wins: number;
  /** wins ÷ auctions, in [0, 1]. */
  readonly winShare: number;
}

/**
 * Bars of each bidding strategy's share of the auctions won (mev-boost bidding war), in the
 * summary's order; strategies no builder uses are left out. Input: `summary.byStrategy`.
 */
export function winShareSpec(byStrategy: Readonly<Record<string, StrategyWins>>, title = 'Win share by bidding strategy'): TopLevelSpec {
  const values = Object.entries(byStrategy)
    .filter(([, s]) => s.builders > 0)
    .map(([strategy, s]) => ({ strategy, winShare: s.winShare, wins: s.wins, builders: s.builders }));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title,
    width: { step: 70 },
    height: 260,
    config: CHART_CONFIG,
    data: { values },
    encoding: {
      x: { field: 'strategy', type: 'nominal', sort: null, title: 'strategy', axis: { labelAngle: 0 } },
      y: { field: 'winShare', type: 'quantitative', title: 'share of auctions won', axis: { format: '%' } },
    },
    layer: [
      { mark: { type: 'bar', color: '#4c78a8' } },
      { mark: { type: 'text', dy: -6, fontSize: 11 }, encoding: { text: { field: 'winShare', type: 'quantitative', format: '.1%' } } },
    ],
  };
}
