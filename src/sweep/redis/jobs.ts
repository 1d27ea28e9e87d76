/**
 * What a sweep puts on the BullMQ queue and what a worker sends back: one job per run, its id, the
 * defaults for retries and stalled jobs, and a JSON encoding of the summary that keeps every number.
 */
import { createHash } from 'node:crypto';
import type { MarketConfig } from '../../config/schema.js';
import type { TableFormat } from '../../io/formats/formats.js';
import type { RunSummary } from '../../marketModel/summary.js';

/** The queue a sweep and its workers meet on when `--queue` is not given. */
export const defaultQueue = 'seqsim';

/** The name of every run job (BullMQ's job name; the id tells the jobs apart). */
export const runJobName = 'run';

/**
 * The defaults for retries and stalled jobs (BullMQ's own are 30 s, 30 s and 1). A job is retried
 * only after an infrastructure failure (a worker thread that died, a file it could not write); a run
 * that throws or a refused job fails at once, since the same config fails the same way.
 */
export const redisDefaults = {
  /** Tries of a job before it is recorded as failed (the first try included). */
  attempts: 3,
  /** Exponential back-off: the n-th retry waits backoffMs · 2^(n-1) ms. */
  backoffMs: 5_000,
  /** How long a worker's lock on a job lasts (renewed every half of it while the job runs), ms. */
  lockDurationMs: 30_000,
  /** How often a worker looks for jobs whose lock expired (their worker died), ms. */
  stalledIntervalMs: 15_000,
  /** How many times a job may be taken back from a dead worker before it is recorded as failed. */
  maxStalledCount: 2,
} as const;

/** One run as a job: the resolved config, its SHA-256, and the seqsim version that planned it. */
export interface RunJobData {
  readonly config: MarketConfig;
  /** SHA-256 (hex) of `JSON.stringify(config)`; its first 12 digits are the run id. */
  readonly config_sha256: string;
  /** The seqsim version of the sweep; a worker of another version refuses the job. */
  readonly seqsim: string;
  readonly sweep_sha256: string;
  readonly run_id: string;
  /** With `--runs`: where the worker writes the run's folder (a path every worker can reach). */
  readonly runDir?: string;
  readonly format?: TableFormat;
}

export const configSha = (config: unknown): string => createHash('sha256').update(JSON.stringify(config)).digest('hex');

/**
 * The job id of a run: the sweep's and the run's hashes, so enqueueing a run again (a resumed or
 * restarted sweep) finds the job already there instead of adding a second one.
 */
export function runJobId(sweepSha256: string, runId: string): string {
  return `${sweepSha256.slice(0, 16)}-${runId}`;
}

const tag = '$seqsim_number';

/**
 * The summary as JSON text that survives the trip through Redis unchanged: JSON turns NaN and ±Infinity
 * into null and -0 into 0, so those are written as `{"$seqsim_number": "-0"}` and read back.
 */
export function encodeSummary(summary: RunSummary): string {
  return JSON.stringify(summary, (_key, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { [tag]: Object.is(v, -0) ? '-0' : String(v) } : v,
  );
}

/** Reads {@link encodeSummary}'s text back. */
export function decodeSummary(text: string): RunSummary {
  return JSON.parse(text, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && tag in v ? Number((v as Record<string, string>)[tag]) : v,
  ) as RunSummary;
}
