/**
 * `seqsim worker`: takes run jobs from a BullMQ queue and runs them on worker threads.
 *
 * Why threads and not the main thread: a run is seconds to minutes of synchronous computation. On the
 * main thread it would block the timers that renew the job's lock in Redis, so a long run would lose
 * its lock, be declared stalled and run a second time by another worker. On a piscina pool (one thread
 * per unit of concurrency, as the local sweep) the main thread stays free for BullMQ's bookkeeping.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import type { RunSummary } from '../../marketModel/summary.js';
import { seqsimVersion } from '../../version.js';
import type { SweepTask } from '../worker.js';
import { checkJob } from './checkJob.js';
import { outcomeOf, type JobOutcome } from './jobOutcome.js';
import { defaultQueue, encodeSummary, redisDefaults, runJobName, type RunJobData } from './jobs.js';
import { checkRedis, openRedis } from './redisConnection.js';

/** Options of {@link startWorker}; durations in ms (defaults: {@link redisDefaults}). */
export interface WorkerOptions {
  readonly url: URL;
  readonly queue?: string;
  /** Jobs at once (threads); default `os.availableParallelism()`. */
  readonly concurrency?: number;
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  readonly maxStalledCount?: number;
  /** The version this worker accepts jobs of; default this seqsim's. */
  readonly version?: string;
  /** Runs a task in-process in place of the thread pool (the library's hook, as runSweep's `runTask`). */
  readonly runTask?: (task: SweepTask) => RunSummary | Promise<RunSummary>;
  /** Hears each job's end and each connection error, one line each. */
  readonly onEvent?: (line: string) => void;
}

/** A started worker: `close()` lets the jobs in hand finish, takes no more, and frees the threads. */
export interface StartedWorker {
  readonly worker: Worker<RunJobData, string>;
  readonly concurrency: number;
  close(force?: boolean): Promise<void>;
}

function threadFile(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts') ? resolve(dirname(here), '../../../dist/sweep/redis/jobThread.js') : join(dirname(here), 'jobThread.js');
  if (!existsSync(file)) throw new Error(`the worker thread ${file} is missing: run \`npm run build\` first`);
  return file;
}

/** The job's result, or the error BullMQ records: unrecoverable (no retry) unless the outcome asks for one. */
function settle(outcome: JobOutcome): string {
  if ('summary' in outcome) return encodeSummary(outcome.summary);
  if (outcome.retry) throw new Error(outcome.error);
  throw new UnrecoverableError(outcome.error);
}

/**
 * Starts a worker on the queue after checking that Redis is reachable (UserInputError if not).
 * A refused job (see {@link checkJob}) and a run that throws are failed at once with their message;
 * an infrastructure failure is retried with the job's back-off; a job whose worker died is taken
 * back after its lock expires (at most `maxStalledCount` times).
 */
export async function startWorker(opts: WorkerOptions): Promise<StartedWorker> {
  await checkRedis(opts.url);
  const concurrency = opts.concurrency ?? availableParallelism();
  const version = opts.version ?? seqsimVersion();
  const say = opts.onEvent ?? (() => {});
  const custom = opts.runTask;
  const pool = custom ? null : new Piscina<SweepTask, JobOutcome>({ filename: threadFile(), minThreads: concurrency, maxThreads: concurrency, idleTimeout: 60_000 });
  const run = (task: SweepTask): Promise<JobOutcome> => (custom ? outcomeOf(() => custom(task)) : pool!.run(task));
  const process = async (job: Job<RunJobData, string>): Promise<string> => {
    if (job.name !== runJobName) throw new UnrecoverableError(`job refused: its name is "${job.name}", not "${runJobName}"`);
    const checked = checkJob(job.data, version);
    if ('refused' in checked) throw new UnrecoverableError(checked.refused);
    const { runDir, format } = job.data;
    return settle(await run({ config: checked.config, ...(runDir !== undefined ? { runDir, ...(format ? { format } : {}) } : {}) }));
  };
  let lastError = '';
  const connection = openRedis(opts.url, (m) => {
    if (m !== lastError) say(`redis: ${m} (retrying)`);
    lastError = m;
  });
  connection.on('ready', () => void (lastError = ''));
  const worker = new Worker<RunJobData, string>(opts.queue ?? defaultQueue, process, {
    connection,
    name: `${hostname()}:${globalThis.process.pid}`, // recorded on each job it takes (processedBy), for dashboards
    concurrency,
    lockDuration: opts.lockDurationMs ?? redisDefaults.lockDurationMs,
    stalledInterval: opts.stalledIntervalMs ?? redisDefaults.stalledIntervalMs,
    maxStalledCount: opts.maxStalledCount ?? redisDefaults.maxStalledCount,
  });
  worker.on('error', (err) => {
    const m = err instanceof Error ? err.message : String(err);
    if (m !== lastError) say(`worker: ${m}`);
    lastError = m;
  });
  worker.on('failed', (job, err) => say(`job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`));
  worker.on('completed', (job) => say(`job ${job.id ?? '?'} done`));
  await worker.waitUntilReady();
  let closing: Promise<void> | undefined;
  return {
    worker,
    concurrency,
    close: (force = false) =>
      (closing ??= (async () => {
        await worker.close(force);
        await pool?.destroy();
        connection.disconnect();
      })()),
  };
}
