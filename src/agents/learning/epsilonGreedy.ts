import type { LearnerState, Source } from './types.js';
import { argmax, uniformIndex } from './argmax.js';

/**
 * ε-greedy over value estimates (Sutton & Barto 2018, "Reinforcement Learning", 2nd ed., §2.2):
 * with probability ε an action drawn uniformly from all K (the greedy one included), otherwise the
 * greedy action, the highest value (lowest index on ties).
 *
 * Consumes exactly two draws, exploring or not: the first decides whether to explore (u₁ < ε), the
 * second picks the uniform action (⌊u₂·K⌋). Q-learning uses the same rule over a row of its table.
 */
export function chooseEpsilonGreedy(values: readonly number[], epsilon: number, source: Source): number {
  const explore = source() < epsilon;
  const uniform = uniformIndex(source(), values.length);
  return explore ? uniform : argmax(values);
}

/** The distribution `chooseEpsilonGreedy` samples: ε/K on every action, plus 1 − ε on the greedy one. */
export function epsilonGreedyProbabilities(values: readonly number[], epsilon: number): number[] {
  const probabilities = values.map(() => epsilon / values.length);
  probabilities[argmax(values)]! += 1 - epsilon;
  return probabilities;
}

/**
 * Each action's mean reward when played, Σ rewards / plays; 0 for an action never played (the
 * sample-average method with initial estimate 0, Sutton & Barto 2018, §2.4).
 */
export function empiricalMeans(state: LearnerState): number[] {
  return state.sums.map((sum, a) => {
    const plays = state.counts[a]!;
    return plays > 0 ? sum / plays : 0;
  });
}
