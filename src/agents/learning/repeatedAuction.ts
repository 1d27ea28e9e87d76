import { createStream, type Source } from '../../engine/randomStreams.js';
import { getMechanism } from '../../market/mechanisms/registry.js';
import type { Allocation, Bid, Payments } from '../../market/mechanisms/types.js';
import { actionProbabilities, chooseAction, createLearnerState, updateLearner } from './learner.js';
import { updateQLearning } from './qLearning.js';
import type { LearnerSpec, LearnerState } from './types.js';

/*
 * Learning bidders in a repeated sealed-bid auction with fixed values: the laboratory of Banchio &
 * Skrzypacz 2022 ("Artificial Intelligence and Auction Design", EC'22, arXiv 2202.05947) and of
 * Deng, Hu, Lin & Zheng 2022 ("Nash Convergence of Mean-Based Learning Algorithms in First Price
 * Auctions", WWW'22, arXiv 2110.03906). Each round every bidder picks a grid point, bids it times
 * its own value, the mechanism's own allocate/pay settle the round, and every bidder learns.
 */

/** The winner-take-all mechanisms without parameters whose losers pay nothing (rewards stay in [0, 1]). */
export type RepeatedAuctionMechanism = 'first-price' | 'second-price';

/**
 * What a bidder learns after a round. `own`: only its own reward (bandit feedback). `min-to-win`:
 * also what every grid bid would have earned against the others' realised bids — for two bidders
 * exactly what disclosing the minimum bid to win reveals (as Google did when its ad exchange switched
 * to first price in 2019; Banchio & Skrzypacz §5); with more bidders it also needs how many others
 * tied at the top (only for tie shares).
 */
export type RepeatedAuctionFeedback = 'own' | 'min-to-win';

export interface RepeatedAuctionConfig {
  readonly mechanism: { readonly name: RepeatedAuctionMechanism };
  /** Each bidder's value for the item, in numéraire, > 0 (constant over rounds). */
  readonly values: readonly number[];
  /** Bids as fractions of the bidder's own value, each in [0, 1]; action a bids grid[a] × value. */
  readonly grid: readonly number[];
  /** One learner per bidder (same length as `values`). */
  readonly learners: readonly LearnerSpec[];
  /** Rounds to play, an integer ≥ 1. */
  readonly rounds: number;
  readonly feedback: RepeatedAuctionFeedback;
  /** Master seed: bidder i draws from stream `bidder/i`, the mechanism's tie-break from `auction`. */
  readonly seed: number | string;
}

export interface RepeatedAuctionResult {
  /** actions[i][t]: the grid index bidder i played in round t (its bid is grid[a] × its value). */
  readonly actions: Int32Array[];
  /** Highest bid of each round, in numéraire. */
  readonly winningBids: Float64Array;
  /** Payment to the proposer each round, in numéraire. */
  readonly revenue: Float64Array;
  /** Each bidder's action distribution over the grid after the last round. */
  readonly finalProbabilities: number[][];
}

/** Throws a RangeError unless the config describes a playable game. */
function requireValidConfig(config: RepeatedAuctionConfig): void {
  const { values, grid, learners, rounds } = config;
  if (values.length < 1 || learners.length !== values.length) {
    throw new RangeError(`need one learner per value, got ${learners.length} learners for ${values.length} values`);
  }
  if (!values.every((v) => Number.isFinite(v) && v > 0)) throw new RangeError('values must be finite and > 0');
  if (grid.length < 1 || !grid.every((g) => g >= 0 && g <= 1)) throw new RangeError('grid points must be in [0, 1]');
  if (!(Number.isInteger(rounds) && rounds >= 1)) throw new RangeError(`rounds must be an integer >= 1, got ${rounds}`);
}

/** The parts of a config that decide what a bid earns. */
export type AuctionGame = Pick<RepeatedAuctionConfig, 'mechanism' | 'values' | 'grid'>;

/**
 * Bidder i's payoff as a share of its value: (v − p)/v if it won, else 0; in [0, 1] because the
 * winner of a first- or second-price auction pays at most its bid, and bids are at most the value.
 */
function rewardOf(game: AuctionGame, allocation: Allocation, payments: Payments, i: number): number {
  if (allocation.winnerIndex !== i) return 0;
  return (game.values[i]! - payments.perBidder[i]!) / game.values[i]!;
}

/** The sealed bids when bidder i plays grid action actions[i]: grid[actions[i]] × values[i]. */
export function bidsOf(game: AuctionGame, actions: ArrayLike<number>): Bid[] {
  return game.values.map((value, i) => ({ bidderId: `bidder-${i}`, amount: game.grid[actions[i]!]! * value }));
}

/**
 * What each grid action would have earned bidder i this round, the others' bids held fixed: the
 * mechanism's win probability times the payoff share when it wins (a tie pays its expected share).
 * The mechanism's own rules decide, so ties and prices follow `allocate`/`pay` exactly.
 */
export function counterfactualRewards(game: AuctionGame, bids: readonly Bid[], i: number): number[] {
  const mechanism = getMechanism(game.mechanism.name);
  const value = game.values[i]!;
  const noDraw: Source = () => 0; // only the ex-ante win probabilities are read
  return game.grid.map((g) => {
    const trial = bids.map((bid, j) => (j === i ? { bidderId: bid.bidderId, amount: g * value } : bid));
    const allocation = mechanism.allocate(trial, {}, noDraw);
    const p = allocation.winProbabilities[i]!;
    if (p === 0) return 0;
    const asWinner: Allocation = {
      winProbabilities: allocation.winProbabilities,
      winnerIndex: i,
      floor: allocation.floor,
      auctionedShare: allocation.auctionedShare,
    };
    const payment = mechanism.pay(trial, asWinner, {}).perBidder[i]!;
    return (p * (value - payment)) / value;
  });
}

/**
 * True when no bidder can raise its expected reward by more than `tolerance` by playing another
 * grid action, the others' actions fixed: a pure Nash equilibrium of the one-shot grid game
 * (ties paid their expected share, as `counterfactualRewards`).
 */
export function isPureNashEquilibrium(game: AuctionGame, actions: ArrayLike<number>, tolerance = 1e-12): boolean {
  const bids = bidsOf(game, actions);
  return game.values.every((_, i) => {
    const rewards = counterfactualRewards(game, bids, i);
    return Math.max(...rewards) <= rewards[actions[i]!]! + tolerance;
  });
}

/** One bidder's learner, its stream and its memo of counterfactual rewards. */
interface Bidder {
  readonly spec: LearnerSpec;
  readonly state: LearnerState;
  readonly source: Source;
  /** `counterfactualRewards` by the others' bids (all they depend on); at most K^(n−1) entries. */
  readonly counterfactuals: Map<string, number[]>;
}

function createBidders(config: RepeatedAuctionConfig): Bidder[] {
  return config.learners.map((spec, i) => ({
    spec,
    state: createLearnerState(spec, config.grid.length),
    source: createStream(config.seed, `bidder/${i}`).next,
    counterfactuals: new Map<string, number[]>(),
  }));
}

/** `counterfactualRewards` of bidder i, computed once for each profile of the others' bids. */
function memoisedCounterfactuals(config: RepeatedAuctionConfig, b: Bidder, bids: readonly Bid[], i: number): number[] {
  const key = bids.map((bid, j) => (j === i ? '' : String(bid.amount))).join('|');
  let rewards = b.counterfactuals.get(key);
  if (rewards === undefined) {
    rewards = counterfactualRewards(config, bids, i);
    b.counterfactuals.set(key, rewards);
  }
  return rewards;
}

/**
 * Bidder `b` (index i) learns from the round: its realised reward for the action played and, with
 * `min-to-win` feedback, every action's counterfactual reward. Q-learning then also updates every
 * other action (Banchio & Skrzypacz's synchronous updating, §5), in index order after the played
 * one; each update reads the table's max as it stands, which differs from a max frozen before the
 * sweep by O(α). The played action learns its realised reward (a tie won or lost), the others their
 * expected one. Memoryless: the context is always 0 (Banchio & Skrzypacz's Q-learners keep no state).
 */
function learn(config: RepeatedAuctionConfig, b: Bidder, i: number, action: number, bids: readonly Bid[], reward: number): void {
  const rewards = config.feedback === 'min-to-win' ? memoisedCounterfactuals(config, b, bids, i) : null;
  updateLearner(b.spec, b.state, { action, reward, rewards });
  if (rewards !== null && b.spec.name === 'q-learning') {
    for (let a = 0; a < rewards.length; a += 1) {
      if (a !== action) updateQLearning(b.spec, b.state, 0, a, rewards[a]!, 0);
    }
  }
}

/**
 * Plays `config.rounds` rounds of the repeated auction and returns every action played, each round's winning
 * bid and revenue, and the learners' final distributions. Deterministic given the config (seeded
 * streams: `bidder/i` for bidder i's choices, `auction` for the mechanism's tie-break draw).
 *
 * @throws RangeError for an invalid config or learner spec, or Hedge with `own` feedback.
 */
export function playRepeatedAuction(config: RepeatedAuctionConfig): RepeatedAuctionResult {
  requireValidConfig(config);
  const mechanism = getMechanism(config.mechanism.name);
  const bidders = createBidders(config);
  const auctionSource = createStream(config.seed, 'auction').next;
  const played = bidders.map(() => new Int32Array(config.rounds));
  const winningBids = new Float64Array(config.rounds);
  const revenue = new Float64Array(config.rounds);
  for (let t = 0; t < config.rounds; t += 1) {
    const actions = bidders.map((b) => chooseAction(b.spec, b.state, b.source));
    const bids = bidsOf(config, actions);
    const allocation = mechanism.allocate(bids, {}, auctionSource);
    actions.forEach((a, i) => (played[i]![t] = a));
    winningBids[t] = bids[allocation.winnerIndex!]!.amount; // never null: every bid, 0 included, is eligible
    const payments = mechanism.pay(bids, allocation, {});
    revenue[t] = payments.toProposer;
    bidders.forEach((b, i) => learn(config, b, i, actions[i]!, bids, rewardOf(config, allocation, payments, i)));
  }
  return {
    actions: played,
    winningBids,
    revenue,
    finalProbabilities: bidders.map((b) => actionProbabilities(b.spec, b.state)),
  };
}
