import { tullockWinProbabilities } from '../mechanisms/tullock.js';
import {
  indicesByValueDescending,
  validateValues,
  type ContestEquilibrium,
} from './contestEquilibrium.js';

/** The Tullock (α = 1) equilibrium, with the active set and total spend. */
export interface TullockEquilibrium extends ContestEquilibrium {
  /** Pure equilibrium bids b_i (= expectedBids = expectedPayments), numéraire. */
  readonly bids: readonly number[];
  /** Indices of the active players (b_i > 0), highest value first. */
  readonly activeSet: readonly number[];
  /** Total spend X = Σ b_i, numéraire (= revenue). */
  readonly totalSpend: number;
}

/**
 * Size k of the active set of the α = 1 Tullock contest (Hillman & Riley 1989; Stein 2002,
 * "Asymmetric rent-seeking with more than two contestants", Public Choice 113): with values sorted
 * v_(1) ≥ … ≥ v_(n), player (j) is active iff v_(j) · Σ_{i<j} 1/v_(i) > j − 2, and the active set
 * is the top k. Derivation: a player with b = 0 is at a best response iff its marginal payoff
 * v/X − 1 ≤ 0, i.e. v ≤ X; substituting X from `tullockEquilibrium` gives the inequality above.
 * The two highest values are always active, and once player (j) fails so does every later one
 * (v_(j+1) S_(j+1) ≤ v_(j) S_(j) + 1 ≤ j − 1), so scanning stops at the first failure.
 */
export function tullockActiveCount(sortedValuesDescending: readonly number[]): number {
  let sumInverse = 1 / sortedValuesDescending[0]!;
  let k = 1;
  for (let j = 2; j <= sortedValuesDescending.length; j += 1) {
    const v = sortedValuesDescending[j - 1]!;
    if (!(v * sumInverse > j - 2)) break;
    sumInverse += 1 / v;
    k = j;
  }
  return k;
}

/**
 * The unique pure equilibrium of the complete-information Tullock contest with α = 1
 * (proportional all-pay, the essay's execution-ticket model) and n ≥ 2 values v_i > 0.
 * With active set K (|K| = k, `tullockActiveCount`):
 *   total spend X = (k − 1) / Σ_{i∈K} 1/v_i,
 *   b_i = X (1 − X / v_i) for i ∈ K, 0 otherwise (from the FOC v_i (X − b_i)/X² = 1),
 *   x_i = b_i / X = 1 − X / v_i, payoff u_i = v_i (1 − X/v_i)², revenue X.
 * Two players: b_i = v_i² v_j / (v_i + v_j)² (the essay's Aside #1); values (4, 2) → (8/9, 4/9).
 */
export function tullockEquilibrium(values: readonly number[]): TullockEquilibrium {
  validateValues(values);
  const order = indicesByValueDescending(values);
  const k = tullockActiveCount(order.map((i) => values[i]!));
  const activeSet = order.slice(0, k);
  const sumInverse = activeSet.reduce((s, i) => s + 1 / values[i]!, 0);
  const totalSpend = (k - 1) / sumInverse;
  const isActive = values.map((_, i) => activeSet.includes(i));
  const bids = values.map((v, i) => (isActive[i] ? totalSpend * (1 - totalSpend / v) : 0));
  const winProbabilities = bids.map((b) => b / totalSpend);
  const payoffs = values.map((v, i) => v * winProbabilities[i]! - bids[i]!);
  return {
    values: [...values],
    bids,
    expectedBids: bids,
    winProbabilities,
    expectedPayments: bids,
    payoffs,
    revenue: totalSpend,
    activeSet,
    totalSpend,
  };
}

/**
 * Player i's payoff in a Tullock contest with exponent α at bid profile `bids`:
 * u_i = v_i · b_i^α / Σ_j b_j^α − b_i (all pay). Used to check equilibria by unilateral deviation.
 * At an all-zero profile nobody wins (the mechanism's convention), so u_i = 0.
 */
export function tullockPayoff(
  index: number,
  bids: readonly number[],
  values: readonly number[],
  alpha: number,
): number {
  const x = tullockWinProbabilities(bids, alpha);
  return values[index]! * x[index]! - bids[index]!;
}
