import type { MarketConfig } from '../config/schema.js';
import type { StakingConfig } from '../config/stakingSchema.js';
import type { WinningBlock } from './slot.js';
import type { StakingState, WorldState } from './types.js';
import { accrueLst, createLstState, lstPoolStakes } from './liquidStaking.js';

/*
 * Stake pools and delegators (issue 19): who holds the stake the proposer is drawn by. A validator's
 * stake is its own (`validators[].stake`, the operator's bond, which never moves) plus its pool's
 * delegated stake split evenly over the pool's operators. The per-slot apply step here books what
 * each pool earned; the epoch step (phases/delegation.ts) moves the delegators.
 */

/**
 * {@link poolOfValidator}'s answers, one per run (a run reads them every slot). Keyed by the run's
 * world, not by the config: a caller may edit a config in place between two runs.
 */
const poolIndexOf = new WeakMap<WorldState, readonly number[]>();

/** Pool index of each validator of the run (config order), −1 for a validator outside every pool. */
export function poolOfValidator(world: WorldState, staking: StakingConfig): readonly number[] {
  const known = poolIndexOf.get(world);
  if (known) return known;
  const byId = new Map<string, number>();
  staking.pools.forEach((p, i) => { for (const id of p.operators) byId.set(id, i); });
  const pool = world.config.validators.map((v) => byId.get(v.id) ?? -1);
  poolIndexOf.set(world, pool);
  return pool;
}

/** Delegators of `count` split over `pools` as evenly as whole delegators allow, the first pools taking the remainder. */
export function initialDelegators(count: number, pools: number): number[] {
  return Array.from({ length: pools }, (_, i) => Math.floor(count / pools) + (i < count % pools ? 1 : 0));
}

/** The staking state at slot 0 (all delegators in pools, nothing earned). */
export function createStakingState(config: MarketConfig, staking: StakingConfig): StakingState {
  const pools = staking.pools.length;
  const zeros = () => Array.from({ length: pools }, () => 0);
  return {
    delegators: initialDelegators(staking.delegators.count, pools),
    idle: 0,
    seenRevenueY: config.validators.map(() => 0),
    epochBlocks: 0,
    epochMevY: 0,
    epochCommitteeY: 0,
    epochValidatorRewardY: config.validators.map(() => 0),
    window: [],
    valueY: zeros(),
    rewardY: zeros(),
    commissionY: zeros(),
    moves: 0,
    history: [],
    ...(staking.liquidStaking ? { lst: createLstState(staking, staking.liquidStaking) } : {}),
  };
}

/**
 * Each validator's stake (config order): its own stake, plus under `staking` its pool's delegated
 * stake (delegators × stake each) split evenly over the pool's operators, plus with a liquid-staking
 * protocol the stake it allocated to the pool, split the same way.
 */
export function validatorStakes(world: WorldState): number[] {
  const validators = world.config.validators;
  const staking = world.config.staking;
  const state = world.staking;
  if (staking === undefined || state === undefined) return validators.map((v) => v.stake);
  const pool = poolOfValidator(world, staking);
  const lst = state.lst ? lstPoolStakes(staking, state.lst) : undefined;
  const out: number[] = [];
  for (let v = 0; v < validators.length; v++) {
    const s = validators[v]!.stake;
    const p = pool[v]!;
    if (p < 0) {
      out.push(s);
      continue;
    }
    const operators = staking.pools[p]!.operators.length;
    const withDelegated = s + (state.delegators[p]! * staking.delegators.stake) / operators;
    out.push(lst ? withDelegated + lst[p]! / operators : withDelegated);
  }
  return out;
}

/** Each pool's stake (its operators' stakes, own and delegated), in pool order. */
export function poolStakes(world: WorldState, stakes: readonly number[] = validatorStakes(world)): number[] {
  const staking = world.config.staking!;
  const pool = poolOfValidator(world, staking);
  const out = staking.pools.map(() => 0);
  for (let v = 0; v < stakes.length; v++) if (pool[v]! >= 0) out[pool[v]!]! += stakes[v]!;
  return out;
}

/**
 * Apply step after settlement: books the slot's rewards to the pools. The pool of each block's
 * proposer gets `issuancePerBlockY`; the pool of a validator whose revenue grew this slot (its MEV
 * as proposer: what the market paid it) captures `mevSophistication` of that growth; the pool's
 * operators keep `commission` of both, its delegators get the rest. A validator
 * outside every pool keeps its whole revenue. The epoch's blocks, the MEV their proposers were paid
 * and the committee's share are added up for the delegators' estimates. Under MEV smoothing the committee's share of a block
 * (`toCommitteeY`) goes to every validator in proportion to stake, as a committee drawn by stake
 * would receive it in expectation. The market's payments themselves are unchanged: the
 * uncaptured share is what a less sophisticated proposer would not have got.
 */
export function accrueStaking(world: WorldState, blocks: readonly Pick<WinningBlock, 'proposer' | 'payments'>[]): void {
  const staking = world.config.staking;
  const state = world.staking;
  if (staking === undefined || state === undefined) return;
  // The stakes are read only under MEV smoothing or liquid staking: worked out at most once, when first needed.
  let stakes: number[] | null = null;
  const pool = poolOfValidator(world, staking);
  const gross = world.config.validators.map(() => 0);
  for (const { proposer, payments } of blocks) {
    gross[proposer]! += staking.issuancePerBlockY;
    // MEV smoothing's committee share: every validator is drawn to the committee in proportion to stake.
    const smoothedY = payments?.toCommitteeY ?? 0;
    if (smoothedY > 0) addSmoothedShare(gross, (stakes ??= validatorStakes(world)), smoothedY);
    state.epochCommitteeY += smoothedY;
  }
  const revenueY = world.validatorRevenueY;
  for (let v = 0; v < revenueY.length; v++) {
    const mev = revenueY[v]! - state.seenRevenueY[v]!;
    state.seenRevenueY[v] = revenueY[v]!;
    state.epochMevY += mev;
    gross[v]! += pool[v]! < 0 ? mev : staking.pools[pool[v]!]!.mevSophistication * mev;
  }
  if (state.lst) stakes ??= validatorStakes(world);
  const lst = state.lst ? lstPoolStakes(staking, state.lst) : undefined;
  for (let v = 0; v < gross.length; v++) {
    const y = gross[v]!;
    state.epochValidatorRewardY[v]! += y;
    const p = pool[v]!;
    if (p < 0) continue;
    const commission = staking.pools[p]!.commission * y;
    state.rewardY[p]! += y - commission;
    state.commissionY[p]! += commission;
    // The liquid-staking protocol's stake earns its pro-rata part of the delegators' reward.
    if (lst) accrueLst(staking, state.lst!, p, stakes![v]!, lst[p]! / staking.pools[p]!.operators.length, y - commission);
  }
  state.epochBlocks += blocks.length;
}

/** Adds a block's committee share `smoothedY` to each validator's `gross`, in proportion to its stake (none when no stake). */
function addSmoothedShare(gross: number[], stakes: readonly number[], smoothedY: number): void {
  const total = stakes.reduce((a, s) => a + s, 0);
  if (!(total > 0)) return;
  for (let v = 0; v < stakes.length; v++) gross[v]! += (smoothedY * stakes[v]!) / total;
}
