/**
 * The sweep's side of the Redis backend: a `runTask` for {@link runSweep} that enqueues each run as a
 * BullMQ job and resolves with the summary a worker sends back. Planning, the journal, the table and
 * resume stay runSweep's, so a sweep through Redis writes the same table as a local one.
 */
import { resolve } from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { RunSummary } from '../../marketModel/summary.js';
import { seqsimVersion } from '../../version.js';
import type { SweepPlan, SweepRun } from '../expandSweep.js';
import runSweepTask, { type SweepTask } from '../worker.js';
import { configSha, decodeSummary, defaultQueue, redisDefaults, runJobId, runJobName, type RunJobData } from './jobs.js';
import { checkRedis, openRedis } from './redisConnection.js';

/** Options of {@link createRedisRunner}. */
export interface RedisRunnerOptions {
  readonly url: URL;
  readonly queue?: string;
  /** Tries per job (default {@link redisDefaults}.attempts) and the first retry's delay in ms. */
  readonly attempts?: number;
  readonly backoffMs?: number;
  /** With `--runs`: the folder (reachable by every worker) that receives `<run_id>/`; default the sweep's own runs/. */
  readonly runsPath?: string;
  /** The version the jobs carry; default this seqsim's (another value only to test refusals). */
  readonly version?: string;
  /** How often to look up the jobs still awaited, in case an event was missed (ms, default 5,000). */
  readonly pollMs?: number;
  /** Hears connection errors (one line each, once per outage). */
  readonly onEvent?: (line: string) => void;
}

/** A runner: `runTask` for runSweep, and `close()` to release the connections. */
export interface RedisRunner {
  readonly queue: string;
  runTask(task: SweepTask): Promise<RunSummary>;
  close(): Promise<void>;
}

interface Waiter {
  readonly resolve: (s: RunSummary) => void;
  readonly reject: (e: Error) => void;
}

/**
 * Connects (UserInputError if Redis cannot be reached) and returns the runner. Each run's job id comes
 * from the sweep's and the run's hashes: a job already in Redis is not added twice; if it completed
 * (a sweep killed after the worker finished it), its result is used; if it failed, it is retried,
 * since the sweep asked for the run again. Tasks that are not runs of the plan — the one-slot probes
 * that find the table's columns — run in-process here: they are cheap and need no worker.
 */
export async function createRedisRunner(plan: SweepPlan, opts: RedisRunnerOptions): Promise<RedisRunner> {
  await checkRedis(opts.url);
  const name = opts.queue ?? defaultQueue;
  const version = opts.version ?? seqsimVersion();
  const runs = new Map<string, SweepRun>(plan.runs.map((r) => [configSha(r.config), r]));
  let lastError = '';
  const connection = openRedis(opts.url, (m) => {
    if (m !== lastError) opts.onEvent?.(`redis: ${m} (retrying until it is back)`);
    lastError = m;
  });
  connection.on('ready', () => void (lastError = ''));
  const queue = new Queue<RunJobData, string>(name, { connection });
  const eventsConnection = openRedis(opts.url); // QueueEvents blocks on its own connection
  const events = new QueueEvents(name, { connection: eventsConnection });
  queue.on('error', () => {}); // the connection's listener reports it
  events.on('error', () => {});
  await events.waitUntilReady();
  const waiters = new Map<string, Waiter>();

  /** Settles the job's waiter if the job has finished (completed or failed for good). */
  const check = async (id: string): Promise<void> => {
    // The state first, then the job: read the other way round, a job that finishes in between would
    // be seen failed with the fields it had while active (no failedReason yet).
    const state = await queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed') return;
    const job = await Job.fromId<RunJobData, string>(queue, id);
    const w = waiters.get(id);
    if (!w || !job) return;
    waiters.delete(id);
    if (state === 'completed') w.resolve(decodeSummary(job.returnvalue));
    else w.reject(new Error(job.failedReason || 'the job failed without a reason'));
  };
  const onFinished = ({ jobId }: { jobId: string }) => void (waiters.has(jobId) && check(jobId).catch(() => {}));
  events.on('completed', onFinished);
  events.on('failed', onFinished);
  // The safety net for a missed event: each tick looks up at most 500 awaited jobs, the longest-awaited
  // first (a Map keeps insertion order), so a sweep of 10^5 runs does not flood Redis.
  const poll = setInterval(() => void Promise.all([...waiters.keys()].slice(0, 500).map((id) => check(id))).catch(() => {}), opts.pollMs ?? 5_000);

  /** Adds the run's job, or reuses the one already there (retrying it if it failed). */
  const enqueue = async (id: string, data: RunJobData): Promise<void> => {
    const existing = await Job.fromId<RunJobData, string>(queue, id);
    const state = existing ? await existing.getState() : undefined;
    if (existing && state === 'failed') return existing.retry('failed');
    // A completed job is reused only when it did this very job: same version and config, and the same
    // run folder (a sweep with --runs into another --out or --runs-path needs its folders written).
    const stale = existing && (existing.data.seqsim !== data.seqsim || existing.data.config_sha256 !== data.config_sha256 || (data.runDir !== undefined && (existing.data.runDir !== data.runDir || existing.data.format !== data.format)));
    if (existing && stale && state === 'completed') await existing.remove();
    else if (existing) return;
    await queue.add(runJobName, data, {
      jobId: id,
      attempts: opts.attempts ?? redisDefaults.attempts,
      backoff: { type: 'exponential', delay: opts.backoffMs ?? redisDefaults.backoffMs },
    });
  };

  const runTask = async (task: SweepTask): Promise<RunSummary> => {
    const sha = configSha(task.config);
    const run = runs.get(sha);
    if (!run) return runSweepTask(task);
    const id = runJobId(plan.sha256, run.runId);
    const runDir = task.runDir === undefined ? undefined : resolve(opts.runsPath ?? resolve(task.runDir, '..'), run.runId);
    const data: RunJobData = {
      config: task.config, config_sha256: sha, seqsim: version, sweep_sha256: plan.sha256, run_id: run.runId,
      ...(runDir !== undefined ? { runDir, ...(task.format ? { format: task.format } : {}) } : {}),
    };
    const done = new Promise<RunSummary>((res, rej) => waiters.set(id, { resolve: res, reject: rej }));
    try {
      await enqueue(id, data);
      await check(id);
    } catch (err) {
      waiters.delete(id);
      throw err;
    }
    return done;
  };

  return {
    queue: name,
    runTask,
    close: async () => {
      clearInterval(poll);
      eventsConnection.disconnect(); // ends the blocking read at once (close() alone waits for it to time out)
      await events.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
