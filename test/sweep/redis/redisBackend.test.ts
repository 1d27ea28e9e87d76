/**
 * The Redis backend against a real redis-server (see redisServer.ts) and real `seqsim worker`
 * processes: the same table as a local sweep, a worker killed mid-job, a run that throws, refused jobs.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSweep } from '../../../src/sweep/expandSweep.js';
import { createRedisRunner } from '../../../src/sweep/redis/redisRunner.js';
import { startWorker } from '../../../src/sweep/redis/redisWorker.js';
import { configSha, runJobId } from '../../../src/sweep/redis/jobs.js';
import { runSweep } from '../../../src/sweep/runSweep.js';
import { mergeShards } from '../../../src/sweep/mergeShards.js';
import runSweepTask, { type SweepTask } from '../../../src/sweep/worker.js';
import { seqsimVersion } from '../../../src/version.js';
import { cli, tempDir } from '../../cli/helpers.js';
import { smallSweep, writeSweep } from '../helpers.js';
import { redisServerInstalled, spawnWorker, startRedis, stopWorker, waitFor, type TestRedis } from './redisServer.js';

const installed = redisServerInstalled();
const jsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe.skipIf(!installed)('sweep --backend redis (a real redis-server)', { timeout: 120_000 }, () => {
  let redis: TestRedis;
  beforeAll(async () => void (redis = await startRedis()));
  afterAll(async () => redis?.stop());

  it('one sweep run locally, through Redis with 2 worker processes and as 3 merged shards: byte-identical tables (issue 16 item 3)', async () => {
    const file = writeSweep(smallSweep());
    const workers = [spawnWorker(redis.url, 'identical'), spawnWorker(redis.url, 'identical')]; // they start while the local sweep runs
    const local = join(tempDir(), 'local');
    await runSweep(expandSweep(smallSweep()), { out: local, runTask: runSweepTask }); // in-process: the same table as threads, sooner
    try {
      const out = join(tempDir(), 'redis');
      const r = await cli('sweep', file, '--backend', 'redis', '--redis-url', redis.url, '--queue', 'identical', '--out', out, '--runs');
      expect(r.stderr).not.toMatch(/error/i);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/12 runs through Redis queue "identical"/);
      // 3 shards (each a sweep folder of its runs) merged into one folder.
      const shardRoot = tempDir();
      const shards = [1, 2, 3].map((index) => join(shardRoot, `shard-${index}`));
      for (const [i, dir] of shards.entries()) await runSweep(expandSweep(smallSweep()), { out: dir, runTask: runSweepTask, shard: { index: i + 1, count: 3 } });
      const merged = join(shardRoot, 'merged');
      mergeShards(shards, { out: merged });
      for (const table of ['results.csv', 'runs.csv', 'agents.csv']) {
        expect(readFileSync(join(out, table)).equals(readFileSync(join(local, table))), `${table}: redis vs local`).toBe(true);
        expect(readFileSync(join(merged, table)).equals(readFileSync(join(local, table))), `${table}: merged shards vs local`).toBe(true);
      }
      // --runs: the workers wrote each run's folder into the sweep's runs/ (a filesystem they share here).
      const summary = JSON.parse(readFileSync(join(out, 'runs', expandSweep(smallSweep()).runs[7]!.runId, 'summary.json'), 'utf8')) as { slots: number };
      expect(summary.slots).toBe(120);
            // Both workers took jobs (each prints a line per job it finished).
      for (const w of workers) expect(w.log()).toMatch(/ done/);
    } finally {
      expect(await Promise.all(workers.map((w) => stopWorker(w)))).toEqual([0, 0]); // SIGTERM: a clean exit
    }
  });

  it('a worker killed with SIGKILL mid-job: its job is taken back by the other worker, every run once, the local table', async () => {
    const sweep = smallSweep({ seeds: [1], slots: 3000 });
    const plan = expandSweep(sweep);
    const file = writeSweep(sweep);
    const fast = ['--lock-duration', '1000', '--stalled-interval', '500'];
    const [doomed, survivor] = [spawnWorker(redis.url, 'sigkill', fast), spawnWorker(redis.url, 'sigkill', fast)];
    const local = join(tempDir(), 'local');
    await runSweep(plan, { out: local, runTask: runSweepTask });
    const queue = new Queue('sigkill', { connection: { url: redis.url } });
    const out = join(tempDir(), 'redis');
    try {
      const sweepDone = cli('sweep', file, '--backend', 'redis', '--redis-url', redis.url, '--queue', 'sigkill', '--out', out);
      // The doomed worker's job: each job records the worker that took it (host:pid).
      const doomedName = `${hostname()}:${doomed.pid}`;
      const held = async () => (await queue.getActive()).find((j) => j.processedBy === doomedName)?.id;
      await waitFor(async () => (await held()) !== undefined, 60_000, 'the doomed worker to take a job');
      const active = [(await held())!];
      doomed.kill('SIGKILL');
      const r = await sweepDone;
      expect(r.code).toBe(0);
      expect(readFileSync(join(out, 'results.csv')).equals(readFileSync(join(local, 'results.csv')))).toBe(true);
      const journal = jsonl(join(out, 'journal.jsonl'));
      expect(journal.map((e) => e.index).sort((a, b) => (a as number) - (b as number))).toEqual(plan.runs.map((r) => r.index));
      // The killed job was recovered as stalled (BullMQ counts it) and completed by the survivor.
      const killed = await Job.fromId(queue, active[0]!);
      expect(await killed!.getState()).toBe('completed');
      expect(killed!.stalledCounter).toBeGreaterThanOrEqual(1);
      expect(killed!.processedBy).toBe(`${hostname()}:${survivor.pid}`);
    } finally {
      await stopWorker(doomed, 'SIGKILL');
      await stopWorker(survivor);
      await queue.close();
    }
  });

  it('the same sweep again into another folder with --runs: the finished jobs are run again to write its run folders', async () => {
    const plan = expandSweep(smallSweep({ seeds: [1], slots: 40 }));
    const worker = await startWorker({ url: new URL(redis.url), queue: 'rerun', concurrency: 2, runTask: runSweepTask });
    try {
      const first = join(tempDir(), 'first');
      const r1 = await cli('sweep', writeSweep(smallSweep({ seeds: [1], slots: 40 })), '--backend', 'redis', '--redis-url', redis.url, '--queue', 'rerun', '--out', first);
      expect(r1.code, r1.stderr).toBe(0);
      const second = join(tempDir(), 'second');
      const r2 = await cli('sweep', writeSweep(smallSweep({ seeds: [1], slots: 40 })), '--backend', 'redis', '--redis-url', redis.url, '--queue', 'rerun', '--out', second, '--runs');
      expect(r2.code, r2.stderr).toBe(0);
      for (const run of plan.runs) expect(readFileSync(join(second, 'runs', run.runId, 'summary.json'), 'utf8')).toMatch(/"slots": 40/);
      expect(readFileSync(join(second, 'results.csv')).equals(readFileSync(join(first, 'results.csv')))).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('a run that throws is a failed row with its message, not retried, and the sweep completes', async () => {
    const plan = expandSweep(smallSweep());
    const victim = plan.runs[4]!;
    const runTask = (task: SweepTask) => {
      if (configSha(task.config) === configSha(victim.config)) throw new Error('boom: the model blew up\nsecond line');
      return runSweepTask(task);
    };
    const worker = await startWorker({ url: new URL(redis.url), queue: 'throws', concurrency: 2, runTask });
    const runner = await createRedisRunner(plan, { url: new URL(redis.url), queue: 'throws', pollMs: 500 });
    try {
      const out = join(tempDir(), 'redis');
      const r = await runSweep(plan, { out, format: 'jsonl', runTask: runner.runTask });
      expect([r.runs, r.failed]).toEqual([12, 1]);
      expect(r.failures[0]).toMatchObject({ index: 4, error: 'boom: the model blew up' });
      const rows = jsonl(join(out, 'results.jsonl'));
      expect(rows[4]).toMatchObject({ status: 'failed', error: 'boom: the model blew up' });
      expect(rows.filter((x) => x.status === 'ok')).toHaveLength(11);
      const queue = new Queue('throws', { connection: { url: redis.url } });
      const job = await Job.fromId(queue, runJobId(plan.sha256, victim.runId));
      await queue.close();
      expect(job!.attemptsMade).toBe(1); // the model's error is not retried (attempts default 3)
    } finally {
      await runner.close();
      await worker.close();
    }
  });

  it('a worker of another seqsim version refuses every job: failed rows naming both versions, exit 3', async () => {
    const worker = await startWorker({ url: new URL(redis.url), queue: 'version', concurrency: 2, version: '0.0.0-other' });
    try {
      const out = join(tempDir(), 'redis');
      const r = await cli('sweep', writeSweep(smallSweep()), '--backend', 'redis', '--redis-url', redis.url, '--queue', 'version', '--out', out, '--format', 'jsonl');
      expect(r.code).toBe(3);
      const rows = jsonl(join(out, 'results.jsonl'));
      expect(rows).toHaveLength(12);
      const message = `job refused: it was planned by seqsim ${seqsimVersion()} but this worker runs seqsim 0.0.0-other; run the same seqsim version on the sweep machine and every worker`;
      expect(rows.every((x) => x.status === 'failed' && x.error === message)).toBe(true);
    } finally {
      await worker.close();
    }
  });

  it('a job whose config does not match its hash, fails validation, or names a run folder not ending in its run id is failed at once with the reason', async () => {
    const worker = await startWorker({ url: new URL(redis.url), queue: 'tampered', concurrency: 1 });
    const queue = new Queue('tampered', { connection: { url: redis.url } });
    try {
      const config = expandSweep(smallSweep()).runs[0]!.config;
      const base = { seqsim: seqsimVersion(), sweep_sha256: 'x', run_id: 'y' };
      const tampered = await queue.add('run', { ...base, config: { ...config, slots: 99 }, config_sha256: configSha(config) }, { attempts: 3 });
      const badFee = { ...config, rollups: [{ ...config.rollups[0]!, pool: { ...config.rollups[0]!.pool, fee: 1.5 } }, config.rollups[1]!] };
      const invalid = await queue.add('run', { ...base, config: badFee, config_sha256: configSha(badFee) }, { attempts: 3 });
      const elsewhere = await queue.add('run', { ...base, config, config_sha256: configSha(config), runDir: '/etc/cron.d' }, { attempts: 3 });
      const finished = async (j: Job) => ['failed', 'completed'].includes(await queue.getJobState(j.id!));
      await waitFor(async () => (await finished(tampered)) && (await finished(invalid)) && (await finished(elsewhere)), 60_000, 'the jobs to finish');
      expect((await Job.fromId(queue, elsewhere.id!))!.failedReason).toMatch(/^job refused: its run folder "\/etc\/cron\.d" is not an absolute path ending in the run id [0-9a-f]{12}$/);
      const [t, v] = [await Job.fromId(queue, tampered.id!), await Job.fromId(queue, invalid.id!)];
      expect(await t!.getState()).toBe('failed');
      expect(t!.failedReason).toMatch(/^job refused: its config's SHA-256 is [0-9a-f]{12}\.\.\., not the [0-9a-f]{12}\.\.\. the job carries/);
      expect(t!.attemptsMade).toBe(1);
      expect(v!.failedReason).toMatch(/^job refused: its config fails validation: .*rollups\[0\]\.pool\.fee/);
      expect(v!.attemptsMade).toBe(1);
    } finally {
      await queue.close();
      await worker.close();
    }
  });
});

describe.skipIf(!installed)('sweep --backend redis: Redis restarted mid-sweep (appendonly yes)', { timeout: 120_000 }, () => {
  it('the sweep and the worker wait for Redis to come back, and the table equals the local one', async () => {
    const redis = await startRedis({ appendonly: true });
    const plan = expandSweep(smallSweep({ slots: 400 }));
    const local = join(tempDir(), 'local');
    await runSweep(plan, { out: local, runTask: runSweepTask });
    const url = new URL(redis.url);
    const worker = await startWorker({ url, queue: 'restart', concurrency: 1 });
    const runner = await createRedisRunner(plan, { url, queue: 'restart', pollMs: 500 });
    const out = join(tempDir(), 'redis');
    let done = 0;
    try {
      const sweep = runSweep(plan, { out, runTask: runner.runTask, onProgress: (p) => void (done = p.done) });
      await waitFor(() => done >= 2, 60_000, 'two runs to finish');
      const atRestart = done;
      await redis.restart();
      const r = await sweep;
      expect(atRestart).toBeLessThan(12); // the restart came mid-sweep
      expect([r.runs, r.failed]).toEqual([12, 0]);
      expect(readFileSync(join(out, 'results.csv')).equals(readFileSync(join(local, 'results.csv')))).toBe(true);
    } finally {
      await runner.close();
      await worker.close();
      await redis.stop();
    }
  });
});
