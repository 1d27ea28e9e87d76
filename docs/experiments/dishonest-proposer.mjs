// A dishonest proposer under revenue sharing (configs/sweeps/dishonest-proposer-detectors.json and
// configs/scenarios/dishonest-proposer.json): what does each detector catch, and what do the rollups lose?
import { claims, config, header, num, pct, runIfMain, summaryOf, sweepSummaries, table } from './_lib.mjs';

const sweep = 'configs/sweeps/dishonest-proposer-detectors.json';
const scenario = 'configs/scenarios/dishonest-proposer.json';
const names = { publicBids: 'public bids', committee: 'committee', stakeBound: 'stake bound' };
const param = (d) => `revenueSharing.reporting.detection.${d}.enabled`;

export default async function dishonestProposer() {
  const runs = sweepSummaries(sweep);
  const honest = (tolerance) => summaryOf(scenario, ['revenueSharing.reporting.delta=0', `revenueSharing.reporting.detection.committee.tolerance=${tolerance}`]).reporting;
  const noTolerance = honest(0);
  const onePercent = honest(0.01);
  const naiveOnePercent = summaryOf(scenario, ['revenueSharing.reporting.detection.committee.tolerance=0.01']).reporting;
  const { claim, verify } = claims();
  const on = (run) => Object.keys(names).filter((d) => run.params[param(d)]);
  const label = (run) => {
    const d = on(run);
    return d.length === 0 ? 'none' : d.length === 3 ? 'all three' : d.map((x) => names[x]).join(' + ');
  };
  const who = (run) => (run.params['revenueSharing.reporting.delta'] === 'strategic' ? 'strategic' : `δ = ${run.params['revenueSharing.reporting.delta']}`);
  const rate = (d) => (d === null ? '–' : pct(d.detection_rate));
  const order = (run) => [who(run) === 'strategic' ? 1 : 0, on(run).length, on(run).join()];
  const sorted = [...runs].sort((a, b) => JSON.stringify(order(a)).localeCompare(JSON.stringify(order(b))));
  const get = (delta, detectors) => runs.find((run) => run.params['revenueSharing.reporting.delta'] === delta && on(run).join() === detectors.join()).summary.reporting;
  const naive = (...d) => get(0.2, d);
  const strategic = (...d) => get('strategic', d);
  const all = ['publicBids', 'committee', 'stakeBound'];
  const cut = (r, base) => pct(1 - r.lost_y / base.lost_y, 0);
  const trueRevenue = runs[0].summary.reporting.true_revenue_y;
  const c = config(scenario);
  const { publicBids, committee, stakeBound } = c.revenueSharing.reporting.detection;
  const bonds = c.validators.map((v) => v.stake * stakeBound.stakeValueY);
  const page = [
    header('A dishonest proposer and its detectors', 'dishonest-proposer.mjs', [
      `npx seqsim sweep ${sweep}`,
      `npx seqsim run ${scenario} --set revenueSharing.reporting.delta=0 --set revenueSharing.reporting.detection.committee.tolerance=0`,
    ]),
    `The two-rollup revenue-sharing market with a ${c.revenueSharing.rule.name} split, a ${pct(c.revenueSharing.proposerCut, 0)} proposer cut, ${pct(publicBids.publicShare, 0)} of the builders' bids public, a`,
    `${committee.committeeSize}-member committee (${pct(committee.colludingFraction, 0)} colluding, ${pct(committee.valueNoiseLogSd, 0)} value noise, ${pct(committee.tolerance, 0)} tolerance) and bonds of ${stakeBound.stakeValueY} Y per unit of stake audited with`,
    `probability ${stakeBound.auditProbability}. The sweep switches each detector on and off for a naive proposer (reporting 1 − δ of its revenue) and`,
    `a strategic one (reporting the least no enabled detector would flag), ${num(runs[0].summary.slots)} slots each; the true revenue was ${num(trueRevenue)} Y.`,
    'Lie slots are slots reported below the truth; the detectors\' columns are detection rates; hidden, lost and slashed are',
    'the rollups\' part (after the proposer\'s cut), in Y; the liar\'s net gain is what it kept hidden less what flags made it',
    'pay back and the bonds it forfeited (`reporting.proposer_net_gain_y`).',
    '',
    table(['proposer', 'detectors', 'lie slots', 'public bids', 'committee', 'audit', 'false alarms', 'hidden', 'lost', 'slashed', "liar's net gain"], sorted.map((run) => {
      const r = run.summary.reporting;
      return [who(run), label(run), num(r.lie_slots), rate(r.public_bids), rate(r.committee), rate(r.audit), num(r.any.false_alarms), num(r.hidden_y), num(r.lost_y), num(r.slashed_y), num(r.proposer_net_gain_y)];
    })),
    '',
    claim(naive().lost_y === naive().hidden_y && naive('publicBids').lost_y < naive().lost_y / 2 && naive('committee').lost_y < naive().lost_y / 2,
      `A naive liar is caught by the public bids whenever the winning bid is public, and by the committee unless the winning bid came too late or colluders hold the majority: either cuts the rollups' loss by more than half (${cut(naive('publicBids'), naive())}, ${cut(naive('committee'), naive())}),`),
    claim(naive(...all).lost_y < Math.min(naive('publicBids').lost_y, naive('committee').lost_y),
      `all three by ${cut(naive(...all), naive())}.`),
    claim(runs.filter((run) => who(run) === 'strategic').every((run) => [run.summary.reporting.public_bids, run.summary.reporting.committee].every((d) => d === null || d.flagged_lies === 0)),
      'A strategic proposer is never flagged by the public bids or the committee: it hides exactly what no detector can prove, so a detector\'s value is the revenue it puts out of reach'),
    claim(strategic('publicBids', 'committee').lost_y < Math.min(strategic('publicBids').lost_y, strategic('committee').lost_y) && strategic('committee').lost_y < strategic().lost_y,
      `(public bids alone ${cut(strategic('publicBids'), strategic())} of the strategic loss, the committee ${cut(strategic('committee'), strategic())}, both ${cut(strategic('publicBids', 'committee'), strategic())}, all three ${cut(strategic(...all), strategic())}).`),
    claim(strategic('stakeBound').lost_y > strategic().lost_y / 2,
      'A stake bound audited 10% of the time barely deters large lies: the bond must be large against `auditProbability` × the revenue at stake.'),
    claim(naive('stakeBound').proposer_net_gain_y < 0 && strategic('stakeBound').proposer_net_gain_y > 0,
      `A naive liar facing the bond loses money (it forfeits ${num(Math.min(...bonds))}–${num(Math.max(...bonds))} Y bonds to hide ${num(naive('stakeBound').hidden_y / naive('stakeBound').lie_slots, 2)} Y per lie slot on average); the strategic one lies only where it pays and comes out ahead.`),
    '',
    '## False alarms',
    '',
    table(['proposer', 'committee tolerance', 'false alarms', 'overpaid, Y', 'committee detection rate'], [
      ['honest', '0', `${num(noTolerance.any.false_alarms)} (${pct(noTolerance.any.false_alarm_rate, 2)} of slots)`, num(noTolerance.overpaid_y, 1), '–'],
      ['honest', '1%', num(onePercent.any.false_alarms), num(onePercent.overpaid_y, 1), '–'],
      ['δ = 0.2', '1%', num(naiveOnePercent.any.false_alarms), num(naiveOnePercent.overpaid_y, 1), rate(naiveOnePercent.committee)],
      ['δ = 0.2', '3% (the scenario)', num(naive(...all).any.false_alarms), num(naive(...all).overpaid_y, 1), rate(naive(...all).committee)],
    ]),
    '',
    claim(noTolerance.any.false_alarms > 0 && onePercent.any.false_alarms === 0 && naiveOnePercent.committee.detection_rate >= naive(...all).committee.detection_rate,
      `False alarms need noise and no tolerance: with the committee's ${pct(committee.valueNoiseLogSd, 0)} value noise and an honest proposer, a zero tolerance flags honest reports (and makes the proposer pay above the truth); 1% tolerance removes them at no loss of detection.`),
    '',
  ].join('\n');
  verify('dishonest-proposer');
  return page;
}

await runIfMain(import.meta.url, dishonestProposer);
