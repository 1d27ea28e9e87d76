import { z } from 'zod';
import { STRATEGY_NAMES } from '../agents/relay/strategies/registry.js';

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
  .strictObject({ min: probability, max: probability })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max', path: ['max'] });

/** Fields every builder has, whatever its strategy. */
const builderBase = {
  /** Unique; names the builder's random stream, so keep it when adding other builders. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, "_", "." or "-" (it names a random stream)'),
  /** One-way builder↔relay latency: its bids arrive this much later, it sees the book this much late. */
  latencyMs: timeMs.default(10),
  /** Chance it sees each private order-flow item: fixed, or uniform in [min, max] per auction. */
  privateFlowProbability: z.union([probability, probabilityRange]).default({ min: 0.8, max: 1 }),
  /** Profit margin kept below the value, drawn per auction from N(marginEth, marginSdEth), ≥ 0. */
  marginEth: nonNegative.default(0.00659),
  marginSdEth: nonNegative.default(0.0001),
};

const revealFields = {
  /** When the builder expects the proposer to call, ms. */
  expectedCallMs: timeMs.default(12_000),
  /** Lead ε before the expected call at which it reveals, uniform in [min, max] per auction, ms. */
  revealLeadMinMs: timeMs.default(400),
  revealLeadMaxMs: timeMs.default(500),
};

const leadOrdered = (b: { revealLeadMinMs: number; revealLeadMaxMs: number }) =>
  b.revealLeadMinMs <= b.revealLeadMaxMs;
const leadMessage = {
  message: 'revealLeadMinMs must not exceed revealLeadMaxMs',
  path: ['revealLeadMaxMs'],
};

const naiveBuilder = z.strictObject({ ...builderBase, strategy: z.literal('naive') });

const adaptiveBuilder = z.strictObject({
  ...builderBase,
  strategy: z.literal('adaptive'),
  deltaEth: z.number().finite().positive().default(0.0001),
  outbidSelf: z.boolean().default(false),
});

const lastMinuteBuilder = z
  .strictObject({ ...builderBase, strategy: z.literal('last-minute'), ...revealFields })
  .refine(leadOrdered, leadMessage);

const stealthBuilder = z
  .strictObject({ ...builderBase, strategy: z.literal('stealth'), ...revealFields })
  .refine(leadOrdered, leadMessage);

const bluffBuilder = z
  .strictObject({
    ...builderBase,
    strategy: z.literal('bluff'),
    ...revealFields,
    revealLeadMinMs: timeMs.default(1000),
    revealLeadMaxMs: timeMs.default(2000),
    /** The decoy is uniform in [bluffMinEth, bluffMaxEth]; capped at 1000 ETH. */
    bluffMinEth: nonNegative.max(1000).default(0.3),
    bluffMaxEth: nonNegative.max(1000).default(0.4),
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
  publicRatePerSecond: nonNegative.max(1e5).default(8.2),
  /** ln(size in ETH) ~ N(mean, sd). */
  publicSizeLogMean: z.number().finite().default(-11.66306),
  publicSizeLogSd: nonNegative.default(3.0545),
  privateRatePerSecond: nonNegative.max(1e5).default(4),
  privateSizeLogMean: z.number().finite().default(-8.41975),
  privateSizeLogSd: nonNegative.default(1.95231),
});

/** When the proposer calls the auction (getHeader); a normal draw below 0 is clamped to 0. */
export const proposerCallSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('normal'),
    meanMs: timeMs.default(12_000),
    sdMs: nonNegative.max(60_000).default(100),
  }),
  z
    .strictObject({ kind: z.literal('uniform'), minMs: timeMs, maxMs: timeMs })
    .refine((c) => c.minMs <= c.maxMs, { message: 'minMs must not exceed maxMs', path: ['maxMs'] }),
  z.strictObject({ kind: z.literal('fixed'), atMs: timeMs }),
]);

export const biddingWarConfigSchema = z
  .strictObject({
    kind: z.literal('bidding-war'),
    seed: z.union([z.number().int(), z.string().min(1)]).default(1),
    auctions: z.number().int().min(1).max(10_000_000).default(10_000),
    /** Nominal slot length; the auction itself ends when the proposer calls, ms. */
    slotMs: z.number().int().positive().max(600_000).default(12_000),
    /** Builders decide every `stepMs`, ms. */
    stepMs: z.number().finite().positive().max(1000).default(10),
    /** The relay's processing delay (the paper's "global delay"), added to every bid, ms. */
    relayDelayMs: timeMs.default(10),
    builders: z.array(builderConfigSchema).min(1).max(1000),
    flow: flowSchema.prefault({}),
    proposerCall: proposerCallSchema.prefault({ kind: 'normal' }),
    description: z.string().optional(),
    /** Where each parameter comes from ("paper: …", "assumed: …"), keyed by config path. */
    provenance: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((cfg, ctx) => {
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
  });

/** A validated scenario, defaults filled in. */
export type BiddingWarConfig = z.infer<typeof biddingWarConfigSchema>;
/** A scenario as written in JSON (defaults optional). */
export type BiddingWarConfigInput = z.input<typeof biddingWarConfigSchema>;
export type BuilderConfig = z.infer<typeof builderConfigSchema>;
export type FlowConfig = z.infer<typeof flowSchema>;
export type ProposerCallConfig = z.infer<typeof proposerCallSchema>;

/** Strategy names accepted in `builders[].strategy` (the registry's tuple). */
export const strategyNameSchema = z.enum(STRATEGY_NAMES);

/** Parses a scenario, throwing an error that lists every problem with its path. */
export function parseBiddingWarConfig(raw: unknown): BiddingWarConfig {
  const result = biddingWarConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`invalid bidding-war config:\n${lines.join('\n')}`);
}
