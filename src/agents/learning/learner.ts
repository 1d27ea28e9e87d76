import type { LearnerFeedback, LearnerSpec, LearnerState, Source } from './types.js';
import { requireCount, requireIndex, requireReward, requireStateFor, requireValidSpec } from './checks.js';
import { chooseEpsilonGreedy, empiricalMeans, epsilonGreedyProbabilities } from './epsilonGreedy.js';
import { chooseExp3, exp3Probabilities, updateExp3 } from './exp3.js';
import { chooseHedge, hedgeProbabilities, updateHedge } from './hedge.js';
import { chooseQLearning, initialQValue, qLearningProbabilities, updateQLearning } from './qLearning.js';
import { chooseUcb1, ucb1Probabilities } from './ucb1.js';
import { drawFromShares, usesLogWeights } from './logWeights.js';

/*
 * The learners behind one interface (types.ts): create a state, choose an action (pure), learn from
 * feedback (the one function that changes the state). Every algorithm keeps t, counts and sums;
 * EXP3 and Hedge add log-weights, Q-learning a Q-table.
 */

/**
 * A new learner over `actions` actions and `contexts` contexts (only Q-learning distinguishes
 * contexts; the others accept any valid context index and ignore it). Log-weights start at 0
 * (uniform), the Q-table at 1 / (1 − δ) (see `initialQValue`).
 *
 * @throws RangeError if `actions` or `contexts` is not an integer ≥ 1, or a parameter of `spec` is
 *   outside its algorithm's range (ε, γ ∈ [0, 1] with γ > 0; α ∈ (0, 1]; δ ∈ [0, 1); η, β ≥ 0).
 */
export function createLearnerState(spec: LearnerSpec, actions: number, contexts = 1): LearnerState {
  requireValidSpec(spec);
  requireCount('actions', actions);
  requireCount('contexts', contexts);
  const zeros = (): number[] => new Array<number>(actions).fill(0);
  return {
    t: 0,
    counts: zeros(),
    sums: zeros(),
    logWeights: usesLogWeights(spec) ? zeros() : [],
    q: spec.name === 'q-learning' ? new Array<number>(actions * contexts).fill(initialQValue(spec)) : [],
    actions,
    contexts,
  };
}

/** Throws unless `spec`, `state` and `context` fit together. */
function requireUsable(spec: LearnerSpec, state: LearnerState, context: number): void {
  requireValidSpec(spec);
  requireCount('actions', state.actions);
  requireCount('contexts', state.contexts);
  requireStateFor(spec, state);
  requireIndex('context', context, state.contexts);
}

/**
 * The action to play, in `context`; does not change `state`. Draws from `source`, the same number
 * on every call whatever is drawn (so a stream's later draws never depend on the choice):
 * ε-greedy 2 (explore?, uniform action), UCB1 0, EXP3 1, Hedge 1, Q-learning 2 (as ε-greedy).
 * Ties between equally good actions go to the lowest index.
 *
 * @throws RangeError if the state does not fit the spec, or `context` is not in [0, contexts).
 */
export function chooseAction(spec: LearnerSpec, state: LearnerState, source: Source, context = 0): number {
  requireUsable(spec, state, context);
  switch (spec.name) {
    case 'epsilon-greedy':
      return chooseEpsilonGreedy(empiricalMeans(state), spec.epsilon, source);
    case 'ucb1':
      return chooseUcb1(state);
    case 'exp3':
      return chooseExp3(state, spec.gamma, source);
    case 'hedge':
      return chooseHedge(state, source);
    case 'q-learning':
      return chooseQLearning(spec, state, source, context);
  }
}

/**
 * `chooseAction` and the played action's probability under `actionProbabilities` (what EXP3's
 * update needs when other updates may come between: `LearnerFeedback.probability`). The same
 * draws and the same numbers; EXP3's and Hedge's distribution is worked out once for both.
 *
 * @throws RangeError as `chooseAction`.
 */
export function chooseActionWithProbability(spec: LearnerSpec, state: LearnerState, source: Source, context = 0): { action: number; probability: number } {
  if (spec.name !== 'exp3' && spec.name !== 'hedge') {
    const action = chooseAction(spec, state, source, context);
    return { action, probability: actionProbabilities(spec, state, context)[action]! };
  }
  requireUsable(spec, state, context);
  const probabilities = spec.name === 'exp3' ? exp3Probabilities(state, spec.gamma) : hedgeProbabilities(state);
  const action = drawFromShares(probabilities, source); // as `chooseExp3` and `chooseHedge` draw
  return { action, probability: probabilities[action]! };
}

/**
 * The probability of each action under `chooseAction` now, in `context` (sums to 1). Exact for
 * every algorithm: for UCB1, which draws nothing, it is 1 on the action it will play.
 *
 * @throws RangeError as `chooseAction`.
 */
export function actionProbabilities(spec: LearnerSpec, state: LearnerState, context = 0): number[] {
  requireUsable(spec, state, context);
  switch (spec.name) {
    case 'epsilon-greedy':
      return epsilonGreedyProbabilities(empiricalMeans(state), spec.epsilon);
    case 'ucb1':
      return ucb1Probabilities(state);
    case 'exp3':
      return exp3Probabilities(state, spec.gamma);
    case 'hedge':
      return hedgeProbabilities(state);
    case 'q-learning':
      return qLearningProbabilities(spec, state, context);
  }
}

/** True when the learner needs every action's reward each round (`feedback.rewards`): Hedge. */
export function needsFullFeedback(spec: LearnerSpec): boolean {
  return spec.name === 'hedge';
}

/** Throws unless `feedback` fits `state` (and carries the reward vector when `spec` needs it). */
function requireFeedback(spec: LearnerSpec, state: LearnerState, feedback: LearnerFeedback): void {
  requireIndex('feedback.action', feedback.action, state.actions);
  requireReward('feedback.reward', feedback.reward);
  requireIndex('feedback.nextContext', feedback.nextContext ?? 0, state.contexts);
  const p = feedback.probability;
  if (p !== undefined && !(p > 0 && p <= 1)) throw new RangeError(`feedback.probability must be in (0, 1], got ${p}`);
  const { rewards } = feedback;
  if (rewards == null) {
    if (needsFullFeedback(spec)) throw new RangeError(`${spec.name} needs feedback.rewards (every action's reward)`);
    return;
  }
  if (rewards.length !== state.actions) {
    throw new RangeError(`feedback.rewards must have ${state.actions} entries, got ${rewards.length}`);
  }
  for (let a = 0; a < rewards.length; a++) requireReward('feedback.rewards', rewards[a]!, a);
}

/**
 * Learns from the round in which `feedback.action` (chosen by `chooseAction` from this same state)
 * was played; changes `state` in place. Every learner counts the round (t, counts, sums of the
 * played action's reward); then ε-greedy and UCB1 need nothing more, EXP3 and Hedge update their
 * weights and Q-learning its table (`feedback.context`, `feedback.nextContext`, default 0). Only
 * Hedge reads `feedback.rewards`.
 *
 * @throws RangeError, leaving `state` unchanged, if the action or a context is out of range, a
 *   reward is outside [0, 1], `rewards` has the wrong length, or Hedge gets no `rewards`.
 */
export function updateLearner(spec: LearnerSpec, state: LearnerState, feedback: LearnerFeedback): void {
  const context = feedback.context ?? 0;
  requireUsable(spec, state, context);
  requireFeedback(spec, state, feedback);
  const { action, reward } = feedback;
  switch (spec.name) {
    case 'exp3':
      updateExp3(state, spec.gamma, action, reward, feedback.probability);
      break;
    case 'hedge':
      updateHedge(state, spec.learningRate, feedback.rewards!);
      break;
    case 'q-learning':
      updateQLearning(spec, state, context, action, reward, feedback.nextContext ?? 0);
      break;
    case 'epsilon-greedy':
    case 'ucb1':
      break; // the counts and sums below are all they learn from
  }
  state.t += 1;
  state.counts[action]! += 1;
  state.sums[action]! += reward;
}
