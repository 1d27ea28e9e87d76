import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { loadSweepFile } from '../../src/sweep/loadSweepFile.js';
import { runSweep, type SweepResult } from '../../src/sweep/runSweep.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

const bytes = (dir: string, f: string) => readFileSync(join(dir, f));
const formats = ['csv', 'jsonl', 'parquet'] as const;
type Format = (typeof formats)[number];

describe('sweep reproducibility (DESIGN.md §9: same sweep ⇒ byte-identical tables on any number of workers)', () => {
  // Short runs: byte-identity and row order do not depend on the run length.
  const plan = expandSweep(smallSweep({ slots: 40 }));
  /** Each format's sweep run once on 1 worker and once on 2 (snapshotting after every run), shared by the tests. */
  const w1 = {} as Record<Format, { dir: string; result: SweepResult }>;
  const w2 = {} as Record<Format, { dir: string; result: SweepResult }>;
  beforeAll(async () => {
    for (const format of formats) {
      const [a, b] = [join(tempDir(), 'w1'), join(tempDir(), 'w2')];
      w1[format] = { dir: a, result: await runSweep(plan, { out: a, workers: 1, format }) };
      w2[format] = { dir: b, result: await runSweep(plan, { out: b, workers: 2, format, snapshotEvery: 1 }) };
    }
  });

  it.each(formats)('--workers 1 and --workers 2 give byte-identical %s tables', (format) => {
    const [{ dir: a, result: ra }, { dir: b, result: rb }] = [w1[format], w2[format]];
    expect([ra.runs, ra.ran, ra.skipped, rb.workers]).toEqual([12, 12, 0, 2]);
    expect(bytes(a, `results.${format}`).equals(bytes(b, `results.${format}`))).toBe(true);
    expect(bytes(a, 'sweep.json').equals(bytes(b, 'sweep.json'))).toBe(true);
  });

  it('rows come in (cell, seed) order with the run id, the cell, the seed and the swept values', () => {
    const rows = bytes(w2.jsonl.dir, 'results.jsonl').toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.run_id, r.cell, r.seed])).toEqual(plan.runs.map((r) => [r.runId, r.cell, r.seed]));
    expect(rows[4]).toMatchObject({ 'rollups.0.pool.fee': 0.001, 'searchers.0.bidFraction': 0.7, slots: 40, 'rollups.A.gas_token': 'X' });
    expect(Object.keys(rows[0]!).slice(0, 5)).toEqual(['run_id', 'cell', 'seed', 'rollups.0.pool.fee', 'searchers.0.bidFraction']);
  });

  it.each(['csv', 'parquet'] as const)('--resume after an interrupted %s sweep gives the table of a straight run', async (format) => {
    const straight = w2[format].dir; // a straight run on 2 workers: its journal is in completion order
    // An interrupted sweep: 5 runs journaled, a 6th cut off mid-line, the table of an earlier moment.
    const cut = join(tempDir(), 'cut');
    cpSync(straight, cut, { recursive: true });
    const lines = bytes(straight, 'journal.jsonl').toString().split('\n');
    writeFileSync(join(cut, 'journal.jsonl'), lines.slice(0, 5).join('\n') + '\n' + lines[5]!.slice(0, 40));
    rmSync(join(cut, `results.${format}`));
    const r = await runSweep(plan, { out: cut, workers: 2, resume: true });
    expect([r.format, r.skipped, r.ran]).toEqual([format, 5, 7]);
    expect(bytes(cut, `results.${format}`).equals(bytes(straight, `results.${format}`))).toBe(true);
    expect(bytes(cut, 'journal.jsonl').toString().trim().split('\n').length).toBe(12);
    // resuming a finished sweep runs nothing and leaves the same table
    const again = await runSweep(plan, { out: cut, workers: 1, resume: true });
    expect([again.ran, again.skipped]).toEqual([0, 12]);
    expect(bytes(cut, `results.${format}`).equals(bytes(straight, `results.${format}`))).toBe(true);
  });

  it('a SIGKILL mid-sweep leaves a readable table of whole rows; --resume completes it to the straight-run table', async () => {
    // 40 runs of 800 slots: long enough that the sweep is still going when it is killed after 3 runs.
    const file = writeSweep(smallSweep({ slots: 800, seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }));
    const straight = join(tempDir(), 'straight');
    // One worker thread: the table does not depend on it (above), and a second thread's start-up is slow on a busy machine.
    expect((await runSweep(loadSweepFile(file), { out: straight, workers: 1 })).ran).toBe(40);
    const killed = join(tempDir(), 'killed');
    // The kill needs a real process.
    const child = spawn(process.execPath, ['bin/seqsim.js', 'sweep', file, '--out', killed, '--workers', '2'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const journaled = () => (existsSync(join(killed, 'journal.jsonl')) ? readFileSync(join(killed, 'journal.jsonl'), 'utf8').split('\n').length - 1 : 0);
    const deadline = Date.now() + 100_000;
    while (journaled() < 3 || !existsSync(join(killed, 'results.csv'))) {
      if (child.exitCode !== null) throw new Error(`the sweep ended (exit ${child.exitCode}) before 3 runs were journaled`);
      if (Date.now() > deadline) throw new Error('fewer than 3 runs journaled within 100 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const [header, ...rows] = readFileSync(join(killed, 'results.csv'), 'utf8').split('\n').slice(0, -1);
    const expected = readFileSync(join(straight, 'results.csv'), 'utf8').split('\n');
    expect(header).toBe(expected[0]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThan(40);
    for (const row of rows) expect(expected).toContain(row); // whole rows, each exactly as in the straight run
    const r = await cli('sweep', file, '--resume', killed, '--workers', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 cells × 10 seeds = 40 runs \(\d+ already done, \d+ run now\) on 2 workers/);
    expect(bytes(killed, 'results.csv').equals(bytes(straight, 'results.csv'))).toBe(true);
    // the tidy tables, written when the resumed sweep ends, are the straight run's too
    for (const t of ['runs.csv', 'agents.csv']) expect(bytes(killed, t).equals(bytes(straight, t)), t).toBe(true);
    expect(readdirSync(killed).filter((f) => !f.endsWith('.partial')).sort()).toEqual(['agents.csv', 'journal.jsonl', 'results.csv', 'runs.csv', 'sweep.json']);
  });
});
