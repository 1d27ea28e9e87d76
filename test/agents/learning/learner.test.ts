import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  actionProbabilities,
  chooseAction,
  createLearnerState,
  needsFullFeedback,
  updateLearner,
} from '../../../src/agents/learning/learner.js';
import type { LearnerSpec, LearnerState, Source } from '../../../src/agents/learning/types.js';
import { aleaSource } from './helpers.js';

const SPECS: readonly LearnerSpec[] = [
  { name: 'epsilon-greedy', epsilon: 0.2 },
  { name: 'ucb1' },
  { name: 'exp3', gamma: 0.1 },
  { name: 'hedge', learningRate: 0.05 },
  { name: 'q-learning', learningRate: 0.1, discount: 0.95, epsilon: 0.5, epsilonDecay: 1e-3 },
];
const DRAWS_PER_CHOICE: Record<LearnerSpec['name'], number> = {
  'epsilon-greedy': 2,
  ucb1: 0,
  exp3: 1,
  hedge: 1,
  'q-learning': 2,
};
const ACTIONS = 3;
const CONTEXTS = 2;

/** Alea with its state exposed, so a test can checkpoint a stream as the engine does. */
function statefulAlea(seed: string, state?: seedrandom.State.Alea) {
  return seedrandom.alea(seed, { state: state ? { ...state } : true });
}

/** Where a run of rounds ended: the choices made and the context the next round is in. */
interface Played {
  readonly choices: number[];
  readonly context: number;
}

/**
 * `rounds` rounds from `state` (changed in place), starting in `context`: rewards from
 * `rewardStream` for every action; the next context is the action played mod `CONTEXTS`.
 */
function playRounds(
  spec: LearnerSpec,
  state: LearnerState,
  streams: { readonly choices: Source; readonly rewards: Source },
  context: number,
  rounds: number,
): Played {
  const choices: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    const rewards = Array.from({ length: ACTIONS }, () => streams.rewards());
    const action = chooseAction(spec, state, streams.choices, context);
    const nextContext = action % CONTEXTS;
    updateLearner(spec, state, { action, reward: rewards[action]!, rewards, context, nextContext });
    choices.push(action);
    context = nextContext;
  }
  return { choices, context };
}

describe('learner interface (types.ts)', () => {
  describe.each(SPECS)('$name', (spec) => {
    it('resumes byte-identically from a structuredClone or JSON copy of its state (and of its streams)', () => {
      const choices = statefulAlea('round-trip/choices');
      const rewards = statefulAlea('round-trip/rewards');
      const state = createLearnerState(spec, ACTIONS, CONTEXTS);
      const { context } = playRounds(spec, state, { choices, rewards }, 0, 300);
      const copies = [structuredClone(state), JSON.parse(JSON.stringify(state)) as LearnerState];
      const saved = { choices: choices.state(), rewards: rewards.state() };

      const original = playRounds(spec, state, { choices, rewards }, context, 300);
      for (const copy of copies) {
        const streams = { choices: statefulAlea('', saved.choices), rewards: statefulAlea('', saved.rewards) };
        expect(playRounds(spec, copy, streams, context, 300)).toEqual(original);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(state));
      }
    });

    it(`chooseAction leaves the state unchanged and always takes ${DRAWS_PER_CHOICE[spec.name]} draw(s)`, () => {
      const source = aleaSource(`draws/${spec.name}`);
      let calls = 0;
      const counting: Source = () => {
        calls += 1;
        return source();
      };
      const state = createLearnerState(spec, ACTIONS, CONTEXTS);
      for (let t = 0; t < 200; t += 1) {
        const before = JSON.stringify(state);
        const callsBefore = calls;
        const action = chooseAction(spec, state, counting, t % CONTEXTS);
        expect(calls - callsBefore).toBe(DRAWS_PER_CHOICE[spec.name]);
        expect(JSON.stringify(state)).toBe(before);
        updateLearner(spec, state, { action, reward: (t % 7) / 6, rewards: [0.1, 0.5, 0.9], context: t % CONTEXTS });
      }
    });

    it('a fresh learner: probabilities sum to 1; weights start uniform, greedy ties go to the lowest index', () => {
      const state = createLearnerState(spec, ACTIONS, CONTEXTS);
      const p = actionProbabilities(spec, state, 1);
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
      if (spec.name === 'exp3' || spec.name === 'hedge') {
        expect(p).toEqual(p.map(() => expect.closeTo(1 / ACTIONS, 15)));
      } else {
        // u = 0.99 never explores (ε ≤ 0.5 here): every value is equal, the lowest index wins.
        expect(chooseAction(spec, state, () => 0.99, 1)).toBe(0);
      }
    });

    it('input checks: RangeError on actions < 1, a bad context, a reward outside [0, 1] or a bad action; state unchanged', () => {
      expect(() => createLearnerState(spec, 0)).toThrow(RangeError);
      expect(() => createLearnerState(spec, 2.5)).toThrow(RangeError);
      expect(() => createLearnerState(spec, 2, 0)).toThrow(RangeError);
      const state = createLearnerState(spec, ACTIONS, CONTEXTS);
      const fresh = structuredClone(state);
      const source = aleaSource('checks');
      for (const context of [-1, CONTEXTS, 0.5, Number.NaN]) {
        expect(() => chooseAction(spec, state, source, context)).toThrow(RangeError);
        expect(() => actionProbabilities(spec, state, context)).toThrow(RangeError);
        expect(() => updateLearner(spec, state, { action: 0, reward: 0, rewards: [0, 0, 0], context })).toThrow(RangeError);
        expect(() => updateLearner(spec, state, { action: 0, reward: 0, rewards: [0, 0, 0], nextContext: context })).toThrow(
          RangeError,
        );
      }
      expect(() => chooseAction(spec, { ...state, actions: 0 }, source)).toThrow(RangeError);
      for (const reward of [-0.01, 1.01, Number.NaN, Infinity]) {
        expect(() => updateLearner(spec, state, { action: 0, reward, rewards: [0, 0, 0] })).toThrow(RangeError);
        expect(() => updateLearner(spec, state, { action: 0, reward: 0, rewards: [0, reward, 0] })).toThrow(RangeError);
      }
      for (const action of [-1, ACTIONS, 1.5]) {
        expect(() => updateLearner(spec, state, { action, reward: 0, rewards: [0, 0, 0] })).toThrow(RangeError);
      }
      expect(() => updateLearner(spec, state, { action: 0, reward: 0, rewards: [0, 0] })).toThrow(RangeError);
      expect(state).toEqual(fresh);
    });
  });

  it('a state paired with another algorithm’s spec, or a spec with parameters out of range, is a RangeError', () => {
    const exp3State = createLearnerState({ name: 'exp3', gamma: 0.1 }, 2);
    expect(() => chooseAction({ name: 'ucb1' }, exp3State, () => 0)).toThrow(RangeError);
    expect(() => chooseAction({ name: 'q-learning', learningRate: 0.1, discount: 0, epsilon: 0, epsilonDecay: 0 }, exp3State, () => 0)).toThrow(RangeError);
    const bad: LearnerSpec[] = [
      { name: 'epsilon-greedy', epsilon: 1.5 },
      { name: 'exp3', gamma: 0 },
      { name: 'hedge', learningRate: -1 },
      { name: 'hedge', learningRate: Infinity },
      { name: 'q-learning', learningRate: 0.1, discount: 1, epsilon: 0.1, epsilonDecay: 0 },
      { name: 'q-learning', learningRate: 0, discount: 0.9, epsilon: 0.1, epsilonDecay: 0 },
      { name: 'q-learning', learningRate: 0.1, discount: 0.9, epsilon: Number.NaN, epsilonDecay: 0 },
      { name: 'q-learning', learningRate: 0.1, discount: 0.9, epsilon: 0.1, epsilonDecay: -1 },
    ];
    for (const spec of bad) expect(() => createLearnerState(spec, 2)).toThrow(RangeError);
  });

  it('only Hedge needs full feedback', () => {
    expect(SPECS.filter(needsFullFeedback).map((s) => s.name)).toEqual(['hedge']);
  });
});
