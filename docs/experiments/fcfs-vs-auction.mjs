// FCFS vs auction ordering on rollup A (configs/scenarios/fcfs-vs-auction.json, sandwichers on both
// rollups): what do users and the proposer gain or lose when A orders first-come-first-served?
import { claims, header, num, pct, rollup, runIfMain, summaryOf, table } from './_lib.mjs';

const file = 'configs/scenarios/fcfs-vs-auction.json';

export default async function fcfsVsAuction() {
  const fcfs = rollup(summaryOf(file), 'A');
  const auction = rollup(summaryOf(file, ['rollups.0.ordering=auction']), 'A');
  const { claim, verify } = claims();
  const row = (label, f) => [label, f(fcfs), f(auction)];
  const page = [
    header('FCFS vs auction ordering', 'fcfs-vs-auction.mjs', [
      `npx seqsim run ${file}                                   # A: fcfs`,
      `npx seqsim run ${file} --set rollups.0.ordering=auction   # A: auction`,
    ]),
    'The two-rollup world with users, CEX-DEX arbitrageurs, backrunners and sandwichers on both rollups and three',
    'builders bidding first-price; only rollup A\'s ordering policy changes, on the same seed. Rollup A\'s figures from',
    '`summary.json` (Y):',
    '',
    table(['rollup A', 'fcfs', 'auction'], [
      row('sandwiches (profit, Y)', (r) => (r.sandwiches === 0 ? '0' : `${num(r.sandwiches)} (${num(r.sandwich_profit_y)})`)),
      row('backruns (profit, Y)', (r) => `${num(r.backruns)} (${num(r.backrun_profit_y)})`),
      row('CEX-DEX profit, Y', (r) => num(r.arb_profit_y)),
      row("users' surplus vs reference, Y", (r) => num(r.user_surplus_y)),
      row("users' swaps reverted", (r) => num(r.user_failed)),
      row('proposer revenue from A, Y', (r) => num(r.proposer_revenue_y)),
    ]),
    '',
    claim(fcfs.sandwiches === 0 && auction.sandwiches > 0,
      'Under FCFS nothing goes ahead of an earlier swap, so sandwiches vanish (a test checks every block);'),
    claim(fcfs.user_surplus_y > auction.user_surplus_y,
      `users keep ${num(fcfs.user_surplus_y - auction.user_surplus_y)} Y more.`),
    claim(fcfs.proposer_revenue_y < 0.5 * auction.proposer_revenue_y,
      `But A's positions are no longer sold, so the proposer's revenue from A falls by ${pct(1 - fcfs.proposer_revenue_y / auction.proposer_revenue_y, 0)},`),
    claim(fcfs.backrun_profit_y >= 0.5 * auction.backrun_profit_y,
      'while backrunners, racing on latency instead of bidding, keep what they take.'),
    '',
  ].join('\n');
  verify('fcfs-vs-auction');
  return page;
}

await runIfMain(import.meta.url, fcfsVsAuction);
