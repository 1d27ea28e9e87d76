import { z } from 'zod';
import { STRATEGY_NAMES } from '../agents/relay/strategies/registry.js';
import { schemaKeyField } from './schemaKey.js';
import { learnerStrategySchema } from './strategySchema.js';

/**
 * The bidding-war scenario: an open-outcry first-price relay auction inside one slot (mev-boost),
 * repeated `auctions` times. Defaults are the setup of Wu, Thiery, Leonardos & Ventre, "Strategic
 * Bidding Wars in On-chain Auctions" (arXiv:2312.14510) and their simulation code (MMASim); see
 * README.md beside this file for which values come from the paper and which are assumed.
 * Amounts in ETH, times in ms since the slot began.
 */

const nonNegative = z.number().finite().nonnegative();
const probability = z.number().min(0).max(1);
const timeMs = z.number().finite().nonnegative().max(600_000);

const probabilityRange = z
  .strictObject({
    min: probability.describe('Lower end of the range, in [0, 1].'),
    max: probability.describe('Upper end of the range, in [0, 1] (≥ min).'),
  })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['max'] });

/** A bidding-war learner's actions are shading factors of the builder's value. */
const onlyShading = {
  actions: z.literal('shading').default('shading').describe('Always `shading` here: a grid value s caps the builder\'s bid at s × its value (`absolute` bids are for the market\'s bidders).'),
};
const [epsilonGreedy, ucb1, exp3, hedge, qLearning] = learnerStrategySchema.options;

/**
 * How much of its value a builder bids, chosen by `name`: `fixed` (today's rule, value − margin)
 * or one of the market's learners (`learnerStrategySchema`'s members, `actions` fixed to
 * `shading`), which picks a shading factor s of its grid before each auction and caps its bid at
 * s × value.
 */
export const shadingSchema = z
  .discriminatedUnion('name', [
    z.strictObject({ name: z.literal('fixed').describe('Today\'s rule, nothing learned: the cap is the value minus the margin drawn from N(marginEth, marginSdEth); the summary still reports its payoff and its regret against the shading factors 0, 0.1, …, 1.') }),
    epsilonGreedy.extend(onlyShading),
    ucb1.extend(onlyShading),
    exp3.extend(onlyShading),
    hedge.extend(onlyShading),
    qLearning.extend(onlyShading),
  ])
  .describe('Learned bid shading, chosen by `name`: `fixed` (today\'s margin rule) or a learner (epsilon-greedy, ucb1, exp3, hedge, q-learning, as in the market\'s `strategy`) that picks a shading factor s of its `grid` before each auction; its strategy then bids at most s × value instead of value − margin, and it learns from its payoff (value − bid if it won, else 0) ÷ value. Omitted: today\'s rule, not recorded.');

/** Fields every builder has, whatever its strategy. */
const builderBase = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "." or "-" (it names a random stream)')
    .describe('Unique builder id (letters, digits, "_", "." or "-"); it names the builder\'s random stream, so keep it when adding other builders.'),
  latencyMs: timeMs.default(10).describe('One-way builder↔relay latency, in ms: its bids reach the relay this much later (plus `relayDelayMs`) and it sees the relay\'s book this much late.'),
  privateFlowProbability: z.union([probability, probabilityRange]).default({ min: 0.8, max: 1 }).describe('Chance that the builder sees each private order-flow item: a fixed probability, or `{min, max}` for one drawn uniformly per auction.'),
  marginEth: nonNegative.default(0.00659).describe('Mean profit margin kept below the value, in ETH; the margin is drawn per auction from N(marginEth, marginSdEth), clamped at 0.'),
  marginSdEth: nonNegative.default(0.0001).describe('Standard deviation of the per-auction margin draw, in ETH.'),
  shading: shadingSchema.optional(),
};

const revealFields = {
  expectedCallMs: timeMs.default(12_000).describe('When the builder expects the proposer to call, in ms since the slot began.'),
  revealLeadMinMs: timeMs.default(400).describe('Shortest lead ε before the expected call at which it reveals its value, in ms; ε is uniform in [revealLeadMinMs, revealLeadMaxMs] per auction, and the builder also subtracts its own submission delay.'),
  revealLeadMaxMs: timeMs.default(500).describe('Longest reveal lead ε, in ms (≥ revealLeadMinMs).'),
};

const leadOrdered = (b: { revealLeadMinMs: number; revealLeadMaxMs: number }) =>
  b.revealLeadMinMs <= b.revealLeadMaxMs;
const leadMessage = {
  message: 'revealLeadMinMs must not exceed revealLeadMaxMs',
  path: ['revealLeadMaxMs'],
};

const naiveBuilder = z.strictObject({
  ...builderBase,
  strategy: z.literal('naive').describe('Strategy `naive`: bid the current value minus the margin at every step, whenever that is positive.'),
});

const adaptiveBuilder = z.strictObject({
  ...builderBase,
  strategy: z.literal('adaptive').describe('Strategy `adaptive`: bid just above the visible best bid (best + deltaEth) while the value minus the margin allows it, else the value minus the margin.'),
  deltaEth: z.number().finite().positive().default(0.0001).describe('Increment over the visible best bid, in ETH (> 0).'),
  outbidSelf: z.boolean().default(false).describe('Whether it raises its own bid by deltaEth each step while that bid is the visible best; false keeps its standing bid.'),
});

const lastMinuteBuilder = z
  .strictObject({
    ...builderBase,
    strategy: z.literal('last-minute').describe('Strategy `last-minute`: no bid until the reveal time, then naive (value minus margin).'),
    ...revealFields,
  })
  .refine(leadOrdered, leadMessage);

const stealthBuilder = z
  .strictObject({
    ...builderBase,
    strategy: z.literal('stealth').describe('Strategy `stealth`: until the reveal time bid only the public value minus the margin (hiding the private flow it has seen), then naive on its full value.'),
    ...revealFields,
  })
  .refine(leadOrdered, leadMessage);

const bluffBuilder = z
  .strictObject({
    ...builderBase,
    strategy: z.literal('bluff').describe('Strategy `bluff`: until the reveal time show a decoy bid (to push adaptive bidders up to their value), then the naive bid; if the proposer calls first, the decoy can win at a loss.'),
    ...revealFields,
    revealLeadMinMs: timeMs.default(1000).describe('Shortest lead ε before the expected call at which it replaces the decoy by its naive bid, in ms; ε is uniform in [revealLeadMinMs, revealLeadMaxMs] per auction.'),
    revealLeadMaxMs: timeMs.default(2000).describe('Longest reveal lead ε, in ms (≥ revealLeadMinMs).'),
    bluffMinEth: nonNegative.max(1000).default(0.3).describe('Lower end of the decoy bid, in ETH: the decoy is uniform in [bluffMinEth, bluffMaxEth] per auction (at most 1000 ETH).'),
    bluffMaxEth: nonNegative.max(1000).default(0.4).describe('Upper end of the decoy bid, in ETH (≥ bluffMinEth, at most 1000).'),
  })
  .refine(leadOrdered, leadMessage)
  .refine((b) => b.bluffMinEth <= b.bluffMaxEth, {
    message: 'bluffMinEth must not exceed bluffMaxEth',
    path: ['bluffMaxEth'],
  });

export const builderConfigSchema = z.discriminatedUnion('strategy', [
  naiveBuilder,
  adaptiveBuilder,
  lastMinuteBuilder,
  stealthBuilder,
  bluffBuilder,
]);

/** Order flow: public and private items arrive as Poisson processes with log-normal sizes. */
export const flowSchema = z.strictObject({
  publicRatePerSecond: nonNegative.max(1e5).default(8.2).describe('Poisson arrival rate of public order-flow items, per second; every builder sees each of them.'),
  publicSizeLogMean: z.number().min(-50).max(20).default(-11.66306).describe('Mean of ln(size in ETH) of a public item (sizes are log-normal).'),
  publicSizeLogSd: nonNegative.max(10).default(3.0545).describe('Standard deviation of ln(size in ETH) of a public item, at most 10.'),
  privateRatePerSecond: nonNegative.max(1e5).default(4).describe('Poisson arrival rate of private order-flow items, per second; each builder sees each one with its `privateFlowProbability`.'),
  privateSizeLogMean: z.number().min(-50).max(20).default(-8.41975).describe('Mean of ln(size in ETH) of a private item (sizes are log-normal).'),
  privateSizeLogSd: nonNegative.max(10).default(1.95231).describe('Standard deviation of ln(size in ETH) of a private item, at most 10.'),
});

/** When the proposer calls the auction (getHeader); a normal draw below 0 is clamped to 0. */
export const proposerCallSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('normal').describe('Call time `normal`: drawn from N(meanMs, sdMs²) each auction, clamped at 0.'),
    meanMs: timeMs.default(12_000).describe('Mean call time, in ms since the slot began.'),
    sdMs: nonNegative.max(60_000).default(100).describe('Standard deviation of the call time, in ms.'),
  }),
  z
    .strictObject({
      kind: z.literal('uniform').describe('Call time `uniform`: drawn uniformly in [minMs, maxMs] each auction.'),
      minMs: timeMs.describe('Earliest call time, in ms since the slot began.'),
      maxMs: timeMs.describe('Latest call time, in ms since the slot began (≥ minMs).'),
    })
    .refine((c) => c.minMs <= c.maxMs, { message: 'minMs must not exceed maxMs', path: ['maxMs'] }),
  z.strictObject({
    kind: z.literal('fixed').describe('Call time `fixed`: the same time every auction.'),
    atMs: timeMs.describe('The call time, in ms since the slot began.'),
  }),
]);

export const biddingWarConfigSchema = z
  .strictObject({
    $schema: schemaKeyField(),
    kind: z.literal('bidding-war').describe('Config kind: `bidding-war`, the mev-boost relay auction inside one slot (required for this kind).'),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1).describe('Master seed (an integer or a non-empty string): every auction\'s random streams derive from it, so one seed gives one run.'),
    auctions: z.number().int().min(1).max(10_000_000).default(10_000).describe('Number of independent auctions (slots) to simulate.'),
    slotMs: z.number().int().positive().max(600_000).default(12_000).describe('Nominal slot length, in ms (≥ stepMs); the auction itself ends when the proposer calls.'),
    stepMs: z.number().finite().positive().max(1000).default(10).describe('Builders decide every stepMs, in ms.'),
    relayDelayMs: timeMs.default(10).describe('The relay\'s processing delay (the paper\'s "global delay"), added to every bid, in ms.'),
    builders: z.array(builderConfigSchema).min(1).max(1000).describe('The builders (1 to 1000, unique ids), each with its bidding strategy chosen by `strategy`.'),
    flow: flowSchema.prefault({}).describe('Order flow: public and private items arrive as Poisson processes with log-normal sizes; a builder\'s value is the flow it has seen.'),
    proposerCall: proposerCallSchema.prefault({ kind: 'normal' }).describe('When the proposer calls the auction (getHeader), chosen by `kind`; the best standing bid then wins and pays its bid.'),
    description: z.string().optional().describe('Free-text description of the scenario, copied into the run\'s manifest.'),
    provenance: z.record(z.string(), z.string()).optional().describe('Where each parameter comes from ("paper: …", "assumed: …"), keyed by config path; documentation only.'),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.slotMs / cfg.stepMs > 100_000)
      ctx.addIssue({ code: 'custom', path: ['stepMs'], message: `slotMs / stepMs is ${Math.round(cfg.slotMs / cfg.stepMs)} decision steps a slot, more than 100,000; use a longer stepMs` });
    if (cfg.stepMs > cfg.slotMs) {
      ctx.addIssue({ code: 'custom', path: ['stepMs'], message: 'stepMs must not exceed slotMs' });
    }
    const seen = new Set<string>();
    cfg.builders.forEach((b, i) => {
      if (seen.has(b.id)) {
        ctx.addIssue({ code: 'custom', path: ['builders', i, 'id'], message: `duplicate id "${b.id}"` });
      }
      seen.add(b.id);
    });
  })
  .describe('The mev-boost bidding war: an open-outcry first-price relay auction inside one slot, repeated `auctions` times (Wu, Thiery, Leonardos & Ventre, arXiv:2312.14510). Amounts in ETH, times in ms since the slot began.');

/** A validated scenario, defaults filled in. */
export type BiddingWarConfig = z.infer<typeof biddingWarConfigSchema>;
/** A scenario as written in JSON (defaults optional). */
export type BiddingWarConfigInput = z.input<typeof biddingWarConfigSchema>;
export type BuilderConfig = z.infer<typeof builderConfigSchema>;
export type FlowConfig = z.infer<typeof flowSchema>;
export type ProposerCallConfig = z.infer<typeof proposerCallSchema>;
export type ShadingConfig = z.infer<typeof shadingSchema>;

/** Strategy names accepted in `builders[].strategy` (the registry's tuple). */
export const strategyNameSchema = z.enum(STRATEGY_NAMES);

/** Parses a scenario, throwing an error that lists every problem with its path. */
export function parseBiddingWarConfig(raw: unknown): BiddingWarConfig {
  const result = biddingWarConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`invalid bidding-war config:\n${lines.join('\n')}`);
}
