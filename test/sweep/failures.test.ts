import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import runSweepTask, { type SweepTask } from '../../src/sweep/worker.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

const jsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** An in-process runner that throws for runs (not probes) of cell 1 with seed 2. */
const failCell1Seed2 = (task: SweepTask) => {
  if (task.config.slots > 1 && task.config.seed === 2 && task.config.rollups[0]!.pool.fee === 0.001 && task.config.searchers[0]!.kind === 'cex-dex' && (task.config.searchers[0] as { bidFraction?: number }).bidFraction === 0.7)
    throw new Error('boom: the model blew up\nwith a second line');
  return runSweepTask(task);
};

describe('sweep: a run that fails is recorded and the sweep goes on', () => {
  const plan = expandSweep(smallSweep());

  it('a run that throws is journaled and written with status failed, its error and its axes; resume skips it unless retryFailed', async () => {
    const out = join(tempDir(), 'fail');
    const r = await runSweep(plan, { out, workers: 1, format: 'jsonl', runTask: failCell1Seed2 });
    expect([r.runs, r.ran, r.failed]).toEqual([12, 12, 1]);
    expect(r.failures).toEqual([{ index: 4, run_id: plan.runs[4]!.runId, cell: 1, seed: 2, error: 'boom: the model blew up' }]);
    const rows = jsonl(join(out, 'results.jsonl'));
    expect(rows).toHaveLength(12);
    expect(rows[4]).toMatchObject({ cell: 1, seed: 2, 'rollups.0.pool.fee': 0.001, 'searchers.0.bidFraction': 0.7, status: 'failed', error: 'boom: the model blew up', slots: null });
    expect(rows.filter((x) => x.status === 'ok')).toHaveLength(11);
    const journal = jsonl(join(out, 'journal.jsonl'));
    expect(journal.filter((e) => e.status === 'failed').map((e) => e.index)).toEqual([4]);

    // --resume skips the recorded failure: nothing runs, the table stays the same.
    const before = readFileSync(join(out, 'results.jsonl'));
    const again = await runSweep(plan, { out, workers: 1, resume: true, runTask: () => { throw new Error('must not run'); } });
    expect([again.ran, again.skipped, again.failed]).toEqual([0, 12, 1]);
    expect(readFileSync(join(out, 'results.jsonl')).equals(before)).toBe(true);

    // --retry-failed runs it again; once it succeeds the table equals a straight run's.
    const retried = await runSweep(plan, { out, workers: 1, resume: true, retryFailed: true, runTask: runSweepTask });
    expect([retried.ran, retried.skipped, retried.failed]).toEqual([1, 11, 0]);
    const straight = join(tempDir(), 'straight');
    await runSweep(plan, { out: straight, workers: 1, format: 'jsonl', runTask: runSweepTask });
    expect(readFileSync(join(out, 'results.jsonl')).equals(readFileSync(join(straight, 'results.jsonl')))).toBe(true);
  });

  it('a cell whose one-slot probe throws is reported per cell and its runs recorded as failed; the other cells run', async () => {
    const out = join(tempDir(), 'probe');
    const runTask = (task: SweepTask) => {
      if (task.config.slots === 1 && task.config.rollups[0]!.pool.fee === 0.003) throw new Error('probe exploded');
      return runSweepTask(task);
    };
    const r = await runSweep(plan, { out, workers: 1, format: 'jsonl', runTask });
    expect(r.failed).toBe(6); // cells 2 and 3 (fee 0.003) × 3 seeds
    expect(new Set(r.failures.map((f) => f.cell))).toEqual(new Set([2, 3]));
    expect(r.failures[0]!.error).toBe('probe (a one-slot run of the cell) failed: probe exploded');
    const rows = jsonl(join(out, 'results.jsonl'));
    expect(rows.map((x) => x.status)).toEqual([...Array(6).fill('ok'), ...Array(6).fill('failed')]);
    expect(rows[8]).toMatchObject({ cell: 2, 'rollups.0.pool.fee': 0.003, status: 'failed' });
  });

  it('CLI: a cell whose config is invalid is recorded as an invalid-config failure per cell; exit 3, and --resume does not run it again', async () => {
    const sweep = smallSweep({ seeds: [1, 2] });
    (sweep.rollups as { pool: { fee: unknown } }[])[0]!.pool.fee = [0.001, 1.5];
    const file = writeSweep(sweep);
    const out = join(tempDir(), 'invalid');
    const r = await cli('sweep', file, '--out', out, '--workers', '1', '--format', 'jsonl');
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/^4 cells × 2 seeds = 8 runs; 4 failed/);
    expect(r.stderr).toMatch(/cell 2 \(rollups\.0\.pool\.fee=1\.5, searchers\.0\.bidFraction=0\.3\): 2 run\(s\) failed: invalid config: rollups\[0\]\.pool\.fee must be a number < 1, but got 1\.5/);
    expect(r.stderr).toMatch(/cell 3 \(rollups\.0\.pool\.fee=1\.5, searchers\.0\.bidFraction=0\.7\)/);
    expect(r.stderr).toContain('--retry-failed');
    const rows = jsonl(join(out, 'results.jsonl'));
    expect(rows.map((x) => [x.cell, x.status])).toEqual([[0, 'ok'], [0, 'ok'], [1, 'ok'], [1, 'ok'], [2, 'failed'], [2, 'failed'], [3, 'failed'], [3, 'failed']]);
    expect(rows[4]!.error).toMatch(/^invalid config: rollups\[0\]\.pool\.fee must be a number < 1/);
    expect(rows[4]).toMatchObject({ 'rollups.0.pool.fee': 1.5, 'searchers.0.bidFraction': 0.3 });
    const again = await cli('sweep', file, '--resume', out, '--workers', '1');
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/\(8 already done, 0 run now\); 4 failed/);
    const retry = await cli('sweep', file, '--resume', out, '--workers', '1', '--retry-failed');
    expect(retry.code).toBe(3); // still invalid
    expect(retry.stdout).toMatch(/\(4 already done, 4 run now\); 4 failed/);
    expect((await cli('sweep', file, '--out', join(tempDir(), 'x'), '--retry-failed')).code).toBe(2);
  });
});
