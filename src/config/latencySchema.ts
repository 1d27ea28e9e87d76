import { z } from 'zod';

const nonNegative = () => z.number().nonnegative().finite();
/** A delay in ms: >= 0 and at most 1e9 ms (11.6 days), far beyond any slot. */
const delayMs = () => nonNegative().max(1e9);

/**
 * Random delay added to an agent's base latency, drawn afresh for every bundle a searcher sends
 * (or every block bid a builder sends) from the agent's own stream. The FCFS latency-race
 * literature models a transaction's delay as a base (distance to the sequencer) plus jitter whose
 * spread grows with that base, so a fixed speed advantage matters less the farther both racers are;
 * `cv` expresses that scaling directly.
 */
export const latencyJitterSchema = z.discriminatedUnion('dist', [
  z
    .object({
      dist: z.literal('normal').describe('Additive normal jitter: latency = base − colocation + N(0, sd²), with sd = sdMs + cv × base.'),
      sdMs: delayMs().default(0).describe('Standard deviation of the jitter, in ms (in [0, 1e9]), added to `cv` × base.'),
      cv: nonNegative().max(100).default(0).describe('Standard deviation of the jitter as a multiple of the base `latencyMs` (in [0, 100]): the jitter grows with the distance to the sequencer.'),
    })
    .strict(),
  z
    .object({
      dist: z.literal('lognormal').describe('Multiplicative log-normal jitter around the base: latency = base × exp(sigma·Z − sigma²/2) − colocation, Z ~ N(0, 1); the mean stays the base and the spread grows with it (coefficient of variation √(exp(sigma²) − 1)).'),
      sigma: nonNegative().max(5).describe('Standard deviation of the log of the jitter factor, in [0, 5] (5 is a coefficient of variation of 268 000).'),
    })
    .strict(),
  z
    .object({
      dist: z.literal('exponential').describe('Additive exponential (queueing) delay: latency = base − colocation + Exp(mean meanMs).'),
      meanMs: delayMs().describe('Mean of the extra delay, in ms (in [0, 1e9]).'),
    })
    .strict(),
  z
    .object({
      dist: z.literal('empirical').describe('Additive delay drawn uniformly from a measured list: latency = base − colocation + one of samplesMs.'),
      samplesMs: z.array(delayMs()).min(1, 'an empirical latency list needs at least one sample').describe('Extra delays, in ms (each in [0, 1e9]; at least one), e.g. measured latencies less their minimum (which then is the base).'),
    })
    .strict(),
]);

export type LatencyJitter = z.output<typeof latencyJitterSchema>;

/** The latency fields a searcher adds to its base `latencyMs`: jitter and a colocation advantage. */
export const latencyFields = {
  latencyJitter: latencyJitterSchema.optional().describe('Random delay on top of the base latency, drawn per bundle sent (one draw each, in the order proposed) from the searcher\'s own stream `latency/searcher/<id>`; the drawn latency is never below 0 (nothing arrives before its opportunity). Absent: the base latency exactly, nothing drawn.'),
  colocationMs: delayMs().optional().describe('Fixed advantage subtracted from the base latency, in ms (in [0, 1e9]), e.g. a server next to the sequencer; the jitter (`cv`, `lognormal`) still scales with the base. The latency is never below 0. Absent: 0.'),
};
