import { concentration } from '../market/metrics/concentration.js';
import { lstSupply } from './liquidStaking.js';
import { poolOfValidator, poolStakes, validatorStakes } from './staking.js';
import type { StakingEpochRecord, WorldState } from './types.js';

/** An epoch's concentration and dispersion as summary.json writes them. */
export interface StakingEpochSummary {
  epoch: number;
  pool_shares: number[];
  idle_stake: number;
  pool_hhi: number;
  pool_nakamoto: number;
  pool_top3: number;
  operator_hhi: number;
  operator_nakamoto: number;
  operator_top3: number;
  reward_cv: number;
  reward_gini: number;
  /** With a liquid-staking protocol only. */
  lst_exchange_rate?: number;
  lst_allocation?: number[];
}

/** The liquid-staking protocol at the end (with `staking.liquidStaking` only). */
export interface LiquidStakingSummary {
  id: string;
  rule: string;
  supply: number;
  exchange_rate: number;
  stake_share: number;
  buffered_stake: number;
  fee_y: number;
  net_reward_y: number;
  allocation: { pool: string; stake: number; share_of_pool: number }[];
}

/** summary.json's `staking`: where the stake ended, what the pools earned, and concentration over time. */
export interface StakingSummary {
  total_stake: number;
  idle_stake: number;
  delegator_moves: number;
  pools: { pool: string; stake: number; share: number; delegators: number; reward_y: number; commission_y: number; value_estimate_y: number }[];
  validator_stakes: { validator: string; stake: number }[];
  final: { pool_hhi: number; pool_nakamoto: number; pool_top3: number; operator_hhi: number; operator_nakamoto: number; operator_top3: number };
  /**
   * Means over the epochs; each null before the first epoch ends (the same shape either way, so a
   * sweep's columns, taken from one-slot probes, hold every mean).
   */
  mean: { [K in keyof Omit<StakingEpochSummary, 'epoch' | 'pool_shares' | 'idle_stake' | 'lst_exchange_rate' | 'lst_allocation'>]: number | null } & { pool_shares: (number | null)[] };
  liquid_staking?: LiquidStakingSummary;
  epochs: StakingEpochSummary[];
}

const row = (r: StakingEpochRecord): StakingEpochSummary => ({
  epoch: r.epoch,
  pool_shares: r.poolShares,
  idle_stake: r.idleStake,
  pool_hhi: r.poolHhi,
  pool_nakamoto: r.poolNakamoto,
  pool_top3: r.poolTop3,
  operator_hhi: r.operatorHhi,
  operator_nakamoto: r.operatorNakamoto,
  operator_top3: r.operatorTop3,
  reward_cv: r.rewardCv,
  reward_gini: r.rewardGini,
  ...(r.lst ? { lst_exchange_rate: r.lst.exchangeRate, lst_allocation: r.lst.allocation } : {}),
});

/** The mean of each measure over the epochs recorded. */
function means(rows: readonly StakingEpochSummary[], pools: number): StakingSummary['mean'] {
  const avg = (pick: (r: StakingEpochSummary) => number) => (rows.length === 0 ? null : rows.reduce((a, r) => a + pick(r), 0) / rows.length);
  return {
    pool_shares: Array.from({ length: pools }, (_, p) => avg((r) => r.pool_shares[p]!)),
    pool_hhi: avg((r) => r.pool_hhi),
    pool_nakamoto: avg((r) => r.pool_nakamoto),
    pool_top3: avg((r) => r.pool_top3),
    operator_hhi: avg((r) => r.operator_hhi),
    operator_nakamoto: avg((r) => r.operator_nakamoto),
    operator_top3: avg((r) => r.operator_top3),
    reward_cv: avg((r) => r.reward_cv),
    reward_gini: avg((r) => r.reward_gini),
  };
}

/** The staking summary, or null when the config has no `staking`. */
export function stakingSummary(world: WorldState): StakingSummary | null {
  const staking = world.config.staking;
  const state = world.staking;
  if (staking === undefined || state === undefined) return null;
  const stakes = validatorStakes(world);
  const pools = poolStakes(world, stakes);
  const total = stakes.reduce((a, s) => a + s, 0);
  const pool = poolOfValidator(world, staking);
  const byPool = concentration([...pools, ...stakes.filter((_, v) => pool[v]! < 0)]);
  const byOperator = concentration(stakes);
  const epochs = state.history.map(row);
  return {
    total_stake: total,
    idle_stake: state.idle * staking.delegators.stake,
    delegator_moves: state.moves,
    pools: staking.pools.map((p, i) => ({
      pool: p.id,
      stake: pools[i]!,
      share: total > 0 ? pools[i]! / total : 0,
      delegators: state.delegators[i]!,
      reward_y: state.rewardY[i]!,
      commission_y: state.commissionY[i]!,
      value_estimate_y: state.valueY[i]!,
    })),
    validator_stakes: world.config.validators.map((v, i) => ({ validator: v.id, stake: stakes[i]! })),
    final: {
      pool_hhi: byPool.hhi,
      pool_nakamoto: byPool.nakamoto_coefficient,
      pool_top3: byPool.top3_share,
      operator_hhi: byOperator.hhi,
      operator_nakamoto: byOperator.nakamoto_coefficient,
      operator_top3: byOperator.top3_share,
    },
    mean: means(epochs, staking.pools.length),
    epochs,
    ...(staking.liquidStaking && state.lst ? { liquid_staking: liquidStakingSummary(world, pools, total) } : {}),
  };
}

/** The protocol's rate, share and allocation at the end; its rewards over the completed epochs. */
function liquidStakingSummary(world: WorldState, pools: readonly number[], total: number): LiquidStakingSummary {
  const staking = world.config.staking!;
  const lst = staking.liquidStaking!;
  const state = world.staking!.lst!;
  const allocated = state.allocation.reduce((a, x) => a + x, 0);
  return {
    id: lst.id,
    rule: lst.rule,
    supply: lstSupply(staking, lst),
    exchange_rate: state.exchangeRate,
    stake_share: total > 0 ? allocated / total : 0,
    buffered_stake: state.buffered,
    fee_y: state.feeY,
    net_reward_y: state.netY,
    allocation: lst.members.map((id, m) => {
      const poolStake = pools[staking.pools.findIndex((p) => p.id === id)]!;
      return { pool: id, stake: state.allocation[m]!, share_of_pool: poolStake > 0 ? state.allocation[m]! / poolStake : 0 };
    }),
  };
}
