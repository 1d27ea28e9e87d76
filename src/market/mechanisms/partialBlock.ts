import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { positiveFraction, requireOneOf, requireParam, zParam } from './paramChecks.js';
import { allocateFirstPrice, payFirstPrice } from './firstPrice.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/** How the proposer builds the part of the block it does not auction (see `partialBlockParamsSchema`). */
export const LOCAL_BUILDS = ['greedy', 'fcfs'] as const;
export type LocalBuild = (typeof LOCAL_BUILDS)[number];

/**
 * Parameters of the partial-block auction: `topOfBlockShare` ∈ (0, 1], the fraction of the
 * block's space (top of block) that is auctioned, default 0.25 (a modelling choice); and
 * `localBuild`, how the proposer fills the rest itself: `greedy` (by bid, after the auctioned part)
 * or `fcfs` (in arrival order, at arrival times). In the market model (src/marketModel/partialBlock.ts)
 * the block's space is counted in bundles: N = the slot's bundles for sale that could all be in one
 * block by position; the auctioned part holds at most ⌈share × N⌉, the local part at most the rest.
 */
export const partialBlockParamsSchema = z.strictObject({
  topOfBlockShare: zParam(positiveFraction, 'topOfBlockShare')
    .default(0.25)
    .describe('Fraction of the block\'s space (top of block) that is auctioned, in (0, 1]: the winning builder\'s block holds at most ⌈share × N⌉ of the slot\'s N bundles for sale (N counts every top-of-block bundle and one bundle per targeted user swap); 1 sells the whole block, as first-price.'),
  localBuild: z.enum(LOCAL_BUILDS)
    .default('greedy')
    .describe('How the proposer builds the rest of the block (at most N − ⌈share × N⌉ bundles, from the bundles for sale outside the auctioned part): `greedy` takes them by bid and executes them after the auctioned part; `fcfs` takes them in arrival order and executes them at their arrival times. Their bids are paid to the proposer directly.'),
});
/** Parameters of `partial-block`. */
export type PartialBlockParams = z.output<typeof partialBlockParamsSchema>;

/** Throws a RangeError naming `topOfBlockShare` unless it is in (0, 1], or `localBuild` unless it is greedy or fcfs. */
export function validatePartialBlockParams(params: PartialBlockParams): PartialBlockParams {
  requireParam(positiveFraction, 'topOfBlockShare', params.topOfBlockShare);
  requireOneOf('localBuild', params.localBuild, LOCAL_BUILDS);
  return params;
}

/**
 * Partial-block auction (the essay's "Partial-block auction": sell the top of block, keep the
 * rest; cf. Jito's block engine, Skip's MEV lane). Bids are for the top-of-block slice only; it is
 * sold first-price (ties uniform, one draw). `auctionedShare` reports the slice. The remaining
 * 1 − share of the block is not sold here: in the market the proposer builds it locally
 * (`localBuild`) and the bids of the bundles it includes are paid to the proposer directly, as in
 * a direct sale (src/marketModel/partialBlock.ts).
 */
export function allocatePartialBlock(
  bids: readonly Bid[],
  params: PartialBlockParams,
  source: Source,
): Allocation {
  validatePartialBlockParams(params);
  const { winProbabilities, winnerIndex, floor } = allocateFirstPrice(bids, {}, source);
  return { winProbabilities, winnerIndex, floor, auctionedShare: params.topOfBlockShare };
}

/** The top-of-block winner pays its bid to the proposer; the rest of the block is not sold here (its bundles pay the proposer directly in the market). */
export function payPartialBlock(
  bids: readonly Bid[],
  allocation: Allocation,
  params: PartialBlockParams,
): Payments {
  validatePartialBlockParams(params);
  return payFirstPrice(bids, allocation, {});
}

/** The `partial-block` mechanism. */
export const partialBlock = defineMechanism({
  name: 'partial-block',
  // Feedback: a sealed first-price sale of the auctioned share.
  reveals: 'min-to-win',
  counterfactualFrom: 'min-to-win',
  losersPay: false,
  summary: 'the top-of-block share is sold first-price; the proposer builds the rest (greedy or fcfs) and keeps its bids.',
  params: partialBlockParamsSchema,
  validateParams: validatePartialBlockParams,
  allocate: allocatePartialBlock,
  pay: payPartialBlock,
});
