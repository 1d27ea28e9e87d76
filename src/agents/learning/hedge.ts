import type { LearnerState, Source } from './types.js';
import { drawFromShares, normaliseLogWeights, weightShares } from './logWeights.js';

/*
 * Hedge (Freund & Schapire 1997, "A decision-theoretic generalization of on-line learning and an
 * application to boosting", JCSS 55), the exponentially weighted average forecaster of
 * Cesa-Bianchi & Lugosi 2006, "Prediction, Learning, and Games", §2.1, written for rewards.
 */

/** Hedge's distribution: p_i = w_i / Σ_j w_j. */
export function hedgeProbabilities(state: LearnerState): number[] {
  return weightShares(state.logWeights);
}

/** Samples an action in proportion to its weight by inverting the cumulative sum: one draw. */
export function chooseHedge(state: LearnerState, source: Source): number {
  return drawFromShares(hedgeProbabilities(state), source);
}

/**
 * Learns every action's reward r_i ∈ [0, 1] this round: w_i ← w_i · exp(η r_i), with η the
 * learning rate. (The same as exp(−η ℓ_i) for losses ℓ = 1 − r, up to a common factor.)
 */
export function updateHedge(state: LearnerState, learningRate: number, rewards: readonly number[]): void {
  for (let a = 0; a < state.actions; a += 1) state.logWeights[a]! += learningRate * rewards[a]!;
  normaliseLogWeights(state.logWeights);
}
