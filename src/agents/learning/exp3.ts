import type { LearnerState, Source } from './types.js';
import { drawFromShares, normaliseLogWeights, weightShares } from './logWeights.js';

/*
 * EXP3 (Auer, Cesa-Bianchi, Freund & Schapire 2002, "The nonstochastic multiarmed bandit problem",
 * SIAM J. Comput. 32, Fig. 1), with γ ∈ (0, 1] and K actions.
 */

/** EXP3's distribution over actions: p_i = (1 − γ) w_i / Σ_j w_j + γ / K (every p_i ≥ γ/K > 0). */
export function exp3Probabilities(state: LearnerState, gamma: number): number[] {
  const explore = gamma / state.actions;
  const probabilities = weightShares(state.logWeights, true); // a fresh array, mixed in place; one exp a round changes (`updateExp3`)
  for (let i = 0; i < probabilities.length; i++) probabilities[i] = (1 - gamma) * probabilities[i]! + explore;
  return probabilities;
}

/** Samples an action from `exp3Probabilities` by inverting its cumulative sum: one draw. */
export function chooseExp3(state: LearnerState, gamma: number, source: Source): number {
  return drawFromShares(exp3Probabilities(state, gamma), source);
}

/**
 * Learns reward x ∈ [0, 1] of the played action j: with the importance-weighted estimate
 * x̂_j = x / p_j, w_j ← w_j · exp(γ x̂_j / K); the other weights are unchanged. p_j is the action's
 * probability when it was chosen: `chosenWith` when given, else recomputed from the state (which
 * then must not have changed since the choice).
 */
export function updateExp3(state: LearnerState, gamma: number, action: number, reward: number, chosenWith?: number): void {
  const p = chosenWith ?? exp3Probabilities(state, gamma)[action]!;
  // γx̂/K written as x·((γ/K)/p): since p ≥ γ/K the ratio is ≤ 1, so the step never exceeds x
  // and cannot overflow however small p is.
  state.logWeights[action]! += reward * (gamma / state.actions / p);
  normaliseLogWeights(state.logWeights);
}
