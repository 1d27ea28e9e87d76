import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import { mergeShards } from '../../src/sweep/mergeShards.js';
import runSweepTask from '../../src/sweep/worker.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

/*
 * `--slots-table`: every run's per-slot rows in one table partitioned by run (Hive layout,
 * slots/run_id=<id>/part-0.<format>), each partition the same bytes as the run folder's slots
 * table, the same on any number of workers.
 */
const sweep = smallSweep({ slots: 30, seeds: [1, 2] });
const plan = expandSweep(sweep);
const bytes = (path: string) => readFileSync(path);

describe('sweep --slots-table', () => {
  it.each(['parquet', 'csv'] as const)('%s: one partition per run, the bytes of its run folder’s slots table, identical on 2 worker threads', async (format) => {
    const [local, threads] = [join(tempDir(), 'local'), join(tempDir(), 'threads')];
    await runSweep(plan, { out: local, format, runs: true, slotsTable: true, runTask: runSweepTask });
    await runSweep(plan, { out: threads, format, slotsTable: true, workers: 2 });
    expect(readdirSync(join(local, 'slots')).sort()).toEqual(plan.runs.map((r) => `run_id=${r.runId}`).sort());
    for (const run of plan.runs) {
      const part = join('slots', `run_id=${run.runId}`, `part-0.${format}`);
      expect(bytes(join(local, part)).equals(bytes(join(local, 'runs', run.runId, `slots.${format}`))), part).toBe(true);
      expect(bytes(join(local, part)).equals(bytes(join(threads, part))), part).toBe(true);
    }
    expect(existsSync(join(threads, 'runs'))).toBe(false);
  });

  it('a partition holds the run’s rows, typed (INT64 slot and counts), 30 slots × 2 rollups', async () => {
    const out = join(tempDir(), 's');
    await runSweep(plan, { out, format: 'parquet', slotsTable: true, runTask: runSweepTask });
    const b = bytes(join(out, 'slots', `run_id=${plan.runs[3]!.runId}`, 'part-0.parquet'));
    const file = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    const types = Object.fromEntries(parquetMetadata(file).schema.slice(1).map((s) => [s.name, s.type]));
    expect([types.slot, types.user_swaps, types.pool_price]).toEqual(['INT64', 'INT64', 'DOUBLE']);
    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(60);
    expect(rows.at(-1)!.slot).toBe(29n);
  });

  it('the CLI flag; refused with --backend redis (exit 2, nothing written)', async () => {
    const file = writeSweep(sweep);
    const out = join(tempDir(), 'cli');
    expect((await cli('sweep', file, '--out', out, '--workers', '1', '--quiet', '--slots-table')).code).toBe(0);
    expect(readdirSync(join(out, 'slots'))).toHaveLength(plan.runs.length);
    const never = join(tempDir(), 'never');
    const r = await cli('sweep', file, '--out', never, '--slots-table', '--backend', 'redis', '--redis-url', 'redis://127.0.0.1:1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--slots-table .* --backend local only/);
    expect(existsSync(never)).toBe(false);
  });

  it('shards run with --slots-table and merged hold the whole table: the partitions of a one-machine sweep, byte for byte', async () => {
    const whole = join(tempDir(), 'whole');
    await runSweep(plan, { out: whole, format: 'csv', slotsTable: true, runTask: runSweepTask });
    const shards = [1, 2].map((index) => join(tempDir(), `shard${index}`));
    for (const [i, out] of shards.entries()) await runSweep(plan, { out, format: 'csv', slotsTable: true, shard: { index: i + 1, count: 2 }, runTask: runSweepTask });
    const merged = join(tempDir(), 'merged');
    mergeShards(shards, { out: merged });
    expect(readdirSync(join(merged, 'slots')).sort()).toEqual(readdirSync(join(whole, 'slots')).sort());
    for (const run of plan.runs) {
      const part = join('slots', `run_id=${run.runId}`, 'part-0.csv');
      expect(bytes(join(merged, part)).equals(bytes(join(whole, part))), part).toBe(true);
    }
  });

  it('a run that fails leaves no partition and no open file', () => {
    const dir = tempDir();
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    const slotsPath = join(dir, 'slots', 'run_id=abc', 'part-0.csv');
    expect(() => runSweepTask({ config: plan.runs[0]!.config, runDir: join(notADir, 'run'), slotsPath, format: 'csv' })).toThrow(/ENOTDIR/);
    expect(existsSync(join(dir, 'slots', 'run_id=abc'))).toBe(false);
    expect(fds()).toBe(before);
  });
});
