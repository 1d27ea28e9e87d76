import { z } from 'zod';

const nonNegative = () => z.number().nonnegative().finite();
const probability = () => z.number().min(0).max(1);

/** Fields every searcher has. */
const searcherCommon = {
  id: z.string().min(1).describe('Unique name of the searcher in outputs.'),
  bidFraction: probability().default(0.5).describe('Fraction of each opportunity\'s value bid for inclusion (a fixed-fraction strategy), in [0, 1].'),
  minProfitY: nonNegative().default(0).describe('Opportunities worth this much or less, in Y, are skipped.'),
  latencyMs: nonNegative().default(50).describe('Delay from seeing an opportunity to its bundle arriving, in ms: decides who is first under `fcfs` ordering.'),
  exclusiveBuilder: z.string().min(1).optional().describe('Id of the only builder this searcher sends bundles to (exclusive order flow); absent, it sends to every builder.'),
};

const singleRollupKinds = {
  'cex-dex': 'Searcher kind `cex-dex`: arbitrages one rollup\'s pool against the reference price.',
  backrun: 'Searcher kind `backrun`: takes the position behind each public user swap on one rollup.',
  sandwich: 'Searcher kind `sandwich`: takes the positions around each public user swap on one rollup, up to the victim\'s slippage limit.',
} as const;

/**
 * A searcher that works one rollup's pool: `cex-dex` arbitrages it against the reference price,
 * `backrun` takes the spot behind each public user swap, `sandwich` the spots around it (up to each
 * victim's slippage limit).
 */
const singleRollupSearcher = <K extends keyof typeof singleRollupKinds>(kind: K) =>
  z
    .object({
      kind: z.literal(kind).describe(singleRollupKinds[kind]),
      rollup: z.string().min(1).describe('Id of the rollup whose pool this searcher works.'),
      ...searcherCommon,
    })
    .strict();

export const cexDexSearcherSchema = singleRollupSearcher('cex-dex');
export const backrunSearcherSchema = singleRollupSearcher('backrun');
export const sandwichSearcherSchema = singleRollupSearcher('sandwich');

export const crossRollupSearcherSchema = z
  .object({
    kind: z.literal('cross-rollup').describe('Searcher kind `cross-rollup`: arbitrages the pools of two rollups against each other.'),
    rollups: z.tuple([z.string().min(1), z.string().min(1)]).describe('Ids of the two (different) rollups whose pools this searcher arbitrages against each other.'),
    bundling: z.enum(['atomic', 'split']).default('atomic').describe('`atomic`: one bundle over both legs and one bid, paid on `payOn` in its gas token (only a shared sequencer can sell it; under `separate` sequencing it is sent split). `split`: one bundle and half the bid per leg, each paid in its own rollup\'s gas token, each leg won or lost on its own.'),
    payOn: z.string().min(1).optional().describe('For atomic bundles: id of the rollup (one of `rollups`) whose gas token pays the bid; absent, the first.'),
    ...searcherCommon,
  })
  .strict();

export const searcherSchema = z.discriminatedUnion('kind', [
  cexDexSearcherSchema,
  crossRollupSearcherSchema,
  backrunSearcherSchema,
  sandwichSearcherSchema,
]);

export const builderSchema = z
  .object({
    id: z.string().min(1).describe('Unique builder id (searchers\' `exclusiveBuilder` refers to it).'),
    skill: probability().default(1).describe('Probability of finding each non-exclusive bundle, in [0, 1] (the builder\'s skill).'),
    costY: nonNegative().default(0).describe('Cost of building a block, in Y, subtracted before bidding.'),
    margin: probability().default(0.1).describe('Share of the block\'s value the builder keeps, in [0, 1]; it bids the rest minus `costY` (never below 0).'),
    bidTimeMs: nonNegative().default(1000).describe('When its final bid for the block reaches relays and committee members, in ms after the slot starts: what committee mechanisms (mev-burn, mev-smoothing) and the committee detector read.'),
  })
  .strict();

export const validatorSchema = z
  .object({
    id: z.string().min(1).describe('Validator id (`revenueSharing.reporting.dishonestValidators` refers to it).'),
    stake: nonNegative().describe('Stake (≥ 0): the probability of proposing a slot is proportional to it, and the stake-bound detector bonds it.'),
  })
  .strict();

export const sequencingSchema = z
  .object({
    mode: z.enum(['shared', 'separate']).default('shared').describe('`shared`: one proposer and one auction for the super-block of all rollups (atomic bundles execute on all their rollups or none). `separate`: each rollup has its own proposer and auction, and cross-rollup opportunities can only be bid leg by leg.'),
    legFailureProbability: probability().default(0).describe('Under `separate`: probability that an included leg of a split bundle still fails to land, in [0, 1].'),
  })
  .strict();
