import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { runSweep } from '../../src/sweep/runSweep.js';
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
});
