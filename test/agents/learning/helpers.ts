import seedrandom from 'seedrandom';
import { actionProbabilities, chooseAction, createLearnerState, updateLearner } from '../../../src/agents/learning/learner.js';
import type { LearnerSpec, Source } from '../../../src/agents/learning/types.js';

/** A seeded uniform source (seedrandom's alea, as src/engine/randomStreams.ts uses) for one test. */
export function aleaSource(seed: string): Source {
  const prng = seedrandom.alea(`learning-tests:${seed}`);
  return () => prng();
}

/** A Bernoulli draw with mean `p` from one uniform of `source`. */
export const bernoulli = (source: Source, p: number): number => (source() < p ? 1 : 0);

/** Every action's reward in round t (0-based), fixed before the learner chooses: an oblivious adversary. */
export type RewardsOf = (t: number) => readonly number[];

/** What one run of a learner against an oblivious reward sequence gained. */
export interface BanditRun {
  /** Times each action was played. */
  readonly plays: number[];
  /** Σ_t r_t(a_t), the rewards of the actions played. */
  readonly gained: number;
  /** Σ_t p_t · r_t: the reward expected under the learner's distribution each round. */
  readonly expectedGained: number;
  /** Σ_t r_t(i) for every action i (its total had it been played every round). */
  readonly totals: number[];
}

/**
 * Plays `rounds` rounds: each round the environment fixes every action's rewards, the learner
 * chooses (drawing from `source`), sees the played action's reward (and, for Hedge, all of them)
 * and learns.
 */
export function playOblivious(
  spec: LearnerSpec,
  actions: number,
  rounds: number,
  rewardsOf: RewardsOf,
  source: Source,
): BanditRun {
  const state = createLearnerState(spec, actions);
  const totals = new Array<number>(actions).fill(0);
  let gained = 0;
  let expectedGained = 0;
  for (let t = 0; t < rounds; t += 1) {
    const rewards = rewardsOf(t);
    const probabilities = actionProbabilities(spec, state);
    for (let i = 0; i < actions; i += 1) {
      expectedGained += probabilities[i]! * rewards[i]!;
      totals[i]! += rewards[i]!;
    }
    const action = chooseAction(spec, state, source);
    gained += rewards[action]!;
    updateLearner(spec, state, { action, reward: rewards[action]!, rewards });
  }
  return { plays: state.counts, gained, expectedGained, totals };
}

/** Arithmetic mean. */
export const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

/** Seeds `0 … n−1` as strings, one independent run each. */
export const seeds = (n: number): string[] => Array.from({ length: n }, (_, i) => String(i));
