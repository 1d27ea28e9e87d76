import { z } from 'zod';

const nonNegative = () => z.number().nonnegative().finite();
const probability = () => z.number().min(0).max(1);

/** Fields every searcher has. */
const searcherCommon = {
  id: z.string().min(1),
  /** Fraction of the opportunity's value bid for inclusion (a fixed-fraction strategy). */
  bidFraction: probability().default(0.5),
  /** Opportunities worth this much or less (in Y) are skipped. */
  minProfitY: nonNegative().default(0),
  /** Delay from seeing an opportunity to its bundle arriving, ms: decides who is first under fcfs. */
  latencyMs: nonNegative().default(50),
  /** Send bundles only to this builder (exclusive order flow); default: to every builder. */
  exclusiveBuilder: z.string().min(1).optional(),
};

/**
 * A searcher that works one rollup's pool: `cex-dex` arbitrages it against the reference price,
 * `backrun` takes the spot behind each public user swap, `sandwich` the spots around it (up to each
 * victim's slippage limit).
 */
const singleRollupSearcher = <K extends 'cex-dex' | 'backrun' | 'sandwich'>(kind: K) =>
  z.object({ kind: z.literal(kind), rollup: z.string().min(1), ...searcherCommon }).strict();

export const cexDexSearcherSchema = singleRollupSearcher('cex-dex');
export const backrunSearcherSchema = singleRollupSearcher('backrun');
export const sandwichSearcherSchema = singleRollupSearcher('sandwich');

export const crossRollupSearcherSchema = z
  .object({
    kind: z.literal('cross-rollup'),
    /** The two rollups whose pools this searcher arbitrages against each other. */
    rollups: z.tuple([z.string().min(1), z.string().min(1)]),
    /**
     * `atomic`: one bundle over both legs and one bid, paid on `payOn` in its gas token (only a
     * shared sequencer can sell it; under `separate` sequencing it is sent split); `split`: one
     * bundle and half the bid per leg, each paid in its own rollup's gas token, each leg won or lost
     * on its own.
     */
    bundling: z.enum(['atomic', 'split']).default('atomic'),
    /** For atomic bundles: the rollup whose gas token pays the bid (default: the first). */
    payOn: z.string().min(1).optional(),
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
    id: z.string().min(1),
    /** Probability of finding each non-exclusive bundle (skill). */
    skill: probability().default(1),
    /** Cost of building a block, in Y, subtracted before bidding. */
    costY: nonNegative().default(0),
    /** Share of the block's value the builder keeps; it bids the rest (minus cost). */
    margin: probability().default(0.1),
    /**
     * When its final bid for the block reaches relays and committee members, ms after the slot
     * starts: what committee mechanisms (mev-burn, mev-smoothing) and the committee detector read.
     */
    bidTimeMs: nonNegative().default(1000),
  })
  .strict();

export const validatorSchema = z
  .object({
    id: z.string().min(1),
    stake: nonNegative(),
  })
  .strict();

export const sequencingSchema = z
  .object({
    /**
     * `shared`: one proposer and one auction for the super-block of all rollups (atomic bundles
     * execute on all their rollups or none); `separate`: each rollup has its own proposer and
     * auction, and cross-rollup opportunities can only be bid leg by leg.
     */
    mode: z.enum(['shared', 'separate']).default('shared'),
    /** Under `separate`: probability that an included leg of a split bundle still fails to land. */
    legFailureProbability: probability().default(0),
  })
  .strict();
