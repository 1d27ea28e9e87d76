import { describe, expect, it } from 'vitest';
import { actionProbabilities, chooseAction, createLearnerState, updateLearner } from '../../../src/agents/learning/learner.js';
import type { LearnerSpec } from '../../../src/agents/learning/types.js';
import { aleaSource, bernoulli, mean, playOblivious, seeds, type RewardsOf } from './helpers.js';

describe('EXP3 (Auer, Cesa-Bianchi, Freund & Schapire 2002, SIAM J. Comput. 32, Fig. 1)', () => {
  it('p_i = (1 − γ) w_i / Σw + γ/K, and on reward x of arm j: w_j ← w_j exp(γ (x / p_j) / K)', () => {
    const spec: LearnerSpec = { name: 'exp3', gamma: 0.5 };
    const state = createLearnerState(spec, 2);
    expect(actionProbabilities(spec, state)).toEqual([0.5, 0.5]);
    // p_1 = 0.5, x̂ = 1 / 0.5 = 2, w_1 ← exp(0.5 · 2 / 2) = e^0.5; log-weights normalised to (−0.5, 0).
    updateLearner(spec, state, { action: 1, reward: 1 });
    expect(state.logWeights).toEqual([-0.5, 0]);
    const w0 = Math.exp(-0.5);
    const p = actionProbabilities(spec, state);
    expect(p[0]).toBeCloseTo(0.5 * (w0 / (1 + w0)) + 0.25, 15);
    expect(p[1]).toBeCloseTo(0.5 * (1 / (1 + w0)) + 0.25, 15);
  });

  it('samples each action with its probability (4 binomial standard errors over 40,000 draws)', () => {
    const spec: LearnerSpec = { name: 'exp3', gamma: 0.3 };
    const state = createLearnerState(spec, 3);
    updateLearner(spec, state, { action: 2, reward: 1 });
    updateLearner(spec, state, { action: 0, reward: 0.4 });
    const p = actionProbabilities(spec, state);
    const source = aleaSource('exp3/frequencies');
    const draws = 40_000;
    const hits = [0, 0, 0];
    for (let i = 0; i < draws; i += 1) hits[chooseAction(spec, state, source)]! += 1;
    p.forEach((pi, a) => expect(Math.abs(hits[a]! / draws - pi)).toBeLessThan(4 * Math.sqrt((pi * (1 - pi)) / draws)));
  });

  describe('Corollary 3.2: K = 2, g = 10⁴ ≥ G_max, γ = min(1, sqrt(K ln K / ((e − 1) g))) → G_max − E[G_exp3] ≤ 2 sqrt(e − 1) sqrt(g K ln K) = 308.7', () => {
    const K = 2;
    const g = 10_000;
    const gamma = Math.min(1, Math.sqrt((K * Math.log(K)) / ((Math.E - 1) * g)));
    const bound = 2 * Math.sqrt(Math.E - 1) * Math.sqrt(g * K * Math.log(K));
    const spec: LearnerSpec = { name: 'exp3', gamma };

    /** Realised regret against the best fixed arm, averaged over 20 seeds of the learner (and of the rewards). */
    const meanRegret = (name: string, rewardsFor: (seed: string) => RewardsOf): number =>
      mean(
        seeds(20).map((seed) => {
          const run = playOblivious(spec, K, g, rewardsFor(seed), aleaSource(`exp3/${name}/${seed}`));
          return Math.max(...run.totals) - run.gained;
        }),
      );

    it('the bound by formula rounds to 308.7 (γ = 0.00898)', () => {
      expect(Math.round(bound * 10) / 10).toBe(308.7);
      expect(gamma).toBeCloseTo(0.00898, 5);
    });

    it('adversarial: arm 0 pays 1 for the first 600 rounds of every 1,000, arm 1 the last 400 (G_max = 6,000)', () => {
      const blocks: RewardsOf = (t) => (t % 1000 < 600 ? [1, 0] : [0, 1]);
      const regret = meanRegret('blocks', () => blocks); // 164.0 with these seeds
      expect(regret).toBeLessThanOrEqual(bound);
      expect(regret).toBeGreaterThan(0);
    });

    it('stochastic: Bernoulli arms (0.5, 0.6), drawn for both arms every round before the choice', () => {
      const regret = meanRegret('bernoulli', (seed) => {
        const rewards = aleaSource(`exp3/bernoulli-rewards/${seed}`);
        return () => [bernoulli(rewards, 0.5), bernoulli(rewards, 0.6)];
      }); // 158.4 with these seeds
      expect(regret).toBeLessThanOrEqual(bound);
      expect(regret).toBeGreaterThan(0);
    });
  });
});
