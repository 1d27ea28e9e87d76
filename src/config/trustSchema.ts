import { z } from 'zod';
import { floorRules } from '../market/mechanisms/committee.js';

const nonNegative = () => z.number().nonnegative().finite();
const probability = () => z.number().min(0).max(1);

/**
 * Rollups watch the public relays: every builder bid for the shared block is public with
 * probability `publicShare`; a report below the mechanism's revenue on the public bids alone (the
 * best public bid, under first-price) by more than `tolerance` is flagged.
 */
export const publicBidsDetectorSchema = z
  .object({
    enabled: z.boolean().default(true),
    publicShare: probability().default(1),
    tolerance: probability().default(0),
  })
  .strict();

/**
 * A committee attests the best bid it saw (the floor of mev-burn, Drake, ethresear.ch/t/15590):
 * member j sees a bid sent at the builder's `bidTimeMs` iff it arrives by `deadlineMs` after
 * `memberLatencyMs` + Exponential(`latencyJitterMs`) delay, and observes its amount times
 * exp(N(0, `valueNoiseLogSd`²)); each member colludes with the proposer with probability
 * `colludingFraction` (it attests the report instead). A report below (1 − `tolerance`) × the floor
 * is flagged.
 */
export const committeeDetectorSchema = z
  .object({
    enabled: z.boolean().default(true),
    committeeSize: z.number().int().positive().default(16),
    memberLatencyMs: nonNegative().default(100),
    latencyJitterMs: nonNegative().default(50),
    deadlineMs: z.number().finite().default(1500),
    valueNoiseLogSd: nonNegative().default(0),
    colludingFraction: probability().default(0),
    floorRule: z.enum(floorRules).default('majority'),
    tolerance: probability().default(0),
  })
  .strict();

/**
 * Each validator bonds `stake × stakeValueY` (Y). Each lie is proven later (the block's revenue
 * becomes verifiable ex post) with probability `auditProbability`; a proven lie forfeits the whole
 * bond, out of which the rollups recover what was hidden from them. A strategic proposer hides only
 * when what it hides exceeds the expected forfeit, `auditProbability × bond`.
 */
export const stakeBoundDetectorSchema = z
  .object({
    enabled: z.boolean().default(true),
    stakeValueY: nonNegative().default(1),
    auditProbability: probability().default(1),
  })
  .strict();

export const detectionSchema = z
  .object({
    publicBids: publicBidsDetectorSchema.optional(),
    committee: committeeDetectorSchema.optional(),
    stakeBound: stakeBoundDetectorSchema.optional(),
  })
  .strict();

const deltaMessage = 'delta must be a number in [0, 1] (the fraction of revenue a dishonest proposer hides) or "strategic"';

/**
 * What the shared sequencer's proposer reports of its revenue (DESIGN.md §6; the dishonest
 * proposer of the workshop transcript 003: "auction revenue is three dollar signs, they say it's
 * two"). The split rule pays the rollups out of the report.
 */
export const reportingSchema = z
  .object({
    /**
     * A dishonest proposer reports (1 − delta) of its revenue; `"strategic"` hides as much as no
     * enabled detector can flag (and, under a stake bound, only when that beats the expected
     * forfeit). 0 is honest.
     */
    delta: z
      .union([z.number(), z.literal('strategic')], { error: 'a number in [0, 1] (the fraction of revenue a dishonest proposer hides) or "strategic"' })
      .superRefine((d, ctx) => {
        if (typeof d === 'number' && !(d >= 0 && d <= 1)) ctx.addIssue({ code: 'custom', message: `${deltaMessage}, but got ${d}` });
      })
      .default(0),
    /** Ids of the validators that under-report when they propose; default: every validator. */
    dishonestValidators: z.array(z.string().min(1)).optional(),
    detection: detectionSchema.default({}),
  })
  .strict();

/**
 * Rollup governance (the "music festival" of the panel, seeds/004): at each epoch's end a rollup
 * in the shared sequencer compares what it received with what it would have earned running its own
 * sequencer, Σ (v({r}) − cost); one outside compares its own revenue − cost with the share it would
 * have received inside. After `patienceEpochs` worse epochs in a row it leaves (or, if
 * `canReturn`, returns).
 */
export const governanceSchema = z
  .object({
    enabled: z.boolean().default(false),
    patienceEpochs: z.number().int().positive().default(3),
    /** Cost per slot of running its own sequencer (Y): one number for all, or by rollup id. */
    ownSequencerCostY: z.union([nonNegative(), z.record(z.string(), nonNegative())]).default(0),
    canReturn: z.boolean().default(true),
  })
  .strict();

export type ReportingConfig = z.output<typeof reportingSchema>;
export type GovernanceConfig = z.output<typeof governanceSchema>;
