// Selling blocks ahead of time (slot auction, APS-burn, execution tickets with lookahead) vs in the
// slot (first-price, block auction with a deadline) (configs/scenarios/ahead-of-time.json).
import { claims, header, num, runIfMain, summaryOf, table } from './_lib.mjs';

const file = 'configs/scenarios/ahead-of-time.json';
const mechanisms = [
  ['slot-auction, 8 ahead', []],
  ['aps-burn, 8 ahead', ['mechanism={"name":"aps-burn","leadSlots":8}']],
  ['execution tickets, 8 ahead', ['mechanism={"name":"execution-tickets","lookaheadSlots":8,"ticketPrice":0.01}']],
  ['block-auction, 1 s deadline', ['mechanism={"name":"block-auction","bidDeadlineMs":1000}']],
  ['first-price in the slot', ['mechanism={"name":"first-price"}']],
];

export default async function aheadOfTime() {
  const runs = mechanisms.map(([, sets]) => summaryOf(file, sets));
  const [slot, aps, tickets, block, jit] = runs;
  const { claim, verify } = claims();
  const ratio = (x) => (x === null || x === undefined ? '–' : num(x, 3));
  const late = (s) => s.rollups.reduce((a, r) => a + r.late_bundles, 0);
  const page = [
    header('Selling the block ahead of time vs in the slot', 'ahead-of-time.mjs', mechanisms.map(([label, sets]) => `npx seqsim run ${file}${sets.map((x) => ` --set '${x}'`).join('')}   # ${label}`)),
    'The shared-vs-separate market (two rollups, CEX-DEX arbitrageurs, backrunners and a cross-rollup',
    'arbitrageur) with three builders of different skill bidding the complete-information equilibrium of the',
    'mechanism, 2,000 slots on one seed. A block sold ahead is bid on each builder\'s expectation of a block (its',
    'moving average of its own candidate blocks); the winner builds with what exists when the slot comes.',
    '"Oracle accuracy" is what the blocks fetched ÷ the best candidate block\'s value; "just in time" is what the',
    'same mechanism would have fetched selling each block in its slot, the builders bidding on the values then.',
    'Figures from `summary.json` (Y):',
    '',
    table(['mechanism', 'proposer revenue, Y', 'burned, Y', 'oracle accuracy', 'just in time', 'block efficiency', 'builder HHI', 'late bundles'],
      mechanisms.map(([label], i) => {
        const s = runs[i];
        return [label, num(s.totals.proposer_revenue_y), num(s.totals.burned_y), ratio(s.ahead_of_time?.oracle_accuracy ?? s.block_oracle_accuracy), ratio(s.ahead_of_time?.just_in_time_oracle_accuracy), ratio(s.block_efficiency), ratio(s.builder_concentration.hhi), num(late(s))];
      })),
    '',
    `On this seed the early sale fetched ${num(slot.ahead_of_time.oracle_accuracy, 3)} of the best block's value against ${num(slot.ahead_of_time.just_in_time_oracle_accuracy, 3)} just in time, and the best block was built ${num(100 * slot.block_efficiency, 1)}% of the time (value-weighted) against ${num(100 * jit.block_efficiency, 1)}% in the slot. With exact expectations theory orders the revenues the other way (equilibrium first-price revenue is the second-highest value, and by Jensen E[min] ≤ min E, so the second-highest expectation is at least the expected second-highest value); the builders here estimate their expectations from a moving average of heavy-tailed block values, and which way the estimate errs decides the sign.`,
    '',
    claim(aps.totals.burned_y > 0 && Math.abs(aps.totals.proposer_revenue_y + aps.totals.burned_y - aps.totals.ahead_price_y) <= 1e-6 * aps.totals.ahead_price_y,
      'APS-burn sells the same right with mev-burn\'s committee floor: what the builders pay splits into the burn and the proposer\'s part.'),
    claim(late(block) > 0 && late(slot) === 0,
      `The block auction commits 1 s into the slot: ${num(late(block))} bundles arrived later and were left out of the block (their searchers bid again next slot), and the users who arrived after the deadline waited for the next block.`),
    claim(tickets.execution_tickets !== null && tickets.execution_tickets.capture > 0 && tickets.execution_tickets.redeemed_capture < tickets.execution_tickets.capture,
      `Execution tickets bought ahead capture ${num(tickets.execution_tickets?.capture, 3)} of the value of the blocks built (burned ticket proceeds ÷ block value, Burian, Crapis & Saleh 2024) — but most tickets bought are never drawn within the run (${num(tickets.execution_tickets?.tickets_outstanding)} outstanding at the end), so that ratio grows with the run's length; the tickets that did build the run's blocks cost ${num(tickets.execution_tickets?.redeemed_capture, 3)} of their value (\`redeemed_capture\`), with ${num(100 * (tickets.execution_tickets?.resale_share ?? 0), 1)}% of slots resold to a builder that valued them more.`),
    '',
    'What this leaves out: expectations are a moving average of the builder\'s own candidates, not a model of',
    'the coming slot; the first 8 slots of a run, which no early sale reached, are sold in the slot.',
    '',
  ].join('\n');
  verify('ahead-of-time');
  return page;
}

await runIfMain(import.meta.url, aheadOfTime);
