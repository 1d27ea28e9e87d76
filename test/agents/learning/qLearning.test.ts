import { describe, expect, it } from 'vitest';
import { actionProbabilities, chooseAction, createLearnerState, updateLearner } from '../../../src/agents/learning/learner.js';
import type { LearnerSpec } from '../../../src/agents/learning/types.js';
import { aleaSource, seeds } from './helpers.js';

/*
 * A deterministic MDP with 2 states and 2 actions: in state 0, action 0 pays 0.2 and stays, action
 * 1 pays 0 and moves to state 1; in state 1, action 0 pays 1 and moves to state 0, action 1 pays 0.5
 * and stays. With δ = 0.9 the optimal policy alternates (V(1) = 1/(1 − 0.81) = 5.263), only 0.026
 * better than staying in state 1, so a learner must get Q right to the second decimal.
 */
const REWARD = [
  [0.2, 0],
  [1, 0.5],
];
const NEXT = [
  [0, 1],
  [0, 1],
];

/** Q* by value iteration on the Bellman optimality equation Q(s,a) = r(s,a) + δ max_a' Q(s',a'). */
function optimalQ(discount: number): number[] {
  let q = [0, 0, 0, 0];
  for (let i = 0; i < 2000; i += 1) {
    q = q.map((_, index) => {
      const s = Math.floor(index / 2);
      const a = index % 2;
      const next = NEXT[s]![a]!;
      return REWARD[s]![a]! + discount * Math.max(q[2 * next]!, q[2 * next + 1]!);
    });
  }
  return q;
}

describe('Q-learning (Watkins & Dayan 1992) as in Banchio & Skrzypacz 2022, EC\'22', () => {
  it('starts optimistic at 1 / (1 − δ), and updates Q(s,a) ← (1 − α) Q(s,a) + α (r + δ max Q(s′,·))', () => {
    const spec: LearnerSpec = { name: 'q-learning', learningRate: 0.1, discount: 0.5, epsilon: 0, epsilonDecay: 0 };
    const state = createLearnerState(spec, 2, 2);
    expect(state.q).toEqual([2, 2, 2, 2]);
    updateLearner(spec, state, { action: 1, reward: 1, context: 0, nextContext: 1 });
    expect(state.q[1]).toBeCloseTo(0.9 * 2 + 0.1 * (1 + 0.5 * 2), 15);
    expect(state.q.filter((_, i) => i !== 1)).toEqual([2, 2, 2]);
  });

  it('explores with ε_t = ε exp(−β t), t = rounds learned: at t = 3, ε = 0.4, β = 0.1, probabilities (1 − ε_t) greedy + ε_t / K', () => {
    const spec: LearnerSpec = { name: 'q-learning', learningRate: 0.5, discount: 0, epsilon: 0.4, epsilonDecay: 0.1 };
    const state = createLearnerState(spec, 2);
    for (let t = 0; t < 3; t += 1) updateLearner(spec, state, { action: 0, reward: 0 });
    const epsilonT = 0.4 * Math.exp(-0.3);
    const p = actionProbabilities(spec, state);
    expect(p[0]).toBeCloseTo(epsilonT / 2, 15); // Q(0, 0) fell below the untried action's 1
    expect(p[1]).toBeCloseTo(1 - epsilonT / 2, 15);
  });

  it('converges to Q* (value iteration) within 1e-6 in a 2-state MDP: α = 0.2, δ = 0.9, ε = 1, β = 10⁻³, 2·10⁴ steps, 5 seeds', () => {
    const spec: LearnerSpec = { name: 'q-learning', learningRate: 0.2, discount: 0.9, epsilon: 1, epsilonDecay: 1e-3 };
    const qStar = optimalQ(0.9);
    // Closed form of the alternating policy: V(1) = 1 / (1 − δ²), V(0) = δ V(1).
    const v1 = 1 / (1 - 0.81);
    const v0 = 0.9 * v1;
    [0.2 + 0.9 * v0, 0.9 * v1, 1 + 0.9 * v0, 0.5 + 0.9 * v1].forEach((q, i) => expect(qStar[i]).toBeCloseTo(q, 12));
    for (const seed of seeds(5)) {
      const source = aleaSource(`q-learning/${seed}`);
      const state = createLearnerState(spec, 2, 2);
      let s = 0;
      for (let t = 0; t < 20_000; t += 1) {
        const a = chooseAction(spec, state, source, s);
        const next = NEXT[s]![a]!;
        updateLearner(spec, state, { action: a, reward: REWARD[s]![a]!, context: s, nextContext: next });
        s = next;
      }
      state.q.forEach((q, i) => expect(Math.abs(q - qStar[i]!)).toBeLessThan(1e-6));
      // The greedy policy is the optimal one: move to state 1, then alternate.
      const greedy = [0, 1].map((context) => (state.q[2 * context + 1]! > state.q[2 * context]! ? 1 : 0));
      expect(greedy).toEqual([1, 0]);
    }
  });
});
