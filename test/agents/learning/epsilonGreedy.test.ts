import { describe, expect, it } from 'vitest';
import { actionProbabilities, chooseAction, createLearnerState, updateLearner } from '../../../src/agents/learning/learner.js';
import type { LearnerSpec } from '../../../src/agents/learning/types.js';
import { aleaSource, bernoulli, seeds } from './helpers.js';

describe('ε-greedy (Sutton & Barto 2018, §2.2; sample averages from 0, §2.4)', () => {
  const spec: LearnerSpec = { name: 'epsilon-greedy', epsilon: 0.1 };

  it('u₁ < ε explores to ⌊u₂ K⌋, otherwise the best mean (lowest index on ties; an unplayed arm counts 0)', () => {
    const state = createLearnerState(spec, 3);
    const draws = (u1: number, u2: number) => {
      const queue = [u1, u2];
      return () => queue.shift()!;
    };
    expect(chooseAction(spec, state, draws(0.5, 0.9))).toBe(0); // all means 0: the lowest index
    expect(chooseAction(spec, state, draws(0.05, 0.9))).toBe(2); // explore: ⌊0.9 · 3⌋
    updateLearner(spec, state, { action: 1, reward: 0.3 });
    updateLearner(spec, state, { action: 2, reward: 0.3 });
    expect(chooseAction(spec, state, draws(0.5, 0.1))).toBe(1); // means (0, 0.3, 0.3): tie → 1
    expect(actionProbabilities(spec, state)).toEqual([0.1 / 3, 1 - 0.1 + 0.1 / 3, 0.1 / 3]);
  });

  it('Bernoulli arms (0.5, 0.6), ε = 0.1, 10⁴ rounds: the better arm in ≥ 1 − ε of the last 2,000 rounds (expected 1 − ε/2 = 0.95), 5 seeds', () => {
    for (const seed of seeds(5)) {
      const rewards = aleaSource(`epsilon-greedy/rewards/${seed}`);
      const source = aleaSource(`epsilon-greedy/choices/${seed}`);
      const state = createLearnerState(spec, 2);
      let better = 0;
      for (let t = 0; t < 10_000; t += 1) {
        const x = [bernoulli(rewards, 0.5), bernoulli(rewards, 0.6)];
        const action = chooseAction(spec, state, source);
        if (t >= 8000 && action === 1) better += 1;
        updateLearner(spec, state, { action, reward: x[action]! });
      }
      expect(better / 2000).toBeGreaterThanOrEqual(1 - spec.epsilon);
      expect(actionProbabilities(spec, state)).toEqual([expect.closeTo(0.05, 15), expect.closeTo(0.95, 15)]);
    }
  });
});
