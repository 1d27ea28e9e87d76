import { z } from 'zod';
import { searcherKinds } from '../agents/searchers/registry.js';
import type { SearcherKind } from '../agents/searchers/searcherKind.js';
import { capitalSchema, cexSchema } from './capitalSchema.js';
import { latencyFields, latencyJitterSchema } from './latencySchema.js';
import { choicesSchema, strategySchema } from './strategySchema.js';

const nonNegative = () => z.number().nonnegative().finite();

/** An agent's id: it names the agent in outputs (the `winner` column joins ids with ';'), so a safe, short name. */
export const agentId = () => z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'an id of letters, digits, - and _ only');
const probability = () => z.number().min(0).max(1);

/** Fields every searcher has. */
const searcherCommon = {
  id: agentId().describe('Unique name of the searcher in outputs (letters, digits, - and _).'),
  bidFraction: probability().default(0.5).describe('Fraction of each opportunity\'s value bid for inclusion (a fixed-fraction strategy), in [0, 1].'),
  minProfitY: nonNegative().default(0).describe('Opportunities worth this much or less, in Y, are skipped.'),
  latencyMs: nonNegative().default(50).describe('Delay from seeing an opportunity to its bundle arriving, in ms: decides who is first under `fcfs` and `timeboost` ordering (under `timeboost`, everyone but the express-lane controller also waits `nonExpressDelayMs`) and whether it beats a block auction\'s `bidDeadlineMs`; `latencyJitter` and `colocationMs` make it a distribution.'),
  ...latencyFields,
  strategy: strategySchema.default({ name: 'fixed-fraction' }).describe('How it bids for each opportunity (default `fixed-fraction`: `bidFraction` of the value); see `bidding` for what it learns after each auction.'),
  choices: choicesSchema.optional().describe('Discrete choices it learns (bundling, payOn, exclusiveBuilder), overriding those fields slot by slot; absent, it keeps its configured ones.'),
  exclusiveBuilder: z.string().min(1).optional().describe('Id of the only builder this searcher sends bundles to (exclusive order flow); absent, it sends to every builder.'),
  capital: capitalSchema.optional().describe('Its capital: balances at slot 0 on each of its rollups, and whether a balance may go below zero (trades cut to what it holds) or is financed at a rate. Absent: it starts with nothing and may go negative at no cost.'),
  cex: cexSchema.optional().describe('Kinds that hedge on the CEX (cex-dex, capped-cex-dex): the fee and depth of the CEX. Absent: free and infinitely deep at the reference price.'),
};

/** One kind's member of the searcher union: `kind`, its own fields and the common ones. */
const kindSchema = <K extends SearcherKind>(k: K) =>
  z.object({ kind: z.literal(k.kind as K['kind']).describe(k.summary), ...(k.fields as K['fields']), ...searcherCommon }).strict();

/** The union's members, one per registered kind, with their literal kinds and field types. */
type KindSchemas<T extends readonly unknown[]> = {
  -readonly [I in keyof T]: T[I] extends SearcherKind<infer K, infer S> ? z.ZodObject<{ kind: z.ZodLiteral<K> } & S & typeof searcherCommon, z.core.$strict> : never;
};

/** A searcher, chosen by `kind`: one member per kind in src/agents/searchers/registry.ts. */
export const searcherSchema = z.discriminatedUnion('kind', searcherKinds.map((k) => kindSchema(k)) as unknown as KindSchemas<typeof searcherKinds>);

export const builderSchema = z
  .object({
    id: agentId().describe('Unique builder id (letters, digits, - and _; searchers\' `exclusiveBuilder` refers to it).'),
    skill: probability().default(1).describe('Probability of finding each non-exclusive bundle, in [0, 1] (the builder\'s skill).'),
    costY: nonNegative().default(0).describe('Cost of building a block, in Y, subtracted before bidding.'),
    margin: probability().default(0.1).describe('Share of the block\'s value the builder keeps, in [0, 1]; it bids the rest minus `costY` (never below 0).'),
    strategy: strategySchema.default({ name: 'fixed-fraction' }).describe('How it bids for the block (default `fixed-fraction`: (1 − margin)·value − costY); its value is the block\'s value less `costY`.'),
    bidTimeMs: nonNegative().default(1000).describe('When its final bid for the block reaches relays and committee members, in ms after the slot starts: what committee mechanisms (mev-burn, mev-smoothing) and the committee detector read.'),
    bidTimeJitter: latencyJitterSchema.optional().describe('Random delay of its bid\'s arrival on top of `bidTimeMs` (the base; `cv` and `lognormal` scale with it), drawn per block sold in the slot from the builder\'s own stream `latency/builder/<id>`, never before the slot starts. Blocks sold ahead of time, and the Shapley counterfactuals, keep `bidTimeMs`. Absent: `bidTimeMs` exactly, nothing drawn.'),
  })
  .strict();

export const validatorSchema = z
  .object({
    id: agentId().describe('Unique validator id (letters, digits, - and _; `revenueSharing.reporting.dishonestValidators` refers to it).'),
    stake: nonNegative().max(1e15).describe('Stake (in [0, 1e15]): the probability of proposing a slot is proportional to it, and the stake-bound detector bonds it.'),
  })
  .strict();

export const sequencingSchema = z
  .object({
    mode: z.enum(['shared', 'separate']).default('shared').describe('`shared`: one proposer and one auction for the super-block of all rollups (atomic bundles execute on all their rollups or none). `separate`: each rollup has its own proposer and auction, and cross-rollup opportunities can only be bid leg by leg.'),
    legFailureProbability: probability().default(0).describe('Under `separate`: probability that an included leg of a split bundle still fails to land, in [0, 1]. Independent of, and drawn before, the leg\'s rollup\'s `rollups[].inclusionFailureProbability`: a split leg under `separate` lands with (1 − legFailureProbability)(1 − inclusionFailureProbability).'),
  })
  .strict();
