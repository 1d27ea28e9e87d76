import { describe, expect, it } from 'vitest';
import { actionProbabilities, createLearnerState, needsFullFeedback, updateLearner } from '../../../src/agents/learning/learner.js';
import type { LearnerSpec } from '../../../src/agents/learning/types.js';
import { aleaSource, playOblivious, type RewardsOf } from './helpers.js';

describe('Hedge (Freund & Schapire 1997; Cesa-Bianchi & Lugosi 2006, §2.1)', () => {
  it('w_i ∝ exp(η Σ_t r_t(i)): after rewards (1, 0, 0.5) and (0, 0, 1) with η = 0.7, p ∝ (e^0.7, 1, e^1.05)', () => {
    const spec: LearnerSpec = { name: 'hedge', learningRate: 0.7 };
    const state = createLearnerState(spec, 3);
    updateLearner(spec, state, { action: 0, reward: 1, rewards: [1, 0, 0.5] });
    updateLearner(spec, state, { action: 2, reward: 1, rewards: [0, 0, 1] });
    const w = [Math.exp(0.7), 1, Math.exp(1.05)];
    const total = w[0]! + w[1]! + w[2]!;
    actionProbabilities(spec, state).forEach((p, i) => expect(p).toBeCloseTo(w[i]! / total, 15));
    expect(Math.max(...state.logWeights)).toBe(0);
  });

  it('needs the full reward vector: a RangeError without feedback.rewards, state unchanged', () => {
    const spec: LearnerSpec = { name: 'hedge', learningRate: 0.1 };
    const state = createLearnerState(spec, 2);
    expect(needsFullFeedback(spec)).toBe(true);
    expect(() => updateLearner(spec, state, { action: 0, reward: 1 })).toThrow(RangeError);
    expect(() => updateLearner(spec, state, { action: 0, reward: 1, rewards: null })).toThrow(RangeError);
    expect(state).toEqual(createLearnerState(spec, 2));
  });

  it('Theorem 2.2: η = sqrt(8 ln K / T) gives expected regret ≤ sqrt(T ln K / 2) = 89.7 (K = 5, T = 10⁴, deterministic adversary)', () => {
    const K = 5;
    const T = 10_000;
    const bound = Math.sqrt((T * Math.log(K)) / 2);
    expect(Math.round(bound * 10) / 10).toBe(89.7);
    const spec: LearnerSpec = { name: 'hedge', learningRate: Math.sqrt((8 * Math.log(K)) / T) };
    // Arm 0 pays 1 and the rest 0.5 until round 4,800; then arm 0 pays 0 and arm 1 pays 1, so arm 1
    // overtakes the leader Hedge has concentrated on (G = 4,800, 7,600, 5,000, 5,000, 5,000).
    const lateSwitch: RewardsOf = (t) =>
      t < 4800 ? [1, 0.5, 0.5, 0.5, 0.5] : [0, 1, 0.5, 0.5, 0.5];
    const run = playOblivious(spec, K, T, lateSwitch, aleaSource('hedge/choices'));
    expect(run.totals).toEqual([4800, 7600, 5000, 5000, 5000]);
    // The theorem bounds the expected regret of the randomised forecaster, i.e. of the
    // probability-weighted reward Σ_t p_t · r_t, which is deterministic.
    const regret = Math.max(...run.totals) - run.expectedGained; // 45.6
    expect(regret).toBeLessThanOrEqual(bound);
    expect(regret).toBeGreaterThan(0);
  });

  it('log-weights stay normalised and finite over the equivalent of 10⁶ rounds (10⁵ rounds at η = 10), and at η = Number.MAX_VALUE', () => {
    for (const learningRate of [10, Number.MAX_VALUE]) {
      const spec: LearnerSpec = { name: 'hedge', learningRate };
      const state = createLearnerState(spec, 2);
      const rounds = learningRate === 10 ? 100_000 : 3;
      for (let t = 0; t < rounds; t += 1) updateLearner(spec, state, { action: 0, reward: 1, rewards: [1, 0] });
      expect(state.logWeights[0]).toBe(0);
      expect(Number.isFinite(state.logWeights[1])).toBe(true);
      expect(state.logWeights[1]).toBeLessThanOrEqual(-1e6);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      expect(actionProbabilities(spec, state)).toEqual([1, 0]);
    }
  });
});
