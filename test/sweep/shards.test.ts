import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandSweep, type SweepPlan } from '../../src/sweep/expandSweep.js';
import { mergeShards } from '../../src/sweep/mergeShards.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import { shardOf } from '../../src/sweep/shards.js';
import runSweepTask from '../../src/sweep/worker.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

const bytes = (dir: string, f: string) => readFileSync(join(dir, f));
const shipped = (): Record<string, unknown> => JSON.parse(readFileSync('configs/sweeps/fee-by-bid-fraction.json', 'utf8')) as Record<string, unknown>;
const jsonl = (dir: string, f: string) => bytes(dir, f).toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('shardOf: a run id (12 hex digits) read as a number, mod n, plus 1', () => {
  it('is the arithmetic of the docs: 0x000000000000 → 1; 0xffffffffffff = 2^48 − 1 ≡ 0 (mod 3) → 1; 0x00000000000b = 11 ≡ 2 (mod 3) → 3', () => {
    expect(shardOf('000000000000', 3)).toBe(1);
    expect(shardOf('ffffffffffff', 3)).toBe(1); // 2^48 = 4^24 ≡ 1 (mod 3)
    expect(shardOf('00000000000b', 3)).toBe(3);
    expect(shardOf('00000000000b', 1)).toBe(1);
    expect(() => shardOf('not-a-run-id', 3)).toThrow(RangeError);
  });

  it('a run keeps its shard when a seed and an axis value are added to the sweep', () => {
    const small = expandSweep(smallSweep());
    const grown = expandSweep(smallSweep({ seeds: [1, 2, 3, 4] }));
    const id = (p: SweepPlan) => new Map(p.runs.map((r) => [r.runId, shardOf(r.runId, 3)]));
    const [before, after] = [id(small), id(grown)];
    expect(after.size).toBe(16);
    for (const [runId, shard] of before) expect(after.get(runId)).toBe(shard);
    // ... and the runs of a shard folder of the smaller sweep are all in the same shard folder of the grown one
    const s = smallSweep();
    (s.rollups as { pool: { fee: number[] } }[])[0]!.pool.fee.push(0.005);
    const wider = id(expandSweep(s));
    for (const [runId, shard] of before) expect(wider.get(runId)).toBe(shard);
  });
});

describe('a sweep run as 3 shards and merged gives the one-machine folder (the shipped fee-by-bid-fraction sweep, 40 slots)', () => {
  const sweep = { ...shipped(), slots: 40, seeds: [1, 2, 3] }; // 6 cells × 3 seeds
  const plan = expandSweep(sweep, '"fee-by-bid-fraction.json"');
  const dirs = {} as Record<'csv' | 'parquet', { local: string; shards: string[]; merged: string }>;
  beforeAll(async () => {
    for (const format of ['csv', 'parquet'] as const) {
      const root = tempDir('seqsim-shards-');
      const local = join(root, 'local');
      await runSweep(plan, { out: local, workers: 2, format });
      const shards = [1, 2, 3].map((i) => join(root, `shard-${i}`));
      for (const [i, out] of shards.entries()) {
        const r = await runSweep(plan, { out, format, shard: { index: i + 1, count: 3 }, runTask: runSweepTask }); // in-process: the table does not depend on the runner
        expect(r.runs).toBe(plan.runs.filter((run) => shardOf(run.runId, 3) === i + 1).length);
      }
      const merged = join(root, 'merged');
      mergeShards(shards, { out: merged });
      dirs[format] = { local, shards, merged };
    }
  }, 120_000);

  it.each(['csv', 'parquet'] as const)('the merged %s results table and sweep.json are byte-identical to the local ones', (format) => {
    const { local, merged } = dirs[format];
    expect(bytes(merged, `results.${format}`).equals(bytes(local, `results.${format}`))).toBe(true);
    expect(bytes(merged, 'sweep.json').equals(bytes(local, 'sweep.json'))).toBe(true);
    // and the tidy tables (issue 17): one row per run, one per run and agent
    for (const table of ['runs', 'agents']) expect(bytes(merged, `${table}.${format}`).equals(bytes(local, `${table}.${format}`)), table).toBe(true);
  });

  it('each shard folder holds its runs only, every run in exactly one shard, and sweep.json records the shard and the plan hash', () => {
    const { shards } = dirs.csv;
    const seen = shards.flatMap((dir, i) => {
      const m = JSON.parse(bytes(dir, 'sweep.json').toString()) as { shard: unknown; sweep_sha256: string; seqsim_version: string };
      expect(m.shard).toEqual({ index: i + 1, count: 3 });
      expect(m.sweep_sha256).toBe(plan.sha256);
      expect(typeof m.seqsim_version).toBe('string');
      const ids = readFileSync(join(dir, 'results.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
      for (const id of ids) expect(shardOf(id, 3)).toBe(i + 1);
      return ids;
    });
    expect(seen.sort()).toEqual(plan.runs.map((r) => r.runId).sort());
    expect(shards.every((d) => readFileSync(join(d, 'results.csv'), 'utf8').trim().split('\n').length > 1)).toBe(true); // no shard is empty here
  });

  it('the merged folder is a finished sweep folder: --resume runs nothing, and seqsim report charts it', async () => {
    const { merged, local } = dirs.csv;
    const again = await runSweep(plan, { out: merged, resume: true, workers: 1 });
    expect([again.ran, again.skipped]).toEqual([0, 18]);
    expect(bytes(merged, 'results.csv').equals(bytes(local, 'results.csv'))).toBe(true);
    const report = await cli('report', merged);
    expect(report.code).toBe(0);
    expect(readdirSync(merged)).toContain('report.md');
  });
});

describe('shards and failed runs, resume of a shard', () => {
  // A fee of 1.5 is not a valid pool fee: that cell's 3 runs fail (status "failed"), the sweep goes on.
  const sweep = smallSweep({ slots: 30 });
  (sweep.rollups as { pool: { fee: number[] } }[])[0]!.pool.fee = [0.001, 1.5];
  const plan = expandSweep(sweep);

  it('failed runs are rows of their shard; merge keeps them (exit 3) and the table equals the local one', async () => {
    const root = tempDir('seqsim-shards-');
    const local = join(root, 'local');
    const l = await runSweep(plan, { out: local, workers: 1 });
    expect(l.failed).toBe(6);
    const shards = [1, 2, 3].map((i) => join(root, `s${i}`));
    let failed = 0;
    for (const [i, out] of shards.entries()) failed += (await runSweep(plan, { out, shard: { index: i + 1, count: 3 }, runTask: runSweepTask })).failed;
    expect(failed).toBe(6);
    const r = await cli('sweep', 'merge', ...shards, '--out', join(root, 'merged'));
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('12 runs; 6 failed');
    expect(r.stderr).toContain('--retry-failed');
    expect(bytes(join(root, 'merged'), 'results.csv').equals(bytes(local, 'results.csv'))).toBe(true);
    expect(jsonl(join(root, 'merged'), 'journal.jsonl').filter((e) => e.status === 'failed')).toHaveLength(6);
  });

  it('an interrupted shard resumes with its --shard to the straight shard table; resuming it as another shard or as the whole sweep is refused (exit 2)', async () => {
    const root = tempDir('seqsim-shards-');
    const file = writeSweep(smallSweep({ slots: 30 }), root);
    const straight = join(root, 'straight');
    expect((await cli('sweep', file, '--shard', '1/2', '--out', straight, '--workers', '1')).code).toBe(0);
    const cut = join(root, 'cut');
    cpSync(straight, cut, { recursive: true });
    const lines = bytes(straight, 'journal.jsonl').toString().split('\n');
    writeFileSync(join(cut, 'journal.jsonl'), lines.slice(0, 2).join('\n') + '\n' + lines[2]!.slice(0, 30));
    const wrong = await cli('sweep', file, '--shard', '2/2', '--resume', cut);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('it holds shard 1/2 of the sweep. Resume it with --shard 1/2.');
    const whole = await cli('sweep', file, '--resume', cut);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toContain('Resume it with --shard 1/2');
    const resumed = await cli('sweep', file, '--shard', '1/2', '--resume', cut, '--workers', '1');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/shard 1\/2 of them: \d+ runs \(2 already done/);
    expect(bytes(cut, 'results.csv').equals(bytes(straight, 'results.csv'))).toBe(true);
  });

  it('with --runs, the merged folder holds every run folder of the shards', async () => {
    const root = tempDir('seqsim-shards-');
    const small = expandSweep(smallSweep({ slots: 20 }));
    const shards = [1, 2].map((i) => join(root, `s${i}`));
    for (const [i, out] of shards.entries()) await runSweep(small, { out, runs: true, shard: { index: i + 1, count: 2 }, runTask: runSweepTask });
    mergeShards(shards, { out: join(root, 'merged') });
    expect(readdirSync(join(root, 'merged', 'runs')).sort()).toEqual(small.runs.map((r) => r.runId).sort());
    const first = small.runs[0]!.runId;
    const from = shards.find((d) => readdirSync(join(d, 'runs')).includes(first))!;
    expect(bytes(join(root, 'merged', 'runs', first), 'summary.json').equals(bytes(join(from, 'runs', first), 'summary.json'))).toBe(true);
  });
});
