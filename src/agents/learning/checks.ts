/** Argument checks shared by the learners; each throws a RangeError naming what is wrong. */

import type { LearnerSpec, LearnerState } from './types.js';
import { usesLogWeights } from './logWeights.js';

/** Throws unless `value` is an integer in [0, `size`). */
export function requireIndex(name: string, value: number, size: number): void {
  if (!(Number.isInteger(value) && value >= 0 && value < size)) {
    throw new RangeError(`${name} must be an integer in [0, ${size}), got ${value}`);
  }
}

/** Throws unless `value` is an integer ≥ 1. */
export function requireCount(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new RangeError(`${name} must be an integer >= 1, got ${value}`);
  }
}

/**
 * Throws unless `reward` is a number in [0, 1] (the learners' reward scale); `index` names an entry
 * of a list (`name[index]`), the message built only on failure (every learner update checks each).
 */
export function requireReward(name: string, reward: number, index?: number): void {
  if (!(reward >= 0 && reward <= 1)) {
    throw new RangeError(`${index === undefined ? name : `${name}[${index}]`} must be in [0, 1], got ${reward}`);
  }
}

/** Throws unless `value` is in [0, 1], or (0, 1] when `zeroAllowed` is false. */
function requireFraction(name: string, value: number, zeroAllowed = true): void {
  if (!((zeroAllowed ? value >= 0 : value > 0) && value <= 1)) {
    throw new RangeError(`${name} must be in ${zeroAllowed ? '[' : '('}0, 1], got ${value}`);
  }
}

/** Throws unless `value` is finite and ≥ 0. */
function requireNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Throws unless every parameter of `spec` is in the range its algorithm is defined for. */
export function requireValidSpec(spec: LearnerSpec): void {
  switch (spec.name) {
    case 'epsilon-greedy':
      return requireFraction('epsilon', spec.epsilon);
    case 'ucb1':
      return;
    case 'exp3':
      return requireFraction('gamma', spec.gamma, false);
    case 'hedge':
      return requireNonNegative('learningRate', spec.learningRate);
    case 'q-learning':
      requireFraction('learningRate', spec.learningRate, false);
      // δ < 1: only then are the initial value 1 / (1 − δ) and the Q-values of a recurrent policy finite.
      if (!(spec.discount >= 0 && spec.discount < 1)) {
        throw new RangeError(`discount must be in [0, 1), got ${spec.discount}`);
      }
      requireFraction('epsilon', spec.epsilon);
      return requireNonNegative('epsilonDecay', spec.epsilonDecay);
    default:
      throw new RangeError(`unknown learner ${String((spec as { name: unknown }).name)}`);
  }
}

/** Throws unless `state` has the shape `spec`'s algorithm keeps (catches a state paired with the wrong spec). */
export function requireStateFor(spec: LearnerSpec, state: LearnerState): void {
  const { actions, contexts } = state;
  const tableSize = spec.name === 'q-learning' ? actions * contexts : 0;
  if (
    state.counts.length !== actions ||
    state.sums.length !== actions ||
    state.logWeights.length !== (usesLogWeights(spec) ? actions : 0) ||
    state.q.length !== tableSize
  ) {
    throw new RangeError(`state does not have the shape of a ${spec.name} learner over ${actions} actions`);
  }
}
