import { describe, expect, it } from 'vitest';
import { chooseAction, createLearnerState, updateLearner } from '../../../src/agents/learning/learner.js';
import type { LearnerSpec } from '../../../src/agents/learning/types.js';
import { aleaSource, bernoulli, mean, playOblivious, seeds } from './helpers.js';

const ucb1: LearnerSpec = { name: 'ucb1' };

describe('UCB1 (Auer, Cesa-Bianchi & Fischer 2002, Machine Learning 47, Fig. 1)', () => {
  it('plays each arm once, in index order, before using the index', () => {
    const state = createLearnerState(ucb1, 4);
    const played: number[] = [];
    for (let t = 0; t < 4; t += 1) {
      const action = chooseAction(ucb1, state, () => 0.5);
      played.push(action);
      updateLearner(ucb1, state, { action, reward: 0 });
    }
    expect(played).toEqual([0, 1, 2, 3]);
  });

  it('then plays argmax x̄ + sqrt(2 ln t / n): means (0.9, 0.5) after plays (3, 1) → indices 1.861 < 2.165, arm 1', () => {
    // t = 4: arm 0, 0.9 + sqrt(2 ln 4 / 3) = 1.861; arm 1, 0.5 + sqrt(2 ln 4 / 1) = 2.165.
    const state = createLearnerState(ucb1, 2);
    for (const [action, reward] of [[0, 0.9], [1, 0.5], [0, 0.9], [0, 0.9]] as const) {
      updateLearner(ucb1, state, { action, reward });
    }
    expect(chooseAction(ucb1, state, () => 0)).toBe(1);
    updateLearner(ucb1, state, { action: 1, reward: 0.5 });
    // t = 5: arm 0, 0.9 + sqrt(2 ln 5 / 3) = 1.936; arm 1, 0.5 + sqrt(2 ln 5 / 2) = 1.769.
    expect(chooseAction(ucb1, state, () => 0)).toBe(0);
  });

  it('Theorem 1 on Bernoulli arms (0.5, 0.6), n = 10⁴: mean pseudo-regret over 20 seeds ≤ Σ 8 ln n / Δ + (1 + π²/3) Σ Δ = 737.3', () => {
    const n = 10_000;
    const means = [0.5, 0.6];
    const gaps = means.map((m) => Math.max(...means) - m).filter((gap) => gap > 0);
    const bound =
      gaps.reduce((s, gap) => s + (8 * Math.log(n)) / gap, 0) + (1 + Math.PI ** 2 / 3) * gaps.reduce((s, gap) => s + gap, 0);
    expect(Math.round(bound * 10) / 10).toBe(737.3);

    // Pseudo-regret Σ_t Δ_{a_t} = 0.1 · (plays of arm 0); both arms' rewards drawn every round.
    const regrets = seeds(20).map((seed) => {
      const rewards = aleaSource(`ucb1/rewards/${seed}`);
      const run = playOblivious(ucb1, 2, n, () => means.map((m) => bernoulli(rewards, m)), aleaSource('ucb1/unused'));
      return run.plays.reduce((s, plays, a) => s + plays * (Math.max(...means) - means[a]!), 0);
    });
    const meanRegret = mean(regrets); // 86.5 with these seeds
    expect(meanRegret).toBeLessThanOrEqual(bound);
    // Well below uniform play (Δ n / 2 = 500) and well above 0: above Lai & Robbins' (1985)
    // asymptotic lower bound Δ ln n / KL(0.5 ‖ 0.6) = 45.1 for any consistent policy.
    const kl = 0.5 * Math.log(0.5 / 0.6) + 0.5 * Math.log(0.5 / 0.4);
    expect(meanRegret).toBeLessThan((0.1 * n) / 2);
    expect(meanRegret).toBeGreaterThan((0.1 * Math.log(n)) / kl);
  });
});
