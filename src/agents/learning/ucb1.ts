import type { LearnerState } from './types.js';
import { argmax } from './argmax.js';

/**
 * UCB1's index of every action (Auer, Cesa-Bianchi & Fischer 2002, "Finite-time analysis of the
 * multiarmed bandit problem", Machine Learning 47, Fig. 1): x̄_a + sqrt(2 ln t / n_a), where x̄_a
 * is the mean reward of action a, n_a its plays and t the plays of all actions. An action never
 * played has index +∞, so the first K rounds play each action once, in index order.
 */
export function ucb1Indices(state: LearnerState): number[] {
  const logT = Math.log(state.t);
  // A loop, not `map` with a closure: every UCB1 bid runs this (the same operations in the same order).
  const { counts, sums } = state;
  const indices = new Array<number>(counts.length);
  for (let a = 0; a < counts.length; a++) {
    const plays = counts[a]!;
    indices[a] = plays > 0 ? sums[a]! / plays + Math.sqrt((2 * logT) / plays) : Infinity;
  }
  return indices;
}

/** The action UCB1 plays: the highest index, lowest action on ties. Deterministic: consumes no draws. */
export function chooseUcb1(state: LearnerState): number {
  return argmax(ucb1Indices(state));
}

/** 1 on the action `chooseUcb1` plays, 0 elsewhere. */
export function ucb1Probabilities(state: LearnerState): number[] {
  const chosen = chooseUcb1(state);
  return state.counts.map((_, a) => (a === chosen ? 1 : 0));
}
