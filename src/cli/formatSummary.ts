import type { BiddingWarSummary } from '../biddingWar/types.js';
import type { RunSummary } from '../marketModel/summary.js';

/** The console summary's width: no line is longer (tables split their columns, sentences wrap). */
export const SUMMARY_WIDTH = 100;

/**
 * A number with thousands separators and exactly `decimals` decimals (`-` for null or not finite):
 * `67,100,000.00`, never `6.710e+7`. A column formats all its numbers with one `decimals`.
 */
export function fmtFixed(x: number | null, decimals: number): string {
  if (x === null || !Number.isFinite(x)) return '-';
  const s = x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return s === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : s; // no "-0.00"
}

/**
 * The decimals that give a column's largest magnitude `significant` significant digits (at least
 * 2 and at most 8 decimals), so prices near 2,000 and near 0.0005 both read well, each column in one format.
 */
export function decimalsFor(values: readonly (number | null)[], significant = 6): number {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs));
  const digits = max === 0 ? 1 : Math.floor(Math.log10(max)) + 1;
  return Math.min(8, Math.max(2, significant - digits));
}

const y = (x: number) => fmtFixed(x, 2);
const ratio = (x: number | null) => fmtFixed(x, 3);
const pct = (x: number | null) => (x === null ? '-' : `${fmtFixed(100 * x, 1)}%`);
const int = (x: number) => fmtFixed(x, 0);

/** A number, a percentage, a count with its failures, or `-`: such a column is aligned right. */
const NUMERIC = /^(-|[-+]?[\d,]+(\.\d+)?%?( \([\d,]+\))?)$/;

/**
 * Aligns rows of cells into columns for the terminal: numeric columns (every cell below the header
 * a number, a percentage or `-`) to the right, text to the left.
 */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const right = rows[0]!.map((_, c) => rows.length > 1 && rows.slice(1).every((r) => NUMERIC.test(r[c]!)));
  return rows.map((r) => r.map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n');
}

/**
 * A table of at most `width` columns of text: when all its columns do not fit, the first (the row's
 * name) is repeated and the others are split over several tables, in order, one blank line apart.
 */
export function fitTable(rows: readonly (readonly string[])[], width = SUMMARY_WIDTH): string {
  const colWidth = (c: number) => Math.max(...rows.map((r) => r[c]!.length));
  const groups: number[][] = [];
  let group: number[] = [];
  let used = colWidth(0);
  for (let c = 1; c < rows[0]!.length; c++) {
    if (group.length > 0 && used + 2 + colWidth(c) > width) {
      groups.push(group);
      group = [];
      used = colWidth(0);
    }
    group.push(c);
    used += 2 + colWidth(c);
  }
  groups.push(group);
  return groups.map((g) => alignTable(rows.map((r) => [r[0]!, ...g.map((c) => r[c]!)]))).join('\n\n');
}

/**
 * A sentence wrapped to `width` columns: it breaks after `; ` or `, ` (else at a space), and the
 * continuation lines are indented by two spaces.
 */
export function wrapLine(text: string, width = SUMMARY_WIDTH): string {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const head = rest.slice(0, width + 1);
    const at = Math.max(head.lastIndexOf('; '), head.lastIndexOf(', '));
    const cut = at > width / 3 ? at + 1 : head.lastIndexOf(' ') > 0 ? head.lastIndexOf(' ') : width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = `  ${rest.slice(cut).trimStart()}`;
  }
  lines.push(rest);
  return lines.join('\n');
}

/**
 * The short human summary `seqsim run` prints to stdout: at most {@link SUMMARY_WIDTH} columns,
 * each table column in one number format (Y amounts with 2 decimals, prices with the decimals their
 * magnitude needs, ratios with 3, shares as percentages), thousands separated.
 */
export function formatRunSummary(s: RunSummary): string {
  const hours = s.simulated_seconds / 3600;
  const refDecimals = decimalsFor([s.initial_ref_price, s.final_ref_price]);
  const priceDecimals = decimalsFor(s.rollups.map((r) => r.final_pool_price));
  const gasDecimals = decimalsFor(s.rollups.map((r) => r.bid_purchase_gas));
  const lines = [
    wrapLine(`${int(s.slots)} slots, ${fmtFixed(hours, 2)} h simulated; reference price ${fmtFixed(s.initial_ref_price, refDecimals)} -> ${fmtFixed(s.final_ref_price, refDecimals)} (Y per X)`),
    '',
    fitTable([
      ['rollup', 'gas', 'final price', 'mean |gap| bps', 'in fee band', 'user swaps', 'user volume Y', 'cex-dex profit Y', 'backrun profit Y', 'cross legs (failed)', 'bids paid Y', 'gas bought to bid'],
      ...s.rollups.map((r) => [
        r.rollup,
        r.gas_token,
        fmtFixed(r.final_pool_price, priceDecimals),
        fmtFixed(r.mean_abs_gap_bps, 1),
        pct(r.share_slots_in_fee_band),
        int(r.user_swaps),
        y(r.user_volume_y),
        y(r.arb_profit_y),
        y(r.backrun_profit_y),
        `${int(r.cross_arb_legs)} (${int(r.leg_failures)})`,
        y(r.winning_bids_y),
        fmtFixed(r.bid_purchase_gas, gasDecimals),
      ]),
    ]),
  ];
  if (s.searchers.length > 0) {
    lines.push(
      '',
      fitTable([
        ['searcher', 'kind', 'PnL Y', 'positions won', 'win share', 'bids paid Y'],
        ...s.searchers.map((x) => [x.searcher, x.kind, y(x.pnl_y), int(x.wins), pct(x.win_share), y(x.paid_y)]),
      ]),
    );
  }
  const c = s.concentration;
  lines.push('', wrapLine(`winners' concentration: HHI ${ratio(c.hhi)}, top-3 share ${ratio(c.top3_share)}, Nakamoto coefficient ${c.nakamoto_coefficient}; MEV-oracle accuracy (payments / value won) ${ratio(s.mev_oracle_accuracy)}`));
  const t = s.totals;
  lines.push(
    '',
    wrapLine(`MEV extracted ${y(t.mev_extracted_y)} Y (sandwiches ${y(t.sandwich_profit_y)}); proposer revenue ${y(t.proposer_revenue_y)} Y, burned ${y(t.burned_y)} Y; leg failures ${int(t.leg_failures)} losing ${y(t.leg_failure_loss_y)} Y`),
  );
  if (s.builders.length > 0) {
    const bc = s.builder_concentration;
    lines.push(
      '',
      fitTable([
        ['builder', 'blocks won', 'win share', 'received Y', 'paid Y'],
        ...s.builders.map((b) => [b.builder, int(b.wins), pct(b.win_share), y(b.received_y), y(b.paid_y)]),
      ]),
      wrapLine(`builders' concentration: HHI ${ratio(bc.hhi)}, top-3 share ${ratio(bc.top3_share)}, Nakamoto coefficient ${bc.nakamoto_coefficient}; MEV-oracle accuracy of blocks (mechanism revenue / block value) ${ratio(s.block_oracle_accuracy)}`),
    );
  }
  for (const r of s.rollups) {
    if (r.express_lane_revenue_per_round_y === null) continue;
    lines.push('', wrapLine(`Timeboost on ${r.rollup}: ${int(r.express_lane_auctions)} express-lane auctions (${int(r.express_lane_rounds_sold)} rounds sold), ${y(r.express_lane_revenue_per_round_y)} Y a round to the rollup; controllers' share of its MEV ${pct(r.express_lane_controller_share)}`));
  }
  lines.push(...formatRevenueSharing(s));
  lines.push('', wrapLine(`proposer holds ${y(s.totals.proposer_value_y)} Y of value; users' surplus vs reference ${y(s.totals.user_surplus_y)} Y`));
  return lines.join('\n');
}

/** Revenue sharing lines (only when the run shared revenue, ran counterfactuals or checked reports). */
function formatRevenueSharing(s: RunSummary): string[] {
  const r = s.reporting;
  const shared = s.rollups.some((x) => x.standalone_value_y !== 0 || x.revenue_share_y !== 0 || x.departures > 0);
  const checked = r.lie_slots > 0 || r.any.flagged_lies + r.any.false_alarms > 0;
  if (!shared && !checked) return [];
  const lines = [
    '',
    fitTable([
      ['rollup', 'received Y', 'standalone Y', 'inside', 'left', 'back', 'hidden Y', 'lost Y'],
      ...s.rollups.map((x) => [x.rollup, y(x.revenue_share_y), y(x.standalone_value_y), pct(x.member_share), int(x.departures), int(x.returns), y(x.hidden_y), y(x.lost_y)]),
    ]),
    wrapLine(`surplus of sharing v(N) − Σ v({r}) ${y(s.totals.sharing_surplus_y)} Y, positive in ${pct(s.totals.share_slots_surplus_positive)} of slots`),
  ];
  const detectors = (['public_bids', 'committee', 'audit'] as const)
    .filter((k) => r[k] !== null)
    .map((k) => `${k.replace('_', ' ')} ${pct(r[k]!.detection_rate)}, `)
    .join('');
  if (checked)
    lines.push(
      wrapLine(`reports: ${int(r.lie_slots)} lies in ${int(r.slots)} slots; detection rate ${detectors}any ${pct(r.any.detection_rate)}; false alarms ${int(r.any.false_alarms)}; hidden ${y(r.hidden_y)} Y, recovered ${y(r.recovered_y)} Y, lost ${y(r.lost_y)} Y, bonds slashed ${y(r.slashed_y)} Y; the proposer's net gain ${y(r.proposer_net_gain_y)} Y`),
    );
  return lines;
}

/** The short human summary of a bidding-war run, at most {@link SUMMARY_WIDTH} columns. */
export function formatBiddingWarSummary(s: BiddingWarSummary): string {
  const eth = (x: number | null, d = 5) => fmtFixed(x, d);
  return [
    wrapLine(`${int(s.auctions)} auctions; mean efficiency (winning bid / total signal) ${ratio(s.meanEfficiency)}; mean winning bid ${eth(s.meanWinningBidEth)} ETH; mean total signal ${eth(s.meanTotalSignalEth)} ETH; decoy wins ${int(s.decoyWins)}`),
    wrapLine(`builder concentration: HHI ${ratio(s.concentration.hhi)}, top-3 share ${ratio(s.concentration.top3_share)}, Nakamoto coefficient ${s.concentration.nakamoto_coefficient}; MEV-oracle accuracy (winning bid / winner's block value) ${ratio(s.meanMevOracleAccuracy)}`),
    '',
    fitTable([
      ['strategy', 'builders', 'win share', 'profit per win ETH', 'total profit ETH', 'mean efficiency'],
      ...Object.entries(s.byStrategy)
        .filter(([, v]) => v.builders > 0)
        .map(([k, v]) => [k, int(v.builders), pct(v.winShare), eth(v.meanProfitEth, 6), eth(v.totalProfitEth, 3), ratio(v.meanEfficiency)]),
    ]),
  ].join('\n');
}
