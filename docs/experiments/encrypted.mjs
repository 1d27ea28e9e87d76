// An encrypted mempool on rollup A (configs/scenarios/encrypted.json): what happens when A's order is
// committed before contents are revealed?
import { claims, header, num, pct, rollup, runIfMain, summaryOf, table } from './_lib.mjs';

const file = 'configs/scenarios/encrypted.json';

export default async function encrypted() {
  const enc = rollup(summaryOf(file), 'A');
  const auction = rollup(summaryOf(file, ['rollups.0.ordering=auction']), 'A');
  const { claim, verify } = claims();
  const row = (label, f) => [label, f(enc), f(auction)];
  const page = [
    header('Encrypted mempool', 'encrypted.mjs', [
      `npx seqsim run ${file}                                   # A: encrypted`,
      `npx seqsim run ${file} --set rollups.0.ordering=auction   # A: auction`,
    ]),
    'The same world as [FCFS vs auction](fcfs-vs-auction.md); rollup A\'s order is committed before its contents are',
    'revealed, so no bundle can target a swap of the same block. Rollup A\'s figures from `summary.json` (Y):',
    '',
    table(['rollup A', 'encrypted', 'auction'], [
      row('sandwiches / backruns', (r) => `${num(r.sandwiches)} / ${num(r.backruns)}`),
      row('CEX-DEX profit (top of the next block), Y', (r) => num(r.arb_profit_y)),
      row('MEV extracted, Y', (r) => num(r.mev_extracted_y)),
      row("users' surplus vs reference, Y", (r) => num(r.user_surplus_y)),
      row('mean \\|gap\\| to the reference; slots inside the fee band', (r) => `${num(r.mean_abs_gap_bps, 1)} bp; ${pct(r.share_slots_in_fee_band)}`),
      row('proposer revenue from A, Y', (r) => num(r.proposer_revenue_y)),
    ]),
    '',
    claim(enc.sandwiches === 0 && enc.backruns === 0,
      'No sandwich ever executes on an encrypted rollup and nothing backruns its swaps:'),
    claim(enc.mean_abs_gap_bps > auction.mean_abs_gap_bps && enc.arb_profit_y > auction.arb_profit_y,
      "the price impact users leave stays in the pool until the next block's CEX-DEX arbitrageur takes it, which is why A's price sits farther from the reference"),
    claim(enc.mev_extracted_y > 0.8 * auction.mev_extracted_y,
      `and MEV barely falls (${pct(enc.mev_extracted_y / auction.mev_extracted_y - 1)}): it mostly moves from backrunners to the top-of-block arbitrageur.`),
    claim(enc.user_surplus_y > auction.user_surplus_y, 'Users lose less than under the auction,'),
    claim(enc.proposer_revenue_y < auction.proposer_revenue_y, "and the proposer's revenue from A is lower."),
    '',
  ].join('\n');
  verify('encrypted');
  return page;
}

await runIfMain(import.meta.url, encrypted);
