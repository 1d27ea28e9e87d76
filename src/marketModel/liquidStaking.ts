import type { LiquidStakingConfig, StakingConfig } from '../config/stakingSchema.js';
import type { LstState, WorldState } from './types.js';

/*
 * Liquid staking (issue 19 item 2): a protocol that is a pool of pools. Its delegators' stake
 * (`liquidStaking.delegators` × `staking.delegators.stake`, the token supply at exchange rate 1) is
 * allocated over member pools by a rule and split evenly over each member's operators, on top of
 * their own and their independent delegators' stake. In a member pool the protocol earns its
 * stake's pro-rata part of the delegators' rewards (after the pool's commission); it keeps `fee` of
 * that and credits the rest to token holders through the exchange rate (stake per token), booked at
 * each epoch's end — the reward-accruing LST of Gogol et al. 2024 (arXiv:2404.00644, §3). Rewards
 * are paid in Y and not restaked: the protocol's stake, and so the supply, stays fixed. It
 * reallocates at each epoch's end, before the independent delegators move (phases/delegation.ts).
 * No randomness.
 */

/** The protocol's stake: its delegators × each one's stake (the fixed token supply). */
export function lstSupply(staking: StakingConfig, lst: LiquidStakingConfig): number {
  return lst.delegators * staking.delegators.stake;
}

/** Pool index (in `staking.pools`) of each member, member order. */
export function memberPools(staking: StakingConfig, lst: LiquidStakingConfig): number[] {
  return lst.members.map((id) => staking.pools.findIndex((p) => p.id === id));
}

/**
 * The allocation of `supply` over the members by `rule` (pure). `equal`: supply ÷ k each.
 * `performance`: in proportion to each member's mean net return per unit of stake over `window`
 * (negative returns count as 0), equal when the window is empty or every return is 0. `router`:
 * members filled in order, each up to `capPerOperator` × its operators; the rest is buffered.
 */
export function allocateLst(rule: LiquidStakingConfig['rule'], supply: number, operators: readonly number[], window: readonly (readonly number[])[], capPerOperator = 0): { allocation: number[]; buffered: number } {
  const k = operators.length;
  if (rule === 'router') {
    let left = supply;
    const allocation = operators.map((n) => {
      const take = Math.min(left, capPerOperator * n);
      left -= take;
      return take;
    });
    return { allocation, buffered: left };
  }
  const equal = { allocation: operators.map(() => supply / k), buffered: 0 };
  if (rule === 'equal' || window.length === 0) return equal;
  const mean = operators.map((_, m) => Math.max(0, window.reduce((a, w) => a + w[m]!, 0) / window.length));
  const sum = mean.reduce((a, r) => a + r, 0);
  if (!(sum > 0)) return equal;
  return { allocation: mean.map((r) => (supply * r) / sum), buffered: 0 };
}

/** The protocol's state at slot 0: allocated by its rule with nothing observed, nothing earned. */
export function createLstState(staking: StakingConfig, lst: LiquidStakingConfig): LstState {
  const operators = memberPools(staking, lst).map((p) => staking.pools[p]!.operators.length);
  const { allocation, buffered } = allocateLst(lst.rule, lstSupply(staking, lst), operators, [], lst.router?.capPerOperator);
  return { allocation, buffered, epochRewardY: 0, epochPoolRewardY: lst.members.map(() => 0), window: [], feeY: 0, netY: 0, exchangeRate: 1 };
}

/** The protocol's stake on each pool (pool order; 0 on pools that are not members). */
export function lstPoolStakes(staking: StakingConfig, state: LstState): number[] {
  const out = staking.pools.map(() => 0);
  memberPools(staking, staking.liquidStaking!).forEach((p, m) => { out[p] = state.allocation[m]!; });
  return out;
}

/**
 * Per-slot apply step, from accrueStaking: pool `p`'s validator with stake `stake`, of which
 * `lstStake` is the protocol's, paid its delegators `delegatorsY` (its reward after commission).
 * The protocol earns its pro-rata part; the member's delegators' reward is summed for `performance`.
 */
export function accrueLst(staking: StakingConfig, state: LstState, p: number, stake: number, lstStake: number, delegatorsY: number): void {
  const m = staking.liquidStaking!.members.indexOf(staking.pools[p]!.id);
  if (m < 0) return;
  state.epochPoolRewardY[m]! += delegatorsY;
  if (lstStake > 0 && stake > 0) state.epochRewardY += (delegatorsY * lstStake) / stake;
}

/**
 * Epoch apply step, first part (before the epoch is recorded): books the epoch's rewards — the
 * fee to the protocol, the rest to token holders, exchange rate = 1 + Σ net ÷ supply — and adds
 * each member's net return per unit of stake (its delegators' reward ÷ its stake `poolStakes`,
 * which did not change during the epoch) to the window.
 */
export function creditLst(world: WorldState, poolStakes: readonly number[]): void {
  const staking = world.config.staking!;
  const lst = staking.liquidStaking!;
  const state = world.staking!.lst!;
  const fee = lst.fee * state.epochRewardY;
  state.feeY += fee;
  state.netY += state.epochRewardY - fee;
  const supply = lstSupply(staking, lst);
  state.exchangeRate = supply > 0 ? 1 + state.netY / supply : 1;
  state.window.push(memberPools(staking, lst).map((p, m) => (poolStakes[p]! > 0 ? state.epochPoolRewardY[m]! / poolStakes[p]! : 0)));
  if (state.window.length > staking.windowEpochs) state.window.shift();
  state.epochRewardY = 0;
  state.epochPoolRewardY.fill(0);
}

/** Epoch apply step, second part (after the epoch is recorded): reallocates by the rule, effective from the next slot. */
export function reallocateLst(world: WorldState): void {
  const staking = world.config.staking!;
  const lst = staking.liquidStaking!;
  const state = world.staking!.lst!;
  const operators = memberPools(staking, lst).map((p) => staking.pools[p]!.operators.length);
  const { allocation, buffered } = allocateLst(lst.rule, lstSupply(staking, lst), operators, state.window, lst.router?.capPerOperator);
  allocation.forEach((a, m) => { state.allocation[m] = a; });
  state.buffered = buffered;
}
