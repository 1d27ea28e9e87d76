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
    enabled: z.boolean().default(true).describe('Turns the public-bids detector on (the default once the object is given).'),
    publicShare: probability().default(1).describe('Probability that each builder bid for the shared block is public on the relays, in [0, 1].'),
    tolerance: probability().default(0).describe('A report is flagged when below (1 − tolerance) × the public-bids bound, in [0, 1].'),
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
    enabled: z.boolean().default(true).describe('Turns the committee detector on (the default once the object is given).'),
    committeeSize: z.number().int().positive().default(16).describe('Number of committee members, an integer ≥ 1.'),
    memberLatencyMs: nonNegative().default(100).describe('Base one-way latency from a builder to each member, in ms.'),
    latencyJitterMs: nonNegative().default(50).describe('Mean of the exponential extra delay drawn per (member, bid), in ms; 0 means no jitter.'),
    deadlineMs: z.number().finite().default(1500).describe('Observation deadline on the slot clock, in ms after the slot starts: a member sees only bids that reach it by then.'),
    valueNoiseLogSd: nonNegative().max(5).default(0).describe('Standard deviation of the log noise on each observed bid amount (observed = amount × exp(N(0, sd²))), at most 5; 0 means exact.'),
    colludingFraction: probability().default(0).describe('Probability that each member colludes with the proposer (attests its report instead of what it saw), in [0, 1].'),
    floorRule: z.enum(floorRules).default('majority').describe('How the members\' observed best bids become the floor: `majority`, the ⌈n/2⌉-th largest (a strict majority must attest); `min`, the smallest (one attester suffices); `max`, the largest (all must attest).'),
    tolerance: probability().default(0).describe('A report is flagged when below (1 − tolerance) × the attested floor, in [0, 1].'),
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
    enabled: z.boolean().default(true).describe('Turns the stake bound on (the default once the object is given).'),
    stakeValueY: nonNegative().default(1).describe('Value of one unit of stake, in Y: a validator bonds stake × stakeValueY.'),
    auditProbability: probability().default(1).describe('Probability that a lie is proven later (ex post), forfeiting the whole bond, in [0, 1].'),
  })
  .strict();

export const detectionSchema = z
  .object({
    publicBids: publicBidsDetectorSchema.optional().describe('Rollups watch the public relays: a report below the mechanism\'s revenue on the public bids alone (the best public bid, under first-price) by more than `tolerance` is flagged. Needs builders and a mechanism whose revenue grows with the bids (first-price, second-price, all-pay, tullock).'),
    committee: committeeDetectorSchema.optional().describe('A committee attests the best bid it saw (the floor of mev-burn, Drake, ethresear.ch/t/15590); a report below (1 − `tolerance`) × that floor is flagged. Needs builders and the first-price mechanism.'),
    stakeBound: stakeBoundDetectorSchema.optional().describe('Each validator bonds its stake; a proven lie forfeits the bond, out of which the rollups recover what was hidden. A strategic proposer hides only when what it hides exceeds `auditProbability` × bond.'),
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
    delta: z
      .union([z.number(), z.literal('strategic')], { error: 'a number in [0, 1] (the fraction of revenue a dishonest proposer hides) or "strategic"' })
      .superRefine((d, ctx) => {
        if (typeof d === 'number' && !(d >= 0 && d <= 1)) ctx.addIssue({ code: 'custom', message: `${deltaMessage}, but got ${d}` });
      })
      .default(0)
      .describe('A dishonest proposer reports (1 − delta) of its revenue, delta in [0, 1]; `"strategic"` hides as much as no enabled detector can flag (and, under a stake bound, only when that beats the expected forfeit). 0 is honest.'),
    dishonestValidators: z.array(z.string().min(1)).optional().describe('Ids of the validators that under-report when they propose; absent, every validator does (when delta ≠ 0).'),
    detection: detectionSchema.default({}).describe('The detectors that check the report; each is off unless its object is given.'),
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
    enabled: z.boolean().default(false).describe('Turns rollup governance on (needs `sequencing.mode` "shared").'),
    patienceEpochs: z.number().int().positive().default(3).describe('Number of worse epochs in a row after which a rollup leaves the shared sequencer (or returns to it).'),
    ownSequencerCostY: z.union([nonNegative(), z.record(z.string(), nonNegative())]).default(0).describe('Cost per slot of running its own sequencer, in Y: one number for all rollups, or an object keyed by rollup id (rollups not named cost 0).'),
    canReturn: z.boolean().default(true).describe('Whether a rollup that left may return when staying out is worse for `patienceEpochs` epochs in a row.'),
  })
  .strict();

export type ReportingConfig = z.output<typeof reportingSchema>;
export type GovernanceConfig = z.output<typeof governanceSchema>;
