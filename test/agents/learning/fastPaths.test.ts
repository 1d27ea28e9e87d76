import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionProbabilities, chooseAction, chooseActionWithProbability, createLearnerState, updateLearner } from '../../../src/agents/learning/learner.js';
import { weightShares } from '../../../src/agents/learning/logWeights.js';
import { ucb1Indices } from '../../../src/agents/learning/ucb1.js';
import type { LearnerSpec, LearnerState } from '../../../src/agents/learning/types.js';
import { aleaSource } from './helpers.js';

/** The learner after `rewards.length` rounds of playing `actions[t] mod K` and learning `rewards[t]` (every action's reward for Hedge). */
function trained(spec: LearnerSpec, actions: number, rounds: readonly (readonly [number, number])[]): LearnerState {
  const state = createLearnerState(spec, actions);
  for (const [a, r] of rounds) updateLearner(spec, state, { action: a % actions, reward: r, rewards: Array.from({ length: actions }, (_, i) => (r * (i + 1)) / actions) });
  return state;
}

/** `weightShares` as it was before the memo: one exp per log-weight, every call. */
function sharesWithoutMemo(logWeights: readonly number[]): number[] {
  const max = Math.max(...logWeights);
  const w = logWeights.map((x) => Math.exp(x - max));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}

const specs: LearnerSpec[] = [
  { name: 'exp3', gamma: 0.05 },
  { name: 'hedge', learningRate: 0.3 },
  { name: 'ucb1' },
  { name: 'epsilon-greedy', epsilon: 0.2 },
];
const rounds = fc.array(fc.tuple(fc.nat(40), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 30 });

describe('the learners\' fast paths give the same numbers as the plain ones', () => {
  it('chooseActionWithProbability = chooseAction, then actionProbabilities of the action (same draws)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), fc.integer({ min: 1, max: 21 }), rounds, fc.string(), (spec, actions, played, seed) => {
        const state = trained(spec, actions, played);
        const [a, b] = [aleaSource(seed), aleaSource(seed)];
        const chosen = chooseActionWithProbability(spec, state, a);
        const action = chooseAction(spec, state, b);
        expect(chosen).toEqual({ action, probability: actionProbabilities(spec, state)[action] });
        expect(a()).toBe(b()); // as many draws taken
      }),
    );
  });

  it('weightShares with its exp memo = without, call after call on a list that changes one entry at a time', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 0, noNaN: true }), { minLength: 1, maxLength: 21 }), fc.array(fc.tuple(fc.nat(20), fc.double({ min: -5, max: 5, noNaN: true }))), (initial, moves) => {
        const logWeights = [...initial];
        expect(weightShares(logWeights, true)).toEqual(sharesWithoutMemo(logWeights));
        for (const [i, dx] of moves) {
          logWeights[i % logWeights.length]! += dx;
          expect(weightShares(logWeights, true)).toEqual(sharesWithoutMemo(logWeights));
          expect(weightShares(logWeights)).toEqual(sharesWithoutMemo(logWeights));
        }
      }),
    );
  });

  it('ucb1Indices = x̄_a + sqrt(2 ln t / n_a), +∞ for an action never played', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 21 }), rounds, (actions, played) => {
        const state = trained({ name: 'ucb1' }, actions, played);
        const logT = Math.log(state.t);
        expect(ucb1Indices(state)).toEqual(state.counts.map((n, a) => (n > 0 ? state.sums[a]! / n + Math.sqrt((2 * logT) / n) : Infinity)));
      }),
    );
  });
});
