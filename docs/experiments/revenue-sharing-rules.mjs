// Revenue-sharing split rules and governance (configs/sweeps/revenue-sharing-rules.json and
// revenue-sharing-3-rollups-rules.json): which rules keep every rollup in the shared sequencer?
import { claims, header, num, pct, rollup, runIfMain, sweepSummaries, table } from './_lib.mjs';

const sweeps = { two: 'configs/sweeps/revenue-sharing-rules.json', three: 'configs/sweeps/revenue-sharing-3-rollups-rules.json' };
const valueBased = ['variable', 'shapley', 'banzhaf', 'drop-out'];

function ruleLabel(rule) {
  if (rule.name === 'fixed') return `fixed (${rule.shares.map((s) => num(s, 2)).join(', ')})`;
  if (rule.name === 'drop-out') return `drop-out (${rule.rounds} rounds)`;
  return rule.name;
}

function cellOf(r) {
  const out = [r.member_share < 1 ? pct(r.member_share, 0) : '100%'];
  if (r.departures > 0) out.push(`left ${r.departures}×`);
  if (r.returns > 0) out.push(`back ${r.returns}×`);
  return `${num(r.revenue_share_y)} / ${num(r.standalone_value_y)} (${out.join(', ')})`;
}

function rulesTable(runs, ids) {
  return table(['rule', 'cost, Y/slot', ...ids, 'surplus Σ, Y'], runs.map((run) => [
    ruleLabel(run.params['revenueSharing.rule']), num(run.params['revenueSharing.governance.ownSequencerCostY'], 1),
    ...ids.map((id) => cellOf(rollup(run.summary, id))), num(run.summary.totals.sharing_surplus_y, 1),
  ]));
}

export default async function revenueSharingRules() {
  const two = sweepSummaries(sweeps.two);
  const three = sweepSummaries(sweeps.three);
  const { claim, verify } = claims();
  const rule = (run) => run.params['revenueSharing.rule'].name;
  const cost = (run) => run.params['revenueSharing.governance.ownSequencerCostY'];
  const allIn = (run) => run.summary.rollups.every((r) => r.member_share === 1);
  const anyLeft = (run) => run.summary.rollups.some((r) => r.departures > 0);
  const both = [...two, ...three];
  const find = (runs, name, c) => runs.find((run) => rule(run) === name && cost(run) === c);
  const everyoneIn = [find(two, 'shapley', 0.1), find(three, 'shapley', 0.1)];
  const bAlone = rollup(find(three, 'shapley', 0).summary, 'B');
  const bInside = rollup(find(three, 'shapley', 0.1).summary, 'B');
  const page = [
    header('Revenue sharing: split rules and governance', 'revenue-sharing-rules.mjs', [
      `npx seqsim sweep ${sweeps.two}`,
      `npx seqsim sweep ${sweeps.three}`,
    ]),
    'Each sweep runs every split rule with an own-sequencer cost of 0 and 0.1 Y per slot on the scenario\'s seed',
    '(`configs/scenarios/revenue-sharing.json` and `revenue-sharing-3-rollups.json`: no proposer cut, governance with a',
    'patience of 3 epochs of 32 slots). Each rollup\'s cell: total received / total standalone value v({r}), in Y (share of',
    'slots inside the shared sequencer, times it left and came back); the last column is v(N) − Σ v({r}) summed over slots.',
    '',
    '## Two rollups',
    '',
    rulesTable(two, ['A', 'B']),
    '',
    '## Three rollups (C is small)',
    '',
    rulesTable(three, ['A', 'B', 'C']),
    '',
    '## What this says',
    '',
    claim(everyoneIn.every((run) => allIn(run) && run.summary.totals.sharing_surplus_y < 0 && run.summary.totals.share_slots_surplus_positive < 0.05),
      `1. The surplus of sharing is slightly **negative** here (${everyoneIn.map((run) => `${num(run.summary.totals.sharing_surplus_y, 1)} Y`).join(' and ')} over ` +
      `${num(everyoneIn[0].summary.slots)} slots with everyone in; positive in only ${everyoneIn.map((run) => pct(run.summary.totals.share_slots_surplus_positive)).join(' and ')} of slots): ` +
      'atomic cross-rollup arbitrage adds value only a shared sequencer can sell, but it is rare, and with builders of different skill and ' +
      "margin the best builder for A's block need not be the best for B's (v(N) = max over builders of the sum ≤ the sum of per-rollup maxima), " +
      'and greedy building sometimes takes an atomic bundle over two single-rollup bundles worth more.'),
    claim(both.filter((run) => valueBased.includes(rule(run)) && cost(run) === 0).every(anyLeft),
      '2. So with no cost of running one\'s own sequencer, no value-based rule keeps everyone in: under each, some rollup leaves.'),
    claim(both.filter((run) => valueBased.includes(rule(run)) && cost(run) === 0.1).every(allIn),
      '3. A cost of 0.1 Y per slot is enough *by the governance\'s own estimate*: the value-based rules (variable, Shapley, Banzhaf, drop-out) keep every rollup in, close to each standalone value;'),
    claim(both.filter((run) => !valueBased.includes(rule(run)) && cost(run) === 0.1).every(anyLeft),
      '   fixed and fee-proportional shares are transfers that drive out a rollup they underpay.'),
    claim(bAlone.departures > 0 && bAlone.revenue_share_y > bInside.standalone_value_y,
      `4. Standalone values are not fixed: once a rollup is out, cross-rollup searchers bid leg by leg on it and its own auctions earn more (B of three alone, at cost 0: ${num(bAlone.revenue_share_y)} Y; its standalone value while inside, at cost 0.1: ${num(bInside.standalone_value_y)} Y). ` +
      "The governance's estimate v({r}) is priced on this slot's bundles, which searchers shaped for the current membership (atomic while inside), so it misses that adaptation; " +
      "pricing the outside option with the bundles searchers would send after leaving needs searchers' counterfactual bids."),
    '',
  ].join('\n');
  verify('revenue-sharing-rules');
  return page;
}

await runIfMain(import.meta.url, revenueSharingRules);
