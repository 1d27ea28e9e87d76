import { bidderShades, biddersFromSummary, windowLengths, DEFAULT_BIDDING_WINDOW_SLOTS, windowSlotsFromManifest } from './data/bidderShades.js';
import type { WinRow } from './data/rollingHhi.js';
import type { PriceRow } from './data/priceSeries.js';
import { SWEEP_REVENUE, SWEEP_X_METRICS } from './data/sweepColumns.js';
import { sweepLayout } from './data/sweepCells.js';
import { valueSharesFromSummary } from './data/valueShares.js';
import type { ReportInput } from './folder/readReportInput.js';
import type { TopLevelSpec } from './specs/common.js';
import { bidShadingSpec } from './specs/bidShadingSpec.js';
import { stakeEpochsFromSummary, stakeSharesSpec } from './specs/stakeSharesSpec.js';
import { concentrationSpec, hasWinnerColumn, type ConcentrationRow } from './specs/concentrationSpec.js';
import { efficiencySpec } from './specs/efficiencySpec.js';
import { pricesSpec } from './specs/pricesSpec.js';
import { restakingSpec } from './specs/restakingSpec.js';
import type { RestakingRow } from './data/restakingSeries.js';
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

/** A candidate sweep chart: `y` against `x`, shown when the sweep has both and its cells differ on them. */
interface SweepChartChoice {
  readonly name: string;
  readonly x: string;
  readonly y: string;
  readonly what: string;
}

/**
 * The sweep charts seqsim tries, in order: revenue against winners' concentration and against
 * MEV-oracle accuracy; for reporting sweeps, the revenue the rollups lost against the detection
 * rate; for revenue-sharing sweeps, what the first two rollups received.
 */
function sweepChartChoices(columns: readonly string[]): SweepChartChoice[] {
  const shares = columns.filter((c) => /^rollups\.[^.]+\.revenue_share_y$/.test(c));
  return [
    { name: 'sweep-revenue-vs-hhi', x: 'concentration.hhi', y: SWEEP_REVENUE, what: "revenue against the winners' concentration" },
    { name: 'sweep-revenue-vs-oracle-accuracy', x: 'mev_oracle_accuracy', y: SWEEP_REVENUE, what: 'revenue against MEV-oracle accuracy' },
    { name: 'sweep-lost-vs-detection', x: 'reporting.any.detection_rate', y: 'reporting.lost_y', what: 'revenue the rollups lost to a lying proposer against the detection rate' },
    ...(shares.length >= 2 ? [{ name: 'sweep-revenue-shares', x: shares[0]!, y: shares[1]!, what: 'the revenue shares of the first two rollups' }] : []),
  ];
}

/** The charts of a sweep, and a sentence for each chart left out because every cell sits at one point. */
export interface SweepChartPlan {
  readonly charts: Chart[];
  readonly omitted: string[];
}

const samePoint = (a: readonly number[], b: readonly number[]) => Math.abs(a[0]! - b[0]!) <= 1e-9 * Math.max(1, Math.abs(a[0]!)) && Math.abs(a[1]! - b[1]!) <= 1e-9 * Math.max(1, Math.abs(a[1]!));

/**
 * Chooses a sweep's charts: each {@link sweepChartChoices} whose columns hold numbers, one mark per
 * cell labelled by its axis values (from sweep.json's plan). A chart whose cells all have the same
 * mean point (the swept parameters do not move those metrics, e.g. detectors of a lying proposer do
 * not change the auction) is left out and said so, rather than drawn as one point.
 */
export function planSweepCharts(input: Extract<ReportInput, { kind: 'sweep' }>): SweepChartPlan {
  const { columns, rows, file } = input.results;
  const layout = sweepLayout(input.sweep, columns, rows);
  const numeric = (c: string) => columns.includes(c) && rows.some((r) => Number.isFinite(r[c]));
  const choices = sweepChartChoices(columns).filter((c) => numeric(c.x) && numeric(c.y));
  if (choices.length === 0)
    throw new UserInputError(
      `${input.dir}/${file} needs the columns ${SWEEP_REVENUE} and ${SWEEP_X_METRICS.join(' or ')} to chart revenue against concentration; it has ${columns.slice(0, 12).join(', ')}${columns.length > 12 ? ', …' : ''}.`,
    );
  const groups = layout.cells.map((c) => ({ value: String(c.cell), label: c.label }));
  const legendTitle = layout.axes.length ? `cell: ${layout.axes.map((a) => layout.shortNames.get(a.name)).join(', ')}` : 'cell';
  const charts: Chart[] = [];
  const omitted: string[] = [];
  for (const c of choices) {
    const spec = sweepTradeoffSpec(rows, { x: c.x, y: c.y, color: 'cell', groups, legendTitle, title: `${c.y} against ${c.x}, per cell` });
    const means = cellMeans(spec);
    if (means.length > 1 && means.every((m) => samePoint(m, means[0]!))) {
      omitted.push(`No chart of ${c.what} (\`${c.y}\` against \`${c.x}\`): all ${means.length} cells have the same mean (${fmtPoint(means[0]!)}), so the swept parameters do not change these metrics.`);
      continue;
    }
    const marked = new Set(meanGroups(spec));
    const unmarked = layout.cells.filter((cell) => !marked.has(cell.label)).map((cell) => cell.cell);
    const gap = unmarked.length ? ` Cell${unmarked.length > 1 ? 's' : ''} ${unmarked.join(', ')} ha${unmarked.length > 1 ? 've' : 's'} no run with both values, so no mark.` : '';
    charts.push({ name: c.name, caption: `${c.what[0]!.toUpperCase()}${c.what.slice(1)} (\`${c.y}\` against \`${c.x}\`): one small point per run, a large ringed point per cell at its mean, the cells named by their axis values.${gap}`, spec });
  }
  return { charts, omitted };
}

const fmtPoint = (p: readonly number[]) => `${Number(p[0]!.toPrecision(4))}, ${Number(p[1]!.toPrecision(4))}`;

/** The group (cell label) of each cell's mean mark of a {@link sweepTradeoffSpec}. */
function meanGroups(spec: TopLevelSpec): string[] {
  return ((spec as unknown as { layer: { data?: { values: { group: string }[] } }[] }).layer[1]!.data?.values ?? []).map((v) => v.group);
}

/** The [x, y] of each cell's mean mark of a {@link sweepTradeoffSpec}. */
function cellMeans(spec: TopLevelSpec): number[][] {
  const layer = (spec as unknown as { layer: { data?: { values: { x: number; y: number }[] } }[] }).layer[1]!;
  return (layer.data?.values ?? []).map((v) => [v.x, v.y]);
}

/**
 * A market run's bid-shading chart, or none when its summary has no `bidders` (older runs) or no
 * bidder had value in any window. The window length is each bidder's `window_slots`; in summaries
 * without it, the manifest's `config.bidding.windowSlots`, and without that the config default
 * (100), as the caption then says.
 */
function bidShadingCharts(input: Extract<ReportInput, { kind: 'market' }>): Chart[] {
  const bidders = biddersFromSummary(input.summary);
  const fromManifest = windowSlotsFromManifest(input.manifest);
  const windowSlots = fromManifest ?? DEFAULT_BIDDING_WINDOW_SLOTS;
  if (bidderShades(bidders, windowSlots).length === 0) return [];
  const own = bidders.some((b) => b.window_slots != null);
  const assumed = fromManifest === null && !own ? ` The run's manifest.json does not give \`config.bidding.windowSlots\`, so the windows are assumed to be the config default of ${windowSlots} slots.` : '';
  const lengths = windowLengths(bidders, windowSlots);
  const per = lengths.length <= 1 ? `per window of ${lengths[0] ?? windowSlots} slots` : `per window of each bidder's \`window_slots\` (${lengths.join(', ')} slots)`;
  return [
    {
      name: 'bid-shading',
      caption: `Each bidder's shading (Σ bid ÷ Σ value) ${per}, from summary.json's \`bidders[].shade_by_window\`.${assumed}`,
      spec: bidShadingSpec(bidders, { windowSlots }),
    },
  ];
}

/** The stake-by-pool chart of a run with stake pools (summary.json's `staking.epochs`), or none. */
function stakeCharts(summary: Record<string, unknown>): Chart[] {
  const staking = stakeEpochsFromSummary(summary);
  if (staking === null) return [];
  return [{ name: 'stake-shares', caption: "Each pool's share of the stake per epoch and the pools' HHI, from summary.json's `staking.epochs`.", spec: stakeSharesSpec(staking.pools, staking.epochs) }];
}

/**
 * The charts of a report for what the folder holds. Market run: prices, value shares,
 * concentration, bid shading per bidder when the summary records it, and stake by pool under `staking`. Bidding war: win share by strategy, efficiency, winner concentration. Sweep:
 * the charts of {@link planSweepCharts}.
 */
export function chartsFor(input: ReportInput): Chart[] {
  if (input.kind === 'sweep') return planSweepCharts(input).charts;
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
      ...stakeCharts(input.summary),
      ...(input.summary['restaking'] ? [{ name: 'restaking', caption: 'Profit from corrupting the shared sequencer against the cost of corrupting it (each epoch\'s measurement, held over the next epoch; `restaking_pfc_y`, `restaking_coc_y`); summary.json\'s `restaking` counts the epochs where some coalition would profit, the other restaked services included.', spec: restakingSpec(input.slots as unknown as RestakingRow[]) }] : []),
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
