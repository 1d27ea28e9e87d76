// Arbitrum's Timeboost vs FCFS vs auction vs priority-fee ordering on one rollup
// (configs/scenarios/timeboost.json): who takes the rollup's MEV, and who is paid for it, when the
// express lane is sold each round, or when positions go by priority fee (OP Stack, Base)?
import { claims, header, num, pct, rollup, runIfMain, searcher, summaryOf, table } from './_lib.mjs';

const file = 'configs/scenarios/timeboost.json';

export default async function timeboost() {
  const runs = ['timeboost', 'fcfs', 'auction', 'priority-fee'].map((o) => summaryOf(file, o === 'timeboost' ? [] : [`rollups.0.ordering=${o}`]));
  const [tb, fcfs, auction, priority] = runs.map((s) => rollup(s, 'A'));
  const [tbRun, fcfsRun, , priorityRun] = runs;
  const { claim, verify } = claims();
  const row = (label, f) => [label, ...runs.map((s) => f(rollup(s, 'A'), s))];
  const backrunWins = (s) => `${num(searcher(s, 'backrun-fast').wins)} / ${num(searcher(s, 'backrun-slow').wins)}`;
  const searcherNet = (s) => s.searchers.reduce((a, x) => a + x.pnl_y, 0);
  const page = [
    header('Timeboost vs FCFS vs auction vs priority-fee ordering', 'timeboost.mjs', [
      `npx seqsim run ${file}                                   # A: timeboost`,
      `npx seqsim run ${file} --set rollups.0.ordering=fcfs      # A: fcfs`,
      `npx seqsim run ${file} --set rollups.0.ordering=auction   # A: auction`,
      `npx seqsim run ${file} --set rollups.0.ordering=priority-fee   # A: priority-fee`,
    ]),
    'One rollup with users, two CEX-DEX arbitrageurs and two backrunners (one fast, 20 ms, and one slow, 120 ms, of',
    'each), all bidding truthfully, and two builders bidding first-price; only the rollup\'s ordering policy changes,',
    'on the same seed. Under Timeboost (Arbitrum\'s deployed defaults, OffchainLabs\' timeboost-design spec) each',
    '60 s round\'s express lane is sold 15 s ahead in a sealed-bid second-price auction, each searcher bidding its',
    'expected value of a round (its average opportunities per slot × 30 slots), and every transaction but the',
    'controller\'s waits 200 ms. Under priority-fee ordering (OP Stack, Base) the rollup\'s sequencer orders each',
    'block by priority fee: searchers pay their bids as fees, each position goes to the highest, and the rollup',
    'keeps the fees (the "MEV tax" of Robinson & White 2024). Figures from `summary.json` (Y):',
    '',
    table(['rollup A', 'timeboost', 'fcfs', 'auction', 'priority-fee'], [
      row("express-lane controllers' share of the MEV", (r) => (r.express_lane_controller_share === null ? '–' : pct(r.express_lane_controller_share))),
      row('express-lane auctions (rounds sold)', (r) => (r.express_lane_auctions === 0 ? '–' : `${num(r.express_lane_auctions)} (${num(r.express_lane_rounds_sold)})`)),
      row('auction revenue per round, Y', (r) => (r.express_lane_revenue_per_round_y === null ? '–' : num(r.express_lane_revenue_per_round_y))),
      row('priority fees to the rollup, Y', (r) => num(r.priority_fee_y ?? 0)),
      row("rollup's revenue (express lane + priority + data fees), Y", (_r, s) => num(s.totals.rollup_fees_value_y)),
      row('proposer revenue from A, Y', (r) => num(r.proposer_revenue_y)),
      row('MEV extracted (backruns + CEX-DEX), Y', (r) => num(r.mev_extracted_y)),
      row('backruns won, fast / slow', (_r, s) => backrunWins(s)),
      row("searchers' net PnL, Y", (_r, s) => num(searcherNet(s))),
      row("users' surplus vs reference, Y", (r) => num(r.user_surplus_y)),
    ]),
    '',
    claim(tb.express_lane_controller_share > 0.9,
      `Under Timeboost each round's controller makes ${pct(tb.express_lane_controller_share, 0)} of the rollup's MEV: it is first behind every swap, the 200 ms delay outweighing the rival's 100 ms head start (a test checks the race).`),
    claim(tb.express_lane_revenue_per_round_y > 0 && tb.express_lane_revenue_y > 0.8 * tb.mev_extracted_y,
      `The two backrunners value a round alike, so the second price is close to the value: the auction raises ${num(tb.express_lane_revenue_per_round_y)} Y a round, ${pct(tb.express_lane_revenue_y / tb.mev_extracted_y, 0)} of the MEV, for the rollup (the DAO),`),
    claim(Math.abs(tbRun.totals.rollup_fees_value_y - auction.proposer_revenue_y) < 0.1 * auction.proposer_revenue_y,
      'about what selling positions block by block gives the proposer under auction ordering;'),
    claim(fcfs.proposer_revenue_y === 0 && fcfsRun.totals.rollup_fees_value_y < 0.01 * tbRun.totals.rollup_fees_value_y && searcherNet(fcfsRun) > 10 * Math.max(1, searcherNet(tbRun)),
      'under plain FCFS nobody is paid for the order and the fastest backrunner keeps the MEV.'),
    claim(priority.proposer_revenue_y === 0 && Math.abs(priority.priority_fee_y - priority.mev_extracted_y) < 0.05 * priority.mev_extracted_y && priorityRun.totals.rollup_fees_value_y > auction.proposer_revenue_y,
      `Under priority-fee ordering the rollup itself keeps ${num(priority.priority_fee_y)} Y of priority fees, ${pct(priority.priority_fee_y / priority.mev_extracted_y, 0)} of the MEV extracted: two searchers of each kind bid their value for the same positions, so competition passes the whole opportunity through the fee (Robinson & White 2024; a little more than what the trades then realise, since bids are made on the value seen before the block, hence the searchers' small loss), and nothing reaches builders or the proposer; under auction ordering the proposer gets the value less the builders' margins.`),
    claim(Math.abs(tb.user_surplus_y - fcfs.user_surplus_y) < 0.01 * Math.abs(fcfs.user_surplus_y) && Math.abs(tb.user_surplus_y - auction.user_surplus_y) < 0.01 * Math.abs(auction.user_surplus_y) && Math.abs(priority.user_surplus_y - auction.user_surplus_y) < 0.01 * Math.abs(auction.user_surplus_y),
      "Users' surplus barely moves: nobody can sandwich them under any of the four (no sandwichers here, and no one sees a swap before it is sequenced under FCFS or Timeboost); backruns only take what the price moved after them. The delay costs users 200 ms, not value, in this model."),
    '',
    'What this leaves out: the first round has no controller (its auction would close before the run); the',
    'last auction sells a round that may end after the run; a learner bids on the express lane with its',
    'current shading but learns only from its position auctions.',
    '',
  ].join('\n');
  verify('timeboost');
  return page;
}

await runIfMain(import.meta.url, timeboost);
