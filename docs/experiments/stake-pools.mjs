// Stake pools chasing MEV (configs/scenarios/stake-pools.json, issue 19): does MEV sophistication
// concentrate stake, and do mev-burn and mev-smoothing flatten it?
import { claims, header, num, pct, runIfMain, summaryOf, table } from './_lib.mjs';

const file = 'configs/scenarios/stake-pools.json';

/**
 * Tullock equilibrium shares of the staking game (Bahrani, Garimidi & Roughgarden 2024,
 * arXiv:2401.12120, §3): xᵢ = 1 − (k − 1)/(vᵢ Σⱼ 1/vⱼ) over the active pools (test/marketModel/staking.test.ts derives it).
 */
function tullockShares(values) {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  let k = order.length;
  const inv = (n) => order.slice(0, n).reduce((a, o) => a + 1 / o.v, 0);
  while (k > 1 && 1 - (k - 1) / (order[k - 1].v * inv(k)) <= 0) k--;
  const shares = values.map(() => 0);
  for (const o of order.slice(0, k)) shares[o.i] = 1 - (k - 1) / (o.v * inv(k));
  return shares;
}

export default async function stakePools() {
  const runs = ['first-price', 'mev-burn', 'mev-smoothing'].map((m) => ({ m, s: summaryOf(file, m === 'first-price' ? [] : [`mechanism.name=${m}`]) }));
  // A liquid-staking protocol of 200 delegators (6,400 stake) over the three pools, under first-price.
  const lstSet = (rule) => `staking.liquidStaking={"members":["pool-a","pool-b","pool-c"],"rule":"${rule}","delegators":200,"fee":0.1}`;
  runs.push(...['equal', 'performance'].map((rule) => ({ m: `lst-${rule}`, s: summaryOf(file, [lstSet(rule)]) })));
  const [fp, burn, smooth, lstEqual, lstPerf] = runs.map((r) => r.s);
  const { claim, verify } = claims();
  const cfg = (await import('node:fs')).readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const staking = JSON.parse(cfg).staking;
  const epochSlots = JSON.parse(cfg).clock.slotsPerEpoch;
  // vᵢ per epoch: (1 − commission)·(issuance + sophistication · the proposers' mean MEV per block) · blocks per epoch.
  const mevPerBlock = fp.totals.proposer_revenue_y / fp.slots;
  const theory = tullockShares(staking.pools.map((p) => (1 - p.commission) * (staking.issuancePerBlockY + p.mevSophistication * mevPerBlock) * epochSlots));
  // Stake at the end that is not the liquid-staking protocol's (operators' own and independent delegators').
  const independent = (s) => s.staking.total_stake * (1 - s.staking.liquid_staking.stake_share);
  const row = (label, f) => [label, ...runs.map((r) => f(r.s))];
  const shares = (s) => s.staking.mean.pool_shares.map((x) => pct(x)).join(' / ');
  const page = [
    header('Stake pools chasing MEV', 'stake-pools.mjs', [
      `npx seqsim run ${file}                                   # first-price`,
      `npx seqsim run ${file} --set mechanism.name=mev-burn`,
      `npx seqsim run ${file} --set mechanism.name=mev-smoothing`,
      `npx seqsim run ${file} --set '${lstSet('equal')}'`,
      `npx seqsim run ${file} --set '${lstSet('performance')}'`,
    ]),
    `${num(fp.slots)} slots (${num(fp.slots / epochSlots)} epochs of ${epochSlots}) of the two-rollup shared-sequencer market with three builders; six`,
    'validators run by three pools with equal commission (10%) that differ only in MEV sophistication (1, 0.6, 0.3: the',
    "share of the proposer's MEV revenue each captures). Issuance is 1 Y per block. Each epoch the pools' delegators move",
    "a quarter of the way to each pool's best response in the Tullock staking game (Bahrani, Garimidi & Roughgarden 2024),",
    'valuing a pool by the MEV the chain paid its proposers over the last 8 epochs. Shares and concentration are means over',
    "the epochs (`summary.json` → `staking.mean`); reward dispersion is over validators' rewards per unit of stake.",
    'The last two columns add, under first-price, a liquid-staking protocol of 200 delegators (6,400 stake, fee 10%) that',
    'allocates over the three pools equally or by performance (each pool\'s net return per unit of stake over the window),',
    'reallocating each epoch; its token\'s exchange rate accrues its net rewards (Y per unit of stake, rewards not restaked).',
    '',
    table(['', 'first-price', 'mev-burn', 'mev-smoothing', 'first-price + LST (equal)', 'first-price + LST (performance)'], [
      row('stake shares (pool a / b / c)', shares),
      row('stake HHI by pool (1/3 = equal)', (s) => num(s.staking.mean.pool_hhi, 3)),
      row('Nakamoto coefficient by pool', (s) => num(s.staking.mean.pool_nakamoto, 2)),
      row('stake HHI by operator', (s) => num(s.staking.mean.operator_hhi, 3)),
      row('top-3 operators\' share', (s) => pct(s.staking.mean.operator_top3)),
      row('reward dispersion: CV / Gini', (s) => `${num(s.staking.mean.reward_cv, 2)} / ${num(s.staking.mean.reward_gini, 2)}`),
      row('proposer revenue, Y', (s) => num(s.totals.proposer_revenue_y)),
      row('stake at the end (own + delegated)', (s) => num(s.staking.total_stake)),
      row('LST: share of stake / exchange rate at the end', (s) => (s.staking.liquid_staking ? `${pct(s.staking.liquid_staking.stake_share)} / ${num(s.staking.liquid_staking.exchange_rate, 3)}` : '–')),
      row('LST: stake in pool a / b / c at the end', (s) => (s.staking.liquid_staking ? s.staking.liquid_staking.allocation.map((a) => num(a.stake)).join(' / ') : '–')),
      row('LST: fee earned, Y', (s) => (s.staking.liquid_staking ? num(s.staking.liquid_staking.fee_y) : '–')),
    ]),
    '',
    `Tullock prediction under first-price, with the run's mean proposer MEV of ${num(mevPerBlock, 2)} Y per block: ${theory.map((x) => pct(x)).join(' / ')}.`,
    '',
    claim(fp.staking.mean.pool_shares[0] > fp.staking.mean.pool_shares[1] && fp.staking.mean.pool_shares[1] > fp.staking.mean.pool_shares[2],
      'Under first-price the proposer keeps the MEV, so sophistication concentrates stake: the shares follow the pools\' sophistication.'),
    claim(fp.staking.mean.pool_shares.every((x, i) => Math.abs(x - theory[i]) < 0.05),
      'Each pool\'s mean share is within 5 points of the Tullock equilibrium computed from the measured MEV (the mean includes the first epochs\' move away from the even start; test/marketModel/staking.test.ts checks the stationary shares within 4 standard errors).'),
    claim(burn.staking.mean.pool_hhi < fp.staking.mean.pool_hhi - 0.05 && smooth.staking.mean.pool_hhi < fp.staking.mean.pool_hhi - 0.05
      && Math.abs(burn.staking.mean.pool_hhi - 1 / 3) < 0.01 && Math.abs(smooth.staking.mean.pool_hhi - 1 / 3) < 0.01
      && burn.totals.proposer_revenue_y === 0 && smooth.totals.proposer_revenue_y === 0,
      `mev-burn and mev-smoothing flatten it back to equal thirds (HHI ${num(fp.staking.mean.pool_hhi, 3)} → ${num(burn.staking.mean.pool_hhi, 3)} and ${num(smooth.staking.mean.pool_hhi, 3)}): here the committee's floor takes the whole winning bid, so the proposer keeps nothing sophistication could capture; burned, nobody gets it, and smoothed, every validator gets it by stake.`),
    claim(smooth.staking.mean.reward_gini < burn.staking.mean.reward_gini && burn.staking.mean.reward_gini < fp.staking.mean.reward_gini,
      'Validator rewards per unit of stake are most homogeneous under mev-smoothing (the issuance lottery plus an even committee share), then mev-burn (the issuance lottery alone), and least under first-price (the issuance and MEV lotteries, captured unevenly).'),
    claim(independent(lstEqual) < fp.staking.total_stake / 2 && lstEqual.staking.mean.pool_hhi < fp.staking.mean.pool_hhi - 0.05,
      `The liquid-staking protocol crowds out the independent delegators — with its stake on the pools, their best response in the staking game is to hold less: the stake not the protocol's ends at ${num(independent(lstEqual))} against ${num(fp.staking.total_stake)} without it — and spread equally it flattens the pools' concentration (HHI ${num(fp.staking.mean.pool_hhi, 3)} → ${num(lstEqual.staking.mean.pool_hhi, 3)}).`),
    claim(lstPerf.staking.mean.pool_hhi > lstEqual.staking.mean.pool_hhi
      && lstPerf.staking.liquid_staking.allocation.every((a, i, all) => i === 0 || all[i - 1].stake > a.stake),
      `Allocating by performance hands the protocol's stake back to the sophisticated pools (at the end ${lstPerf.staking.liquid_staking.allocation.map((a) => num(a.stake)).join(' / ')}), so concentration rises again (HHI ${num(lstPerf.staking.mean.pool_hhi, 3)}), and its token earns more (exchange rate ${num(lstPerf.staking.liquid_staking.exchange_rate, 3)} vs ${num(lstEqual.staking.liquid_staking.exchange_rate, 3)}).`),
    '',
  ].join('\n');
  verify('stake-pools');
  return page;
}

await runIfMain(import.meta.url, stakePools);
