// Restaking for the shared sequencer (configs/scenarios/restaking-security.json): as the sequencer's
// revenue grows, does the restaked stake still cost more to corrupt than corrupting it pays, and what
// does restaking the same stake to other services do to that margin?
import { claims, header, num, pct, runIfMain, summaryOf, table } from './_lib.mjs';

const file = 'configs/scenarios/restaking-security.json';
const demand = (m) => [`rollups.0.users.medianSizeY=${2000 * m}`, `rollups.1.users.medianSizeY=${2000 * m}`];

export default async function restakingSecurity() {
  const levels = [1, 2, 4, 8];
  const byDemand = levels.map((m) => summaryOf(file, demand(m)));
  const atFour = demand(4);
  const variants = [
    ['sequencer + oracle + data availability (the scenario)', byDemand[2]],
    ['sequencer only (services: [])', summaryOf(file, [...atFour, 'restaking.services=[]'])],
    ['+ services, twice the stake value (stakeValueY 200)', summaryOf(file, [...atFour, 'restaking.stakeValueY=200'])],
    ['+ services, revenue diverted for 1 epoch, not 2', summaryOf(file, [...atFour, 'restaking.revenueEpochs=1'])],
  ];
  const revenue = (s) => s.rollups.reduce((a, r) => a + r.proposer_revenue_y, 0);
  const epochRevenue = (s) => revenue(s) / (s.slots / 32);
  const insecure = (s) => s.restaking.insecure_epochs / s.restaking.epochs;
  const { claim, verify } = claims();
  const r1 = byDemand[0].restaking;
  const [alone, withServices, doubled] = [variants[1][1], variants[0][1], variants[2][1]];
  const page = [
    header('Restaking: profit vs cost of corrupting the shared sequencer', 'restaking-security.mjs', [
      `npx seqsim run ${file}`,
      `npx seqsim run ${file} --set rollups.0.users.medianSizeY=8000 --set rollups.1.users.medianSizeY=8000`,
      `npx seqsim run ${file} --set rollups.0.users.medianSizeY=8000 --set rollups.1.users.medianSizeY=8000 --set 'restaking.services=[]'`,
    ]),
    'The baseline\'s two rollups and searchers share one sequencer. Five of six validators restake to it (only',
    'they propose its super-blocks) and take 5 % of its revenue by stake; the same operators restake to an oracle',
    '(8,000 Y to whoever holds half its stake) and four of them plus a solo validator to a data-availability',
    'committee (6,000 Y at a third). At each epoch\'s end (32 slots) the run measures the profit from corrupting',
    'the sequencer, PfC = 5,000 Y at risk + 2 epochs of its revenue, against the stake at risk of the cheapest',
    'coalition holding a third of its restaked stake (cost of corruption, CoC), and the margin: the least, over',
    'every coalition of operators, of its stake at risk minus the profit of all it controls (Durvasula &',
    'Roughgarden, "Robust Restaking Networks", ITCS 2025: an exhaustive search over the 2^6 coalitions).',
    'Revenue grows with the users\' median swap size (all else equal); 2,000 slots, one seed. Figures from',
    '`summary.json` (`restaking`, `rollups[].proposer_revenue_y`):',
    '',
    table(['median swap, Y', 'revenue per epoch, Y', 'mean PfC, Y', 'CoC, Y', 'least margin, Y', 'insecure epochs'],
      byDemand.map((s, i) => [num(2000 * levels[i]), num(epochRevenue(s)), num(s.restaking.mean_profit_from_corruption_y), num(s.restaking.last_cost_of_corruption_y), num(s.restaking.min_margin_y), `${s.restaking.insecure_epochs} of ${s.restaking.epochs} (${pct(insecure(s), 0)})`])),
    '',
    claim(r1.insecure_epochs === 0 && byDemand.every((s) => s.restaking.last_cost_of_corruption_y === r1.last_cost_of_corruption_y),
      `At the baseline\'s demand no epoch is insecure; the cost of corruption stays ${num(r1.last_cost_of_corruption_y)} Y whatever the demand (the stake does not move),`),
    claim(byDemand.every((s, i) => i === 0 || s.restaking.mean_profit_from_corruption_y > byDemand[i - 1].restaking.mean_profit_from_corruption_y) && byDemand.every((s, i) => i === 0 || insecure(s) >= insecure(byDemand[i - 1])) && insecure(byDemand[3]) > 0.5,
      'while the profit from corruption grows with the revenue, so ever more epochs end with some coalition able to profit: past a few times the baseline\'s swap size the restaked stake no longer covers two epochs of revenue. Security bought with a fixed stake erodes as the MEV it guards grows.'),
    '',
    'At four times the baseline\'s swap size, what restaking the same stake elsewhere, more stake, or a shorter',
    'window of diverted revenue do:',
    '',
    table(['variant', 'mean PfC, Y', 'least margin, Y', 'insecure epochs'],
      variants.map(([label, s]) => [label, num(s.restaking.mean_profit_from_corruption_y), num(s.restaking.min_margin_y), `${s.restaking.insecure_epochs} of ${s.restaking.epochs} (${pct(insecure(s), 0)})`])),
    '',
    claim(alone.restaking.min_margin_y > withServices.restaking.min_margin_y && insecure(alone) <= insecure(withServices),
      'Restaking the same stake to the oracle and the committee lowers the margin: a coalition that controls the sequencer often controls them too, and their profits add up against one stake at risk (the "leverage" the panel of seed 004 worries about).'),
    claim(insecure(doubled) <= insecure(withServices) && doubled.restaking.min_margin_y > withServices.restaking.min_margin_y,
      'Doubling the stake\'s value raises every coalition\'s cost and the margin with it.'),
    '',
    'What this leaves out: the stake does not respond (operators neither join when rewards rise nor leave when',
    'slashing risk does; the staking issue\'s delegation is a separate layer), an attack is only measured, never',
    'carried out, and the profit from corrupting the sequencer is a stylised multiple of its revenue.',
    '',
  ].join('\n');
  verify('restaking-security');
  return page;
}

await runIfMain(import.meta.url, restakingSecurity);
