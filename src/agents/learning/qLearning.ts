import type { LearnerSpec, LearnerState, Source } from './types.js';
import { chooseEpsilonGreedy, epsilonGreedyProbabilities } from './epsilonGreedy.js';

/*
 * Q-learning (Watkins & Dayan 1992, "Q-learning", Machine Learning 8) as Banchio & Skrzypacz 2022
 * ("Artificial Intelligence and Auction Design", EC'22, §3) run it: constant learning rate α,
 * discount δ, ε-greedy play with ε_t = ε·exp(−β t), and an optimistic initial table.
 */

export type QLearningSpec = Extract<LearnerSpec, { name: 'q-learning' }>;

/**
 * Every entry of a new Q-table: 1 / (1 − δ), the largest discounted return any action can have
 * when rewards are in [0, 1], so each Q(s, a) starts at or above its true value. Banchio &
 * Skrzypacz initialise optimistically but do not state the number; this is our reading.
 */
export function initialQValue(spec: QLearningSpec): number {
  return 1 / (1 - spec.discount);
}

/** ε_t = ε · exp(−β t), the exploration probability after `t` rounds learned. */
export function explorationRate(spec: QLearningSpec, t: number): number {
  return spec.epsilon * Math.exp(-spec.epsilonDecay * t);
}

/** The row Q(context, ·) of the row-major S × K table. */
export function qRow(state: LearnerState, context: number): number[] {
  return state.q.slice(context * state.actions, (context + 1) * state.actions);
}

/** ε_t-greedy on Q(context, ·), t = rounds learned so far: exactly two draws (`chooseEpsilonGreedy`). */
export function chooseQLearning(spec: QLearningSpec, state: LearnerState, source: Source, context: number): number {
  return chooseEpsilonGreedy(qRow(state, context), explorationRate(spec, state.t), source);
}

/** The distribution `chooseQLearning` samples in `context`. */
export function qLearningProbabilities(spec: QLearningSpec, state: LearnerState, context: number): number[] {
  return epsilonGreedyProbabilities(qRow(state, context), explorationRate(spec, state.t));
}

/**
 * Learns reward r of `action` in `context`, the next context being `nextContext`:
 * Q(s, a) ← (1 − α) Q(s, a) + α (r + δ max_a' Q(s', a')). Other entries are unchanged.
 */
export function updateQLearning(
  spec: QLearningSpec,
  state: LearnerState,
  context: number,
  action: number,
  reward: number,
  nextContext: number,
): void {
  const bestNext = qRow(state, nextContext).reduce((max, q) => (q > max ? q : max), -Infinity);
  const index = context * state.actions + action;
  state.q[index] = (1 - spec.learningRate) * state.q[index]! + spec.learningRate * (reward + spec.discount * bestNext);
}
