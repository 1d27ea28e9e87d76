import type { LearnerSpec } from '../learning/types.js';

/**
 * Discrete choices a searcher can learn (the config's `choices`): how to bundle a cross-rollup
 * opportunity, which rollup's token pays an atomic bid, which builder gets its flow exclusively
 * (null: every builder). Each combination of the listed options is one arm of a bandit.
 */
export interface ChoiceOptions {
  readonly bundling?: readonly ('atomic' | 'split')[];
  readonly payOn?: readonly string[];
  readonly exclusiveBuilder?: readonly (string | null)[];
}

/** A learner of discrete choices (bandits only: the other arms' payoffs are never observed). */
export type ChoiceLearnerSpec = Extract<LearnerSpec, { readonly name: 'epsilon-greedy' | 'ucb1' | 'exp3' }>;

export interface ChoiceSpec extends ChoiceOptions {
  readonly learner: ChoiceLearnerSpec;
}

/** One arm: the value each listed option takes (an option not listed keeps the config's). */
export interface ChoiceArm {
  readonly bundling?: 'atomic' | 'split';
  readonly payOn?: string;
  readonly exclusiveBuilder?: string | null;
}

/** Every combination of the listed options, bundling slowest, then payOn, then exclusiveBuilder. */
export function choiceArms(options: ChoiceOptions): ChoiceArm[] {
  let arms: ChoiceArm[] = [{}];
  const extend = <K extends keyof ChoiceArm>(key: K, values: readonly ChoiceArm[K][] | undefined) => {
    if (values === undefined) return;
    arms = arms.flatMap((arm) => values.map((v) => Object.assign({}, arm, { [key]: v }) as ChoiceArm));
  };
  extend('bundling', options.bundling);
  extend('payOn', options.payOn);
  extend('exclusiveBuilder', options.exclusiveBuilder);
  return arms;
}

/** An arm as text: `bundling=split, payOn=B, exclusiveBuilder=none`. */
export function armLabel(arm: ChoiceArm): string {
  return Object.entries(arm).map(([k, v]) => `${k}=${v ?? 'none'}`).join(', ');
}
