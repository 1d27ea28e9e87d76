import type { BiddingWarSummary } from '../biddingWar/types.js';
import type { RunSummary } from '../marketModel/summary.js';

const fmt = (x: number, digits = 4) => (Math.abs(x) >= 1e6 ? x.toExponential(3) : x.toFixed(digits));

/** Aligns rows of cells into columns for the terminal. */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** The short human summary `seqsim run` prints to stdout. */
export function formatRunSummary(s: RunSummary): string {
  const hours = s.simulated_seconds / 3600;
  const lines = [
    `${s.slots} slots, ${hours.toFixed(2)} h simulated; reference price ${fmt(s.initial_ref_price)} -> ${fmt(s.final_ref_price)} (Y per X)`,
    '',
    alignTable([
      ['rollup', 'gas', 'final price', 'mean |gap| bps', 'in fee band', 'user swaps', 'user volume Y', 'cex-dex profit Y', 'backrun profit Y', 'cross legs (failed)', 'bids paid Y', 'gas bought to bid'],
      ...s.rollups.map((r) => [
        r.rollup,
        r.gas_token,
        fmt(r.final_pool_price),
        r.mean_abs_gap_bps.toFixed(1),
        `${(100 * r.share_slots_in_fee_band).toFixed(1)}%`,
        String(r.user_swaps),
        fmt(r.user_volume_y, 0),
        fmt(r.arb_profit_y, 2),
        fmt(r.backrun_profit_y, 2),
        `${r.cross_arb_legs} (${r.leg_failures})`,
        fmt(r.winning_bids_y, 2),
        fmt(r.bid_purchase_gas, 4),
      ]),
    ]),
  ];
  if (s.searchers.length > 0) {
    lines.push(
      '',
      alignTable([
        ['searcher', 'kind', 'PnL Y', 'positions won', 'win share', 'bids paid Y'],
        ...s.searchers.map((x) => [x.searcher, x.kind, fmt(x.pnl_y, 2), String(x.wins), `${(100 * x.win_share).toFixed(1)}%`, fmt(x.paid_y, 2)]),
      ]),
    );
  }
  const c = s.concentration;
  lines.push('', `winners' concentration: HHI ${c.hhi.toFixed(3)}, top-3 share ${c.top3_share.toFixed(3)}, Nakamoto coefficient ${c.nakamoto_coefficient}; MEV-oracle accuracy (payments / value won) ${s.mev_oracle_accuracy === null ? '-' : s.mev_oracle_accuracy.toFixed(3)}`);
  const t = s.totals;
  lines.push(
    '',
    `MEV extracted ${fmt(t.mev_extracted_y, 2)} Y (sandwiches ${fmt(t.sandwich_profit_y, 2)}); proposer revenue ${fmt(t.proposer_revenue_y, 2)} Y, burned ${fmt(t.burned_y, 2)} Y; leg failures ${t.leg_failures} losing ${fmt(t.leg_failure_loss_y, 2)} Y`,
  );
  if (s.builders.length > 0) {
    const bc = s.builder_concentration;
    lines.push(
      '',
      alignTable([
        ['builder', 'blocks won', 'win share', 'received Y', 'paid Y'],
        ...s.builders.map((b) => [b.builder, String(b.wins), `${(100 * b.win_share).toFixed(1)}%`, fmt(b.received_y, 2), fmt(b.paid_y, 2)]),
      ]),
      `builders' concentration: HHI ${bc.hhi.toFixed(3)}, top-3 share ${bc.top3_share.toFixed(3)}, Nakamoto coefficient ${bc.nakamoto_coefficient}; MEV-oracle accuracy of blocks (mechanism revenue / block value) ${s.block_oracle_accuracy === null ? '-' : s.block_oracle_accuracy.toFixed(3)}`,
    );
  }
  for (const r of s.rollups) {
    if (r.express_lane_revenue_per_round_y === null) continue;
    const share = r.express_lane_controller_share === null ? '-' : `${(100 * r.express_lane_controller_share).toFixed(1)}%`;
    lines.push('', `Timeboost on ${r.rollup}: ${r.express_lane_auctions} express-lane auctions (${r.express_lane_rounds_sold} rounds sold), ${fmt(r.express_lane_revenue_per_round_y, 2)} Y a round to the rollup; controllers' share of its MEV ${share}`);
  }
  lines.push(...formatRevenueSharing(s));
  lines.push('', `proposer holds ${fmt(s.totals.proposer_value_y, 2)} Y of value; users' surplus vs reference ${fmt(s.totals.user_surplus_y, 2)} Y`);
  return lines.join('\n');
}

/** Revenue sharing lines (only when the run shared revenue, ran counterfactuals or checked reports). */
function formatRevenueSharing(s: RunSummary): string[] {
  const r = s.reporting;
  const shared = s.rollups.some((x) => x.standalone_value_y !== 0 || x.revenue_share_y !== 0 || x.departures > 0);
  const checked = r.lie_slots > 0 || r.any.flagged_lies + r.any.false_alarms > 0;
  if (!shared && !checked) return [];
  const pct = (x: number | null) => (x === null ? '-' : `${(100 * x).toFixed(1)}%`);
  const lines = [
    '',
    alignTable([
      ['rollup', 'received Y', 'standalone Y', 'inside', 'left', 'back', 'hidden Y', 'lost Y'],
      ...s.rollups.map((x) => [x.rollup, fmt(x.revenue_share_y, 2), fmt(x.standalone_value_y, 2), pct(x.member_share), String(x.departures), String(x.returns), fmt(x.hidden_y, 2), fmt(x.lost_y, 2)]),
    ]),
    `surplus of sharing v(N) − Σ v({r}) ${fmt(s.totals.sharing_surplus_y, 2)} Y, positive in ${pct(s.totals.share_slots_surplus_positive)} of slots`,
  ];
  const detectors = (['public_bids', 'committee', 'audit'] as const)
    .filter((k) => r[k] !== null)
    .map((k) => `${k.replace('_', ' ')} ${pct(r[k]!.detection_rate)}, `)
    .join('');
  if (checked)
    lines.push(
      `reports: ${r.lie_slots} lies in ${r.slots} slots; detection rate ${detectors}any ${pct(r.any.detection_rate)}; false alarms ${r.any.false_alarms}; hidden ${fmt(r.hidden_y, 2)} Y, recovered ${fmt(r.recovered_y, 2)} Y, lost ${fmt(r.lost_y, 2)} Y, bonds slashed ${fmt(r.slashed_y, 2)} Y; the proposer's net gain ${fmt(r.proposer_net_gain_y, 2)} Y`,
    );
  return lines;
}

/** The short human summary of a bidding-war run. */
export function formatBiddingWarSummary(s: BiddingWarSummary): string {
  const f = (x: number | null, d = 5) => (x === null ? '-' : x.toFixed(d));
  return [
    `${s.auctions} auctions; mean efficiency (winning bid / total signal) ${f(s.meanEfficiency, 3)}; mean winning bid ${f(s.meanWinningBidEth)} ETH; mean total signal ${f(s.meanTotalSignalEth)} ETH; decoy wins ${s.decoyWins}`,
    `builder concentration: HHI ${f(s.concentration.hhi, 3)}, top-3 share ${f(s.concentration.top3_share, 3)}, Nakamoto coefficient ${s.concentration.nakamoto_coefficient}; MEV-oracle accuracy (winning bid / winner's block value) ${f(s.meanMevOracleAccuracy, 3)}`,
    '',
    alignTable([
      ['strategy', 'builders', 'win share', 'profit per win ETH', 'total profit ETH', 'mean efficiency'],
      ...Object.entries(s.byStrategy)
        .filter(([, v]) => v.builders > 0)
        .map(([k, v]) => [k, String(v.builders), `${(100 * v.winShare).toFixed(1)}%`, f(v.meanProfitEth, 6), f(v.totalProfitEth, 3), f(v.meanEfficiency, 3)]),
    ]),
  ].join('\n');
}
