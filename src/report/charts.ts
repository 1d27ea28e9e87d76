import { bidderShades, biddersFromSummary, DEFAULT_BIDDING_WINDOW_SLOTS, windowSlotsFromManifest } from './data/bidderShades.js';
import type { WinRow } from './data/rollingHhi.js';
import type { PriceRow } from './data/priceSeries.js';
import { SWEEP_REVENUE, SWEEP_X_METRICS } from './data/sweepColumns.js';
import { valueSharesFromSummary } from './data/valueShares.js';
import type { ReportInput } from './folder/readReportInput.js';
import type { TopLevelSpec } from './specs/common.js';
import { bidShadingSpec } from './specs/bidShadingSpec.js';
import { concentrationSpec, hasWinnerColumn, type ConcentrationRow } from './specs/concentrationSpec.js';
import { efficiencySpec } from './specs/efficiencySpec.js';
import { pricesSpec } from './specs/pricesSpec.js';
import { sweepTradeoffSpec } from './specs/sweepTradeoffSpec.js';
import { valueSharesSpec } from './specs/valueSharesSpec.js';
import { winShareSpec, type StrategyWins } from './specs/winShareSpec.js';
import { UserInputError } from '../config/errors.js';

/** One chart of a report: `<name>.svg` and `<name>.png`, with a caption for report.md. */
export interface Chart {
  readonly name: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

function sweepCharts(input: Extract<ReportInput, { kind: 'sweep' }>): Chart[] {
  const { columns, rows, file } = input.results;
  const xs = SWEEP_X_METRICS.filter((m) => columns.includes(m));
  if (!columns.includes(SWEEP_REVENUE) || xs.length === 0)
    throw new UserInputError(
      `${input.dir}/${file} needs the columns ${SWEEP_REVENUE} and ${SWEEP_X_METRICS.join(' or ')} to chart revenue against concentration; it has ${columns.slice(0, 12).join(', ')}${columns.length > 12 ? ', …' : ''}.`,
    );
  const mechanisms = new Set(rows.map((r) => r['mechanism.name']));
  const color = columns.includes('mechanism.name') && mechanisms.size > 1 ? 'mechanism.name' : 'cell';
  return xs.map((x) => ({
    name: x === 'concentration.hhi' ? 'sweep-revenue-vs-hhi' : 'sweep-revenue-vs-oracle-accuracy',
    caption: `Revenue (${SWEEP_REVENUE}) against ${x}: one small point per run, a large ringed point per ${color} at its mean.`,
    spec: sweepTradeoffSpec(rows, { x, color }),
  }));
}

/**
 * A market run's bid-shading chart, or none when its summary has no `bidders` (older runs) or no
 * bidder had value in any window. The window length is the manifest's `config.bidding.windowSlots`;
 * without it, the config default (100), as the caption then says.
 */
function bidShadingCharts(input: Extract<ReportInput, { kind: 'market' }>): Chart[] {
  const bidders = biddersFromSummary(input.summary);
  const fromManifest = windowSlotsFromManifest(input.manifest);
  const windowSlots = fromManifest ?? DEFAULT_BIDDING_WINDOW_SLOTS;
  if (bidderShades(bidders, windowSlots).length === 0) return [];
  const assumed = fromManifest === null ? ` The run's manifest.json does not give \`config.bidding.windowSlots\`, so the windows are assumed to be the config default of ${windowSlots} slots.` : '';
  return [
    {
      name: 'bid-shading',
      caption: `Each bidder's shading (Σ bid ÷ Σ value) per window of ${windowSlots} slots, from summary.json's \`bidders[].shade_by_window\`.${assumed}`,
      spec: bidShadingSpec(bidders, { windowSlots }),
    },
  ];
}

/**
 * The charts of a report for what the folder holds. Market run: prices, value shares,
 * concentration, and bid shading per bidder when the summary records it. Bidding war: win share by strategy, efficiency, winner concentration. Sweep:
 * revenue against each of `concentration.hhi` and `mev_oracle_accuracy` that it has.
 */
export function chartsFor(input: ReportInput): Chart[] {
  if (input.kind === 'sweep') return sweepCharts(input);
  if (input.kind === 'market') {
    const rows = input.slots as unknown as (PriceRow & ConcentrationRow)[];
    const hhi = hasWinnerColumn(input.slots);
    return [
      { name: 'prices', caption: 'Pool prices on every rollup against the reference price.', spec: pricesSpec(rows) },
      { name: 'value-shares', caption: 'Who gets the value over the run.', spec: valueSharesSpec(valueSharesFromSummary(input.summary)) },
      {
        name: 'concentration',
        caption: hhi ? 'Rolling HHI of the winners.' : "Each rollup's rolling share of the winning bids (slots.csv has no winner column for a rolling HHI of searchers).",
        spec: concentrationSpec(rows),
      },
      ...bidShadingCharts(input),
    ];
  }
  const byStrategy = (input.summary['byStrategy'] ?? {}) as Record<string, StrategyWins>;
  const wins: WinRow[] = input.auctions.map((r) => ({ slot: Number(r['auction']), winner: r['winner'] === null ? null : String(r['winner']) }));
  return [
    { name: 'win-share', caption: 'Share of the auctions won by each bidding strategy.', spec: winShareSpec(byStrategy) },
    { name: 'efficiency', caption: 'Distribution of auction efficiency (winning bid ÷ total signal).', spec: efficiencySpec(input.auctions as { efficiency: number | null }[]) },
    { name: 'concentration', caption: 'Rolling HHI of the winning builders.', spec: concentrationSpec(wins, { xTitle: 'auction' }) },
  ];
}
