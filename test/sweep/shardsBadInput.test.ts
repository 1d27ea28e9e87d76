import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/config/errors.js';
import { seal } from '../../src/io/integrity.js';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import { shardOf } from '../../src/sweep/shards.js';
import runSweepTask from '../../src/sweep/worker.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

describe('seqsim sweep --shard: bad specs exit 2 with the fix, before anything is written', () => {
  const file = writeSweep(smallSweep({ slots: 20 }));
  it.each([
    ['0/3', 'shards are numbered from 1 to 3, so i = 0 is not one', 'add 1: --shard $((INDEX + 1))/n'],
    ['4/3', 'there are only 3 shards, numbered 1 to 3', 'Give i <= n, e.g. --shard 3/3'],
    ['a/b', '--shard must be i/n', 'e.g. --shard 2/3'],
    ['2', '--shard must be i/n', 'SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1'],
    ['1/0', 'the number of shards n must be between 1 and', 'e.g. --shard 1/3'],
    ['-1/3', '--shard must be i/n', 'e.g. --shard 2/3'],
  ])('--shard %s', async (spec, problem, fix) => {
    const out = join(tempDir(), 'out');
    const r = await cli('sweep', file, `--shard=${spec}`, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(problem);
    expect(r.stderr).toContain(fix);
    expect(existsSync(out)).toBe(false);
  });

  it('the library refuses a shard outside 1 <= index <= count with a UserInputError', async () => {
    const out = join(tempDir(), 'out');
    await expect(runSweep(smallSweep({ slots: 20 }), { out, shard: { index: 4, count: 3 }, runTask: runSweepTask })).rejects.toThrow(UserInputError);
    await expect(runSweep(smallSweep({ slots: 20 }), { out, shard: { index: 1.5, count: 3 }, runTask: runSweepTask })).rejects.toThrow(/--shard must be i\/n/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('seqsim sweep merge: folders that are not the shards of one whole sweep exit 2 naming what differs, and write nothing', () => {
  const root = tempDir('seqsim-merge-bad-');
  const sweep = smallSweep({ slots: 20, seeds: [1, 2, 3, 4, 5, 6] }); // 4 cells × 6 seeds = 24 runs
  const plan = expandSweep(sweep);
  const shard = (i: number) => join(root, `s${i}`);
  const other = join(root, 'other');
  const parquet = join(root, 'parquet');
  beforeAll(async () => {
    for (const i of [1, 2, 3]) await runSweep(plan, { out: shard(i), shard: { index: i, count: 3 }, runTask: runSweepTask });
    await runSweep(smallSweep({ slots: 21, seeds: [1, 2, 3, 4, 5, 6] }), { out: other, shard: { index: 2, count: 3 }, runTask: runSweepTask });
    await runSweep(plan, { out: parquet, format: 'parquet', shard: { index: 2, count: 3 }, runTask: runSweepTask });
  }, 60_000);

  async function refused(dirs: string[], ...expected: (string | RegExp)[]): Promise<string> {
    const out = join(tempDir(), 'merged');
    const r = await cli('sweep', 'merge', ...dirs, '--out', out);
    expect(r.code).toBe(2);
    for (const e of expected) expect(r.stderr).toMatch(e);
    expect(existsSync(out)).toBe(false);
    return r.stderr;
  }

  it('the three shards merge (the control case)', async () => {
    const r = await cli('sweep', 'merge', shard(1), shard(2), shard(3), '--out', join(tempDir(), 'merged'));
    expect([r.code, r.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(/^merged 3 folders: 24 runs in/)]);
  });

  it('a shard of another sweep: names sweep_sha256 and both sweeps', async () => {
    await refused([shard(1), other, shard(3)], `"${shard(1)}" and "${other}" are not of the same sweep: they differ in sweep_sha256 (sweep ${plan.sha256.slice(0, 12)}`, 'merge only the shards of one sweep');
  });

  it('a shard written in another format: names format', async () => {
    await refused([shard(1), parquet, shard(3)], 'they differ in format (--format csv vs --format parquet)', 'run every shard with the same --format');
  });

  it('a shard of another seqsim version: names seqsim_version', async () => {
    const old = join(root, 'old');
    cpSync(shard(2), old, { recursive: true });
    const m = JSON.parse(readFileSync(join(old, 'sweep.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(old, 'sweep.json'), JSON.stringify(seal({ ...m, seqsim_version: '0.0.1' }), null, 2));
    await refused([shard(1), old, shard(3)], 'they differ in seqsim_version', 'seqsim 0.0.1', 'run every shard with the same seqsim version');
    await refused([old], `Cannot merge "${old}": its shards were run by seqsim 0.0.1, this is seqsim `, 'Merge with the seqsim that ran them');
  });

  it('a missing shard: the count, at most 10 run ids, "and N more", and which shard holds them', async () => {
    const missing = plan.runs.filter((r) => shardOf(r.runId, 3) !== 1);
    expect(missing.length).toBeGreaterThan(10);
    const stderr = await refused([shard(1)], `${missing.length} of the sweep's 24 runs are in none of the folders`, `and ${missing.length - 10} more`);
    const listed = missing.filter((r) => stderr.includes(r.runId));
    expect(listed).toHaveLength(10);
    expect(stderr).toMatch(/of shard 2\/3, whose folder was not given; \d+ of shard 3\/3, whose folder was not given/);
  });

  it('an unfinished shard (its last runs not journaled): the runs, and the --resume that finishes it', async () => {
    const cut = join(root, 'cut');
    cpSync(shard(3), cut, { recursive: true });
    const lines = readFileSync(join(cut, 'journal.jsonl'), 'utf8').split('\n');
    writeFileSync(join(cut, 'journal.jsonl'), lines.slice(0, 2).join('\n') + '\n' + lines[2]!.slice(0, 25)); // a kill mid-line
    const lost = lines.slice(2).filter(Boolean).map((l) => (JSON.parse(l) as { run_id: string }).run_id);
    const stderr = await refused([shard(1), shard(2), cut], `${lost.length} of the sweep's 24 runs are in none of the folders`, `not finished in "${cut}" (finish it: seqsim sweep`, `--shard 3/3 --resume ${cut}`);
    for (const id of lost) expect(stderr).toContain(id);
    expect(readFileSync(join(cut, 'journal.jsonl'), 'utf8').endsWith(lines[2]!.slice(0, 25))).toBe(true); // merge changed nothing
  });

  it('a shard in two folders: the duplicated run ids and both folders', async () => {
    const copy = join(root, 'copy');
    cpSync(shard(2), copy, { recursive: true });
    const stderr = await refused([shard(1), shard(2), shard(3), copy], /\d+ run\(s\) are in more than one folder/, `(in "${shard(2)}" and "${copy}")`);
    const ids = readFileSync(join(copy, 'results.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    for (const id of ids.slice(0, 10)) expect(stderr).toContain(id);
  });

  it('the same folder twice, a folder that is not a sweep folder, an edited journal, an OUT that holds files', async () => {
    await refused([shard(1), shard(2), shard(2), shard(3)], `the folder "${shard(2)}" is named twice`);
    await refused([shard(1), root], `Cannot merge "${root}": it holds no sweep.json`);
    const edited = join(root, 'edited');
    cpSync(shard(3), edited, { recursive: true });
    const text = readFileSync(join(edited, 'journal.jsonl'), 'utf8');
    writeFileSync(join(edited, 'journal.jsonl'), text.replace(/"status":"ok"/, '"status":"failed"'));
    await refused([shard(1), shard(2), edited], `in "${join(edited, 'journal.jsonl')}", line 1 is not a journal entry that verifies`);
    const r = await cli('sweep', 'merge', shard(1), shard(2), shard(3), '--out', shard(1));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already holds files');
  });
});
