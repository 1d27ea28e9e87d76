import { bidderShades, windowLengths, type BidderEntry } from '../data/bidderShades.js';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH, VEGA_LITE_SCHEMA, type TopLevelSpec } from './common.js';

/** Options of {@link bidShadingSpec}. */
export interface BidShadingSpecOptions {
  /** Slots per window of `shade_by_window` for entries without their own `window_slots` (the config's `bidding.windowSlots`). */
  readonly windowSlots: number;
  readonly title?: string;
}

/**
 * Bid shading over time: one line per bidder of summary.json's `bidders` (coloured by bidder, in the
 * summary's order) through its Σ bid ÷ Σ value per window, plotted at the window's first slot;
 * windows without value are skipped (the line joins the windows either side, the points show where
 * there is data). When both builders and searchers bid, builders are drawn dashed. Build the input
 * with `biddersFromSummary(summary)`.
 */
export function bidShadingSpec(bidders: readonly BidderEntry[], opts: BidShadingSpecOptions): TopLevelSpec {
  const values = bidderShades(bidders, opts.windowSlots);
  // One window length for every bidder, or each its own (a long run merges windows; a bidder that stopped bidding early merged fewer).
  const lengths = windowLengths(bidders, opts.windowSlots);
  const one = lengths.length <= 1 ? (lengths[0] ?? opts.windowSlots) : null;
  const each = one !== null ? `window of ${one} slots` : "bidder's window (its window_slots)";
  const start = one !== null ? `${one}-slot window` : 'window';
  const names = [...new Set(values.map((v) => v.bidder))];
  const roles = [...new Set(values.map((v) => v.role))];
  // A dash legend with one entry says nothing: dash by role only when both roles are charted.
  const dash = roles.includes('builder') && roles.includes('searcher')
    ? {
        strokeDash: {
          field: 'role',
          type: 'nominal' as const,
          title: 'role',
          scale: { domain: ['searcher', 'builder'], range: [[1, 0], [6, 3]] },
        },
      }
    : {};
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: opts.title ?? 'Bid shading over time per bidder',
      subtitle: `Σ bid ÷ Σ value in each ${each}, at the window's first slot; windows without value skipped.`,
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    config: CHART_CONFIG,
    data: { values: values.map((v) => ({ ...v })) },
    encoding: {
      x: { field: 'slot', type: 'quantitative', title: `slot (start of a ${start})` },
      y: { field: 'shade', type: 'quantitative', title: 'shade (bid ÷ value)', axis: { format: '%' } },
      color: { field: 'bidder', type: 'nominal', title: 'bidder', scale: { domain: names } },
    },
    // Lines and points in separate layers, so that the role legend shows dashes rather than dots.
    layer: [{ mark: { type: 'line', strokeWidth: 1.4 }, encoding: dash }, { mark: { type: 'point', filled: true, size: 16, opacity: 1 } }],
  };
}
