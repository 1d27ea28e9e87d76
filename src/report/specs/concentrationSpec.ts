import { rollingHhi, slotRange, type WinRow } from '../data/rollingHhi.js';
import { rollingShares, type BidRow } from '../data/rollingShares.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, defaultWindowSlots, type TopLevelSpec } from './common.js';

/**
 * A row of the per-slot (or per-auction) table as the concentration chart reads it: with a `winner`
 * column it charts the rolling HHI of winners; without one, each rollup's rolling share of the
 * winning bids (`rollup`, `winning_bid_y`).
 */
export type ConcentrationRow = { readonly slot: number } & Partial<Omit<WinRow, 'slot'>> & Partial<Omit<BidRow, 'slot'>>;

/** Options of {@link concentrationSpec}. */
export interface ConcentrationSpecOptions {
  /** Window length in slots; default a twentieth of the run (at least 10). */
  readonly windowSlots?: number;
  /** x-axis title; default `slot` (`auction` for a bidding war). */
  readonly xTitle?: string;
  /** At most this many window ends are plotted. Default 2000. */
  readonly maxPoints?: number;
}

/** True when the table has a `winner` column (then the chart is the rolling HHI of winners). */
export function hasWinnerColumn(rows: readonly object[]): boolean {
  return rows.length > 0 && 'winner' in rows[0]!;
}

/**
 * Concentration over time. With a `winner` column (auctions.csv has one; one id per win, `a;b` for
 * several): the rolling Herfindahl–Hirschman index of winners over a sliding window of slots, 1 when
 * one participant wins everything. Without: each rollup's rolling share of the winning bids, stacked.
 */
export function concentrationSpec(rows: readonly ConcentrationRow[], opts: ConcentrationSpecOptions = {}): TopLevelSpec {
  const [first, last] = rows.length ? slotRange(rows) : [0, 0];
  const windowSlots = opts.windowSlots ?? defaultWindowSlots(last - first + 1);
  const xTitle = opts.xTitle ?? 'slot';
  const win = { windowSlots, maxPoints: opts.maxPoints };
  const base = { $schema: VEGA_LITE_SCHEMA, width: CHART_WIDTH, height: CHART_HEIGHT, config: CHART_CONFIG };
  if (hasWinnerColumn(rows)) {
    const values = rollingHhi(rows.map((r) => ({ slot: r.slot, winner: r.winner ?? null })), win);
    return {
      ...base,
      title: `Winner concentration: HHI over a rolling window of ${windowSlots} ${xTitle}s`,
      data: { values: values.map((v) => ({ ...v })) },
      mark: { type: 'line', strokeWidth: 1.4, color: '#4c78a8' },
      encoding: {
        x: { field: 'slot', type: 'quantitative', title: `${xTitle} (end of window)` },
        y: { field: 'hhi', type: 'quantitative', title: 'HHI of winners', scale: { domain: [0, 1] } },
      },
    };
  }
  const bidRows = rows.map((r) => ({ slot: r.slot, rollup: r.rollup ?? '?', winning_bid_y: r.winning_bid_y ?? 0 }));
  const values = rollingShares(bidRows, win);
  const rollups = [...new Set(values.map((v) => v.rollup))];
  return {
    ...base,
    title: `Share of winning bids by rollup, rolling window of ${windowSlots} ${xTitle}s`,
    // `rank` stacks the rollups in order of first appearance, the first at the bottom.
    data: { values: values.map((v) => ({ ...v, rank: rollups.indexOf(v.rollup) })) },
    mark: { type: 'area', interpolate: 'step-after' },
    encoding: {
      x: { field: 'slot', type: 'quantitative', title: `${xTitle} (end of window)` },
      y: { field: 'share', type: 'quantitative', title: 'share of winning bids (Y)', stack: 'zero', scale: { domain: [0, 1] }, axis: { format: '%' } },
      color: { field: 'rollup', type: 'nominal', title: 'rollup', scale: { domain: rollups } },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
    },
  };
}
