import { needsFullFeedback, updateLearner } from '../learning/learner.js';
import type { LearnerFeedback } from '../learning/types.js';
import { isLearning, type BidderRecord, type StrategySpec } from './types.js';

/**
 * A payoff as a learner's reward in [0, 1]: payoff ÷ value, clipped to [floor, 1], rescaled.
 * `floor` is the worst payoff ÷ value a bid on the grid can earn: 0 when only a winner pays and
 * the grid bids at most the value, −1 (or lower, for a grid above 1) when losers pay too.
 */
export function normalisedReward(payoffY: number, valueY: number, floor: number): number {
  if (!(valueY > 0)) return 0.5;
  const x = Math.min(1, Math.max(floor, payoffY / valueY));
  return floor >= 1 ? 1 : (x - floor) / (1 - floor);
}

/** `normalisedReward` of each payoff, in order (a loop, not `map` with a closure: every learner's update, every auction). */
function normalisedRewards(payoffsY: readonly number[], valueY: number, floor: number): number[] {
  const rewards = new Array<number>(payoffsY.length); // its length up front: cheaper than growing it by push
  for (let a = 0; a < payoffsY.length; a++) rewards[a] = normalisedReward(payoffsY[a]!, valueY, floor);
  return rewards;
}

/** The grid index nearest to `shade` (Q-learning's state: the last winning bid as a shade of its value). */
export function nearestIndex(grid: readonly number[], shade: number): number {
  let best = 0;
  for (let a = 1; a < grid.length; a++) if (Math.abs(grid[a]! - shade) < Math.abs(grid[best]! - shade)) best = a;
  return best;
}

/** What a learner takes from one auction. */
export interface LearningFeedback {
  readonly action: number;
  /** The state the action was chosen in (Q-learning) and its probability then (EXP3); see `BidChoice`. */
  readonly context: number;
  readonly probability: number | undefined;
  readonly valueY: number;
  /** Expected payoff of the bid it made (Y). */
  readonly payoffY: number;
  /** Each grid action's payoff (Y), when the feedback policy reveals enough to compute it; else null. */
  readonly counterfactualY: readonly number[] | null;
  /** The winning bid, when revealed (null otherwise): Q-learning's next state. */
  readonly winningBidY: number | null;
  /** Worst payoff ÷ value on the grid (see `normalisedReward`). */
  readonly rewardFloor: number;
}

/** A learner's update after an auction (the observe step); nothing for other strategies. Mutates `record`. */
export function learnFromAuction(spec: StrategySpec, record: BidderRecord, f: LearningFeedback): void {
  if (!isLearning(spec) || f.action < 0) return;
  // Only Q-learning has states (the last winning bid on its grid); the bandits have one context.
  const stateful = spec.name === 'q-learning' && f.winningBidY !== null && f.valueY > 0;
  const nextContext = stateful ? nearestIndex(spec.grid, spec.actions === 'absolute' ? f.winningBidY : f.winningBidY / f.valueY) : record.context;
  const feedback: { -readonly [K in keyof LearnerFeedback]: LearnerFeedback[K] } = {
    action: f.action,
    reward: normalisedReward(f.payoffY, f.valueY, f.rewardFloor),
    // Only a full-feedback learner (Hedge) reads every action's reward: the others are not given them.
    rewards: f.counterfactualY && needsFullFeedback(spec) ? normalisedRewards(f.counterfactualY, f.valueY, f.rewardFloor) : null,
    context: f.context,
    nextContext,
  };
  // Added after, not spread in: a spread after properties is a V8 slow path (bench/README.md), and this runs per auction and learner.
  if (f.probability !== undefined) feedback.probability = f.probability;
  updateLearner(spec, record.learner!, feedback);
  record.context = nextContext;
}
