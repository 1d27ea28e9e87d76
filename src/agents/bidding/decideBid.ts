import { equilibriumBidFor } from '../../market/theory/equilibriumBid.js';
import type { MechanismConfig } from '../../market/mechanisms/config.js';
import type { Source } from '../../engine/randomStreams.js';
import { chooseAction, chooseActionWithProbability } from '../learning/learner.js';
import { cappedActionBidY } from './bidderRecord.js';
import { isLearning, type BidderRecord, type LearningSpec, type StrategySpec } from './types.js';

/** What a bidder knows when it bids for one opportunity. */
export interface BidContext {
  /** The opportunity's value to it (Y). */
  readonly valueY: number;
  /** What `fixed-fraction` bids (the agent's configured rule). */
  readonly fixedBidY: number;
  /** The mechanism the opportunity is sold by (equilibrium bids). */
  readonly mechanism: MechanismConfig;
  /** Every bidder's value as it knows them, its own at `me` (equilibrium bids). */
  readonly values: () => readonly number[];
  readonly me: number;
  /** The bidder's own random stream. */
  readonly source: Source;
}

/**
 * A bid and, for a learner, the grid index of the action it played (−1 otherwise), the state it
 * chose in (Q-learning's) and the action's probability then (EXP3's importance weight): the learn
 * step updates with these even when other auctions of the slot were learned from in between.
 */
export interface BidChoice {
  readonly bidY: number;
  readonly action: number;
  readonly context: number;
  readonly probability: number | undefined;
}

const noAction = (bidY: number): BidChoice => ({ bidY, action: -1, context: 0, probability: undefined });

/**
 * The grid action a learner plays next, in the context its record holds (Q-learning's last winning
 * bid); draws from `source` (`chooseAction` says how many), changes nothing. Builders in the
 * bidding war use it to pick their shading factor before an auction.
 */
export function chooseLearnerAction(spec: LearningSpec, record: BidderRecord, source: Source): number {
  return chooseAction(spec, record.learner!, source, record.context);
}

/**
 * A bidder's bid for one opportunity under its strategy. Reads the record (a learner's state),
 * never changes it: learning happens after the auction (`learnFromAuction`).
 */
export function decideBid(spec: StrategySpec, record: BidderRecord, ctx: BidContext): BidChoice {
  if (spec.name === 'fixed-fraction') return noAction(ctx.fixedBidY);
  // Nothing to win: no bid (a learner neither plays nor learns).
  if (!(ctx.valueY > 0)) return noAction(0);
  if (isLearning(spec)) {
    const context = record.context;
    // EXP3's update needs the played action's probability: drawn with it, its distribution worked out once.
    const { action, probability } = spec.name === 'exp3' ? chooseActionWithProbability(spec, record.learner!, ctx.source, context) : { action: chooseLearnerAction(spec, record, ctx.source), probability: undefined };
    return { bidY: cappedActionBidY(spec.grid, spec.actions === 'absolute', action, ctx.valueY), action, context, probability };
  }
  switch (spec.name) {
    case 'truthful':
      return noAction(ctx.valueY);
    case 'equilibrium':
      return noAction(Math.min(ctx.valueY, Math.max(0, equilibriumBidFor(ctx.mechanism, ctx.values(), ctx.me, ctx.source))));
  }
}
