/**
 * Exponential weights kept as logarithms (EXP3, Hedge). After every update the largest log-weight
 * is subtracted from all of them, so the largest weight is exactly 1 and no number grows with the
 * round count: 10⁶ rounds cannot overflow.
 */

import { drawByWeight } from '../../market/mechanisms/selectWinner.js';
import type { LearnerSpec, Source } from './types.js';

/** True for the learners that keep log-weights (EXP3, Hedge); the others keep an empty list. */
export function usesLogWeights(spec: LearnerSpec): boolean {
  return spec.name === 'exp3' || spec.name === 'hedge';
}

function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * Subtracts the largest log-weight from every log-weight, in place (afterwards max = 0). A
 * difference that overflows to −∞ is kept at −Number.MAX_VALUE instead: its weight is 0 either
 * way, and JSON would turn −∞ into null (state must survive a JSON checkpoint).
 */
export function normaliseLogWeights(logWeights: number[]): void {
  const max = maxOf(logWeights);
  for (let i = 0; i < logWeights.length; i += 1) {
    logWeights[i] = Math.max(logWeights[i]! - max, -Number.MAX_VALUE);
  }
}

/**
 * Each action's share of the total weight, w_i / Σ_j w_j with w = exp(logWeights). Shifted by the
 * largest log-weight first, so the total is ≥ 1 and the division is safe for any finite input.
 * With `memo` (EXP3, whose update moves one log-weight a round), each exp of the last call on the
 * same list is reused where its argument is unchanged: exp is a function, so the same bits.
 */
export function weightShares(logWeights: readonly number[], memo = false): number[] {
  // Plain loops (the same operations in the same order as map/reduce): every EXP3 and Hedge bid and update runs this.
  const max = maxOf(logWeights);
  const shares = new Array<number>(logWeights.length);
  const last = memo ? lastExpsOf(logWeights) : null;
  let total = 0;
  for (let i = 0; i < logWeights.length; i++) {
    const x = logWeights[i]! - max;
    let w: number;
    if (last === null) w = Math.exp(x);
    else if (last.x[i] === x) w = last.exp[i]!;
    else last.exp[i] = w = Math.exp(last.x[i] = x);
    shares[i] = w;
    total += w;
  }
  for (let i = 0; i < shares.length; i++) shares[i] = shares[i]! / total;
  return shares;
}

/** The arguments of the last exps taken for a log-weight list, and their values (NaN: none yet; NaN equals nothing). */
interface LastExps {
  readonly x: number[];
  readonly exp: number[];
}

/** Kept beside the learner's state rather than in it: the state stays plain data for checkpoints. */
const lastExps = new WeakMap<readonly number[], LastExps>();

function lastExpsOf(logWeights: readonly number[]): LastExps {
  let last = lastExps.get(logWeights);
  if (last === undefined || last.x.length !== logWeights.length) {
    last = { x: Array.from(logWeights, () => Number.NaN), exp: Array.from(logWeights, () => 0) };
    lastExps.set(logWeights, last);
  }
  return last;
}

/**
 * An action drawn from `probabilities` (EXP3's or Hedge's distribution) by inverting its cumulative
 * sum: one draw. Never null for these: EXP3's p_i are all > 0 and Hedge's largest weight is 1.
 */
export function drawFromShares(probabilities: readonly number[], source: Source): number {
  return drawByWeight(probabilities, source()) ?? 0;
}
