import { planSweepCharts, type Chart } from './charts.js';
import { biddersFromSummary } from './data/bidderShades.js';
import { SWEEP_REVENUE } from './data/sweepColumns.js';
import { axisValueLabels, briefValue, sweepLayout, type SweepLayout } from './data/sweepCells.js';
import type { ReportInput } from './folder/readReportInput.js';

type Obj = Record<string, unknown>;

/** Reads `a.b.c` from parsed JSON; undefined when any step is missing. */
function at(o: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Obj)[k] : undefined), o);
}

/** A number for a table cell: 4 significant digits for small values, thousands grouped for large. */
export function fmt(v: unknown, digits = 4): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return v.toLocaleString('en-US');
  return Math.abs(v) >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : Number(v.toPrecision(digits)).toString();
}

const pct = (v: unknown) => (typeof v === 'number' ? `${(100 * v).toFixed(1)}%` : '–');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const mean = (xs: unknown[]) => {
  const ns = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return ns.length ? ns.reduce((a, x) => a + x, 0) / ns.length : undefined;
};

function concentrationLine(s: unknown): string {
  const c = at(s, 'concentration');
  if (!c) return '';
  return `HHI ${fmt(at(c, 'hhi'), 3)}, top-3 share ${fmt(at(c, 'top3_share'), 3)}, Nakamoto coefficient ${fmt(at(c, 'nakamoto_coefficient'))}`;
}

function marketNumbers(s: Obj): string {
  const searcherPnl = Array.isArray(s['searchers']) ? (s['searchers'] as Obj[]).reduce((a, x) => a + (Number(x['pnl_y']) || 0), 0) : undefined;
  const hours = typeof s['simulated_seconds'] === 'number' ? ` (${(s['simulated_seconds'] / 3600).toFixed(2)} h simulated)` : '';
  const key = table(['figure', 'value'], [
    ['slots', `${fmt(s['slots'])}${hours}`],
    ['reference price (Y per X)', `${fmt(s['initial_ref_price'], 6)} → ${fmt(s['final_ref_price'], 6)}`],
    ['user volume (Y)', fmt(at(s, 'totals.user_volume_y'))],
    ['winning bids paid (Y)', fmt(at(s, 'totals.winning_bids_y'))],
    ["searchers' PnL (Y)", fmt(searcherPnl)],
    ["users' surplus vs reference (Y)", fmt(at(s, 'totals.user_surplus_y'))],
    ["winners' concentration", concentrationLine(s) || '–'],
    ['MEV-oracle accuracy (payments ÷ value won)', fmt(s['mev_oracle_accuracy'], 3)],
  ]);
  const rollups = (Array.isArray(s['rollups']) ? s['rollups'] : []) as Obj[];
  const per = table(
    ['rollup', 'gas', 'final price', 'mean \\|gap\\| bps', 'in fee band', 'user swaps', 'bids paid Y'],
    rollups.map((r) => [String(r['rollup']), String(r['gas_token']), fmt(r['final_pool_price'], 6), fmt(r['mean_abs_gap_bps'], 3), pct(r['share_slots_in_fee_band']), fmt(r['user_swaps']), fmt(r['winning_bids_y'])]),
  );
  return [key, per, bidderTable(s)].filter((t) => t !== '').join('\n\n');
}

/** One row per builder and searcher of summary.json's `bidders` ('' for a summary without them). */
export function bidderTable(s: Obj): string {
  const bidders = biddersFromSummary(s);
  if (bidders.length === 0) return '';
  return table(
    ['bidder', 'role', 'strategy', 'mean shade (bid ÷ value)', 'payoff Y', 'regret Y', 'converged at slot'],
    bidders.map((b) => [b.bidder, b.role, b.strategy, fmt(b.mean_shade, 3), fmt(b.payoff_y), fmt(b.regret_y), fmt(b.converged_at_slot)]),
  );
}

function biddingWarNumbers(s: Obj): string {
  const key = table(['figure', 'value'], [
    ['auctions', fmt(s['auctions'])],
    ['mean efficiency (winning bid ÷ total signal)', fmt(s['meanEfficiency'], 3)],
    ['mean winning bid (ETH)', fmt(s['meanWinningBidEth'], 5)],
    ['decoy wins', fmt(s['decoyWins'])],
    ["builders' concentration", concentrationLine(s) || '–'],
    ['MEV-oracle accuracy (winning bid ÷ block value)', fmt(s['meanMevOracleAccuracy'], 3)],
  ]);
  const by = Object.entries((s['byStrategy'] ?? {}) as Record<string, Obj>).filter(([, v]) => Number(v['builders']) > 0);
  const per = table(
    ['strategy', 'builders', 'win share', 'profit per win ETH', 'mean efficiency'],
    by.map(([k, v]) => [k, fmt(v['builders']), pct(v['winShare']), fmt(v['meanProfitEth'], 4), fmt(v['meanEfficiency'], 3)]),
  );
  return `${key}\n\n${per}`;
}

/** Object- and list-valued axes: each value's label and its full JSON (the labels shorten them). */
function axisValueKey(layout: SweepLayout): string {
  const lines = layout.axes
    .filter((a) => a.values.some((v) => v !== null && typeof v === 'object'))
    .flatMap((a) => {
      const labels = axisValueLabels(a.values);
      return [`- \`${a.name}\`:`, ...a.values.map((v, i) => `  - \`${labels[i]}\` = \`${JSON.stringify(v)}\``)];
    });
  return lines.length ? `\n\nThe labels of object- and list-valued axes:\n\n${lines.join('\n')}` : '';
}

function sweepNumbers(input: Extract<ReportInput, { kind: 'sweep' }>, omitted: readonly string[]): string {
  const { rows, columns, file } = input.results;
  const layout = sweepLayout(input.sweep, columns, rows);
  const axes = layout.axes.map((a) => `\`${a.name}\` (${a.values.length} values)`).join(', ') || '(none found)';
  const source = layout.from === 'sweep.json' ? 'sweep.json' : 'the columns of the table (no sweep.json plan)';
  const head = `${rows.length} runs in ${layout.cells.length} cells, read from \`${file}\`; swept (from ${source}): ${axes}.`;
  const metrics = [SWEEP_REVENUE, 'concentration.hhi', 'mev_oracle_accuracy'].filter((m) => columns.includes(m));
  const labels = new Map(layout.axes.map((a) => [a.name, new Map(a.values.map((v, i) => [JSON.stringify(v), axisValueLabels(a.values)[i]!]))]));
  const shown = layout.cells.slice(0, 40).map((cell) => {
    const runs = rows.filter((r) => Number(r['cell']) === cell.cell);
    const values = layout.axes.map((a) => labels.get(a.name)!.get(JSON.stringify(cell.params[a.name])) ?? briefValue(cell.params[a.name]));
    return [String(cell.cell), ...values, String(runs.length), ...metrics.map((m) => fmt(mean(runs.map((r) => r[m])), 4))];
  });
  const more = layout.cells.length > 40 ? `\n\n(first 40 of ${layout.cells.length} cells)` : '';
  const notes = omitted.length ? `\n\n${omitted.join('\n\n')}` : '';
  const headers = ['cell', ...layout.axes.map((a) => a.name), 'runs', ...metrics.map((m) => `mean ${m}`)];
  return `${head}\n\n${table(headers, shown)}${more}${axisValueKey(layout)}${notes}`;
}

/**
 * The text of `report.md`: what the folder is, its key numbers (from summary.json, or per cell for a
 * sweep) and the charts, each embedded as its PNG (linked relative to report.md).
 */
export function reportMarkdown(input: ReportInput, charts: readonly Chart[]): string {
  const title = { market: 'Market run', 'bidding-war': 'Bidding-war run', sweep: 'Sweep' }[input.kind];
  const numbers =
    input.kind === 'market' ? marketNumbers(input.summary) : input.kind === 'bidding-war' ? biddingWarNumbers(input.summary) : sweepNumbers(input, planSweepCharts(input).omitted);
  const figures = charts.map((c) => `### ${c.name}\n\n${c.caption}\n\n![${c.name}](${c.name}.png)\n\n([SVG](${c.name}.svg))`);
  return [`# ${title} report`, `Source: \`${input.dir}\` (written by \`seqsim report\`).`, '## Key numbers', numbers, '## Charts', ...figures].join('\n\n') + '\n';
}
