import { equilibriumBidFor } from '../../market/theory/equilibriumBid.js';
import type { MechanismConfig } from '../../market/mechanisms/config.js';
import type { Source } from '../../engine/randomStreams.js';
import { chooseAction } from '../learning/learner.js';
import { actionBidY } from './bidderRecord.js';
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

/** A bid and, for a learner, the grid index of the action it played (−1 otherwise). */
export interface BidChoice {
  readonly bidY: number;
  readonly action: number;
}

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
  if (isLearning(spec)) {
    const action = chooseLearnerAction(spec, record, ctx.source);
    return { bidY: Math.max(0, actionBidY(spec.grid, spec.actions === 'absolute', action, ctx.valueY)), action };
  }
  switch (spec.name) {
    case 'fixed-fraction':
      return { bidY: ctx.fixedBidY, action: -1 };
    case 'truthful':
      return { bidY: Math.max(0, ctx.valueY), action: -1 };
    case 'equilibrium':
      return { bidY: ctx.valueY > 0 ? Math.max(0, equilibriumBidFor(ctx.mechanism, ctx.values(), ctx.me, ctx.source)) : 0, action: -1 };
  }
}
