import type { StakingConfig } from '../../config/stakingSchema.js';
import type { EpochHook } from '../../engine/simulation.js';
import type { Source } from '../../engine/randomStreams.js';
import { coefficientOfVariation } from '../../market/metrics/coefficientOfVariation.js';
import { herfindahlIndex } from '../../market/metrics/herfindahlIndex.js';
import { nakamotoCoefficient } from '../../market/metrics/nakamotoCoefficient.js';
import { topKShare } from '../../market/metrics/topKShare.js';
import { giniCoefficient } from '../../market/metrics/giniCoefficient.js';
import type { ModelRuntime } from '../runtime.js';
import { creditLst, reallocateLst } from '../liquidStaking.js';
import { poolOfValidator, poolStakes, validatorStakes } from '../staking.js';
import type { StakingEpochRecord, StakingState, WorldState } from '../types.js';

/**
 * A pool's best response in the staking game of Bahrani, Garimidi & Roughgarden 2024
 * (arXiv:2401.12120, §3; a Tullock contest, Tullock 1980): a pool whose delegators value proposing
 * every block of an epoch at `valueY` and whose rivals hold `othersStake` earns
 * valueY · s ÷ (s + othersStake) − costY · s with stake s; the maximum is at
 * s = √(valueY · othersStake ÷ costY) − othersStake (first-order condition
 * valueY · othersStake ÷ (s + othersStake)² = costY), and 0 when that is negative. Returns the
 * delegated stake on top of the operators' own `ownStake` (never negative).
 */
export function bestResponseStake(valueY: number, othersStake: number, ownStake: number, costY: number): number {
  if (!(valueY > 0) || !(othersStake > 0)) return 0;
  return Math.max(0, Math.sqrt((valueY * othersStake) / costY) - othersStake - ownStake);
}

/**
 * The delegated stake a pool moves toward: its best response at the outside option plus the
 * amortised switching cost when it is below that, at the outside option less it when it is above;
 * in between (the switching band) it stays. With no cost to leave below 0, stake never leaves.
 */
export function delegationTarget(delegated: number, valueY: number, othersStake: number, ownStake: number, staking: StakingConfig): number {
  const band = staking.switchingCostY / staking.windowEpochs;
  const up = bestResponseStake(valueY, othersStake, ownStake, staking.outsideReturnY + band);
  if (delegated < up) return up;
  const downCost = staking.outsideReturnY - band;
  if (downCost <= 0) return delegated;
  const down = bestResponseStake(valueY, othersStake, ownStake, downCost);
  return delegated > down ? down : delegated;
}

/** `x` ≥ 0 rounded to an integer up with probability its fractional part (unbiased); one draw. */
function stochasticRound(x: number, u: number): number {
  const whole = Math.floor(x);
  return whole + (u < x - whole ? 1 : 0);
}

/**
 * The epoch's moves in whole delegators, pool by pool (+ in, − out): each pool closes `speed` of
 * its gap to the target, rounded stochastically (one draw per pool, moving or not); stake that
 * leaves goes idle first, and the idle delegators are shared over the pools that want more — pro
 * rata when too few, the leftovers by largest remainder (ties to the earlier pool). Pure.
 */
export function delegationMoves(delegators: readonly number[], idle: number, gapsStake: readonly number[], stakeEach: number, speed: number, source: Source): number[] {
  const wanted = gapsStake.map((gap) => {
    const u = source();
    if (!(stakeEach > 0)) return 0;
    const n = stochasticRound((speed * Math.abs(gap)) / stakeEach, u);
    return gap >= 0 ? n : -n;
  });
  const moves = wanted.map((w, p) => (w < 0 ? -Math.min(-w, delegators[p]!) : 0));
  const free = idle - moves.reduce((a, m) => a + m, 0);
  const asked = wanted.reduce((a, w) => a + Math.max(0, w), 0);
  if (asked <= free) return wanted.map((w, p) => (w > 0 ? w : moves[p]!));
  const exact = wanted.map((w) => (w > 0 ? (w * free) / asked : 0));
  const given = exact.map(Math.floor);
  let left = free - given.reduce((a, g) => a + g, 0);
  const order = exact.map((x, p) => ({ p, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.p - b.p);
  for (const { p } of order) {
    if (left <= 0) break;
    if (wanted[p]! > given[p]!) { given[p]!++; left--; }
  }
  return wanted.map((w, p) => (w > 0 ? given[p]! : moves[p]!));
}

/**
 * Each pool's estimate of what proposing every block of an epoch pays its delegators, from the
 * window's mean per epoch: (1 − commission) · (issuance · blocks + sophistication · proposers' MEV +
 * committee share). Delegators read the MEV off every block of the chain (it is public), not off
 * the pool's own few blocks: a small pool that drew no block in the window would otherwise look
 * worthless and never win stake back (an absorbing state of the estimator, not of the economics).
 */
export function estimateValues(window: StakingState['window'], staking: StakingConfig): number[] {
  const mean = (pick: (w: StakingState['window'][number]) => number) => window.reduce((a, w) => a + pick(w), 0) / Math.max(1, window.length);
  const blocks = mean((w) => w.blocks);
  const mevY = mean((w) => w.mevY);
  const committeeY = mean((w) => w.committeeY);
  return staking.pools.map((p) => (1 - p.commission) * (staking.issuancePerBlockY * blocks + p.mevSophistication * mevY + committeeY));
}

/**
 * The concentration measures an epoch record keeps: concentration.ts's, less the entropy it does not
 * keep (an epoch hook runs too rarely to be optimised: work it does not need costs in every epoch).
 */
function stakeConcentration(weights: readonly number[]): { hhi: number; top3: number; nakamoto: number } {
  if (weights.reduce((a, w) => a + w, 0) <= 0) return { hhi: 0, top3: 0, nakamoto: 0 };
  return { hhi: herfindahlIndex(weights), top3: topKShare(weights, 3), nakamoto: nakamotoCoefficient(weights) };
}

/** The epoch's concentration and reward dispersion, from the stakes it ran with (`stakes`, validator order). */
function epochRecord(world: WorldState, state: StakingState, epoch: number, stakes: readonly number[]): StakingEpochRecord {
  const staking = world.config.staking!;
  const pool = poolOfValidator(world, staking);
  const pools = poolStakes(world, stakes);
  const total = stakes.reduce((a, s) => a + s, 0);
  const entities = [...pools, ...stakes.filter((_, v) => pool[v]! < 0)];
  const byPool = stakeConcentration(entities);
  const byOperator = stakeConcentration(stakes);
  const returns: number[] = [];
  for (let v = 0; v < stakes.length; v++) if (stakes[v]! > 0) returns.push(state.epochValidatorRewardY[v]! / stakes[v]!);
  return {
    epoch,
    poolShares: pools.map((s) => (total > 0 ? s / total : 0)),
    idleStake: state.idle * staking.delegators.stake,
    poolHhi: byPool.hhi,
    poolNakamoto: byPool.nakamoto,
    poolTop3: byPool.top3,
    operatorHhi: byOperator.hhi,
    operatorNakamoto: byOperator.nakamoto,
    operatorTop3: byOperator.top3,
    rewardCv: coefficientOfVariation(returns),
    rewardGini: giniCoefficient(returns.map((r) => Math.max(0, r))),
    ...(state.lst ? { lst: { exchangeRate: state.lst.exchangeRate, allocation: [...state.lst.allocation] } } : {}),
  };
}

/**
 * Epoch phase (apply): with a liquid-staking protocol, books its epoch's rewards (liquidStaking.ts);
 * records the epoch's concentration; the protocol reallocates its stake; adds the epoch's rewards
 * to the delegators' window, and moves delegators toward each pool's best response to the others'
 * stake (random rounding from the stream `staking/delegation`, one draw per pool). Takes effect
 * from the next slot.
 */
export function delegationHook(rt: ModelRuntime): EpochHook<WorldState> {
  return {
    name: 'delegation',
    run(world, epoch) {
      const staking = world.config.staking;
      const state = world.staking;
      if (staking === undefined || state === undefined) return;
      const ranWith = validatorStakes(world);
      if (state.lst) creditLst(world, poolStakes(world, ranWith));
      state.history.push(epochRecord(world, state, epoch, ranWith));
      if (state.lst) reallocateLst(world);
      state.window.push({ blocks: state.epochBlocks, mevY: state.epochMevY, committeeY: state.epochCommitteeY });
      if (state.window.length > staking.windowEpochs) state.window.shift();
      estimateValues(state.window, staking).forEach((v, p) => { state.valueY[p] = v; });
      // The delegators answer the next epoch's stakes: liquid staking's reallocation may have moved some.
      const stakes = state.lst ? validatorStakes(world) : ranWith;
      const pools = poolStakes(world, stakes);
      const total = stakes.reduce((a, s) => a + s, 0);
      const gaps = staking.pools.map((_, p) => {
        const delegated = state.delegators[p]! * staking.delegators.stake;
        const own = pools[p]! - delegated;
        return delegationTarget(delegated, state.valueY[p]!, total - pools[p]!, own, staking) - delegated;
      });
      const moves = delegationMoves(state.delegators, state.idle, gaps, staking.delegators.stake, staking.speed, rt.dist('staking/delegation').source);
      moves.forEach((m, p) => {
        state.delegators[p]! += m;
        state.idle -= m;
        state.moves += Math.abs(m);
      });
      state.epochValidatorRewardY.fill(0);
      state.epochBlocks = 0;
      state.epochMevY = 0;
      state.epochCommitteeY = 0;
    },
  };
}
