import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import { bin, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

const bytes = (dir: string, f: string) => readFileSync(join(dir, f));

describe('sweep reproducibility (DESIGN.md §9: same sweep ⇒ byte-identical tables on any number of workers)', () => {
  const plan = expandSweep(smallSweep());

  it.each(['csv', 'jsonl', 'parquet'] as const)('--workers 1 and --workers 2 give byte-identical %s tables', async (format) => {
    const [a, b] = [join(tempDir(), 'w1'), join(tempDir(), 'w2')];
    const ra = await runSweep(plan, { out: a, workers: 1, format });
    const rb = await runSweep(plan, { out: b, workers: 2, format, snapshotEvery: 1 });
    expect([ra.runs, ra.ran, ra.skipped, rb.workers]).toEqual([12, 12, 0, 2]);
    expect(bytes(a, `results.${format}`).equals(bytes(b, `results.${format}`))).toBe(true);
    expect(bytes(a, 'sweep.json').equals(bytes(b, 'sweep.json'))).toBe(true);
  });

  it('rows come in (cell, seed) order with the run id, the cell, the seed and the swept values', async () => {
    const out = join(tempDir(), 'order');
    await runSweep(plan, { out, workers: 2, format: 'jsonl' });
    const rows = bytes(out, 'results.jsonl').toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => [r.run_id, r.cell, r.seed])).toEqual(plan.runs.map((r) => [r.runId, r.cell, r.seed]));
    expect(rows[4]).toMatchObject({ 'rollups.0.pool.fee': 0.001, 'searchers.0.bidFraction': 0.7, slots: 120, 'rollups.A.gas_token': 'X' });
    expect(Object.keys(rows[0]!).slice(0, 5)).toEqual(['run_id', 'cell', 'seed', 'rollups.0.pool.fee', 'searchers.0.bidFraction']);
  });

  it.each(['csv', 'parquet'] as const)('--resume after an interrupted %s sweep gives the table of a straight run', async (format) => {
    const straight = join(tempDir(), 'straight');
    await runSweep(plan, { out: straight, workers: 2, format });
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
    const file = writeSweep(smallSweep({ slots: 800, seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }));
    const straight = join(tempDir(), 'straight');
    expect(bin('sweep', file, '--out', straight, '--workers', '2').code).toBe(0);
    const killed = join(tempDir(), 'killed');
    const child = spawn(process.execPath, ['bin/seqsim.js', 'sweep', file, '--out', killed, '--workers', '2'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const journaled = () => (existsSync(join(killed, 'journal.jsonl')) ? readFileSync(join(killed, 'journal.jsonl'), 'utf8').split('\n').length - 1 : 0);
    while (journaled() < 3 || !existsSync(join(killed, 'results.csv'))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const [header, ...rows] = readFileSync(join(killed, 'results.csv'), 'utf8').split('\n').slice(0, -1);
    const expected = readFileSync(join(straight, 'results.csv'), 'utf8').split('\n');
    expect(header).toBe(expected[0]);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.length).toBeLessThan(40);
    for (const row of rows) expect(expected).toContain(row); // whole rows, each exactly as in the straight run
    const r = bin('sweep', file, '--resume', killed, '--workers', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 cells × 10 seeds = 40 runs \(\d+ already done, \d+ run now\) on 2 workers/);
    expect(bytes(killed, 'results.csv').equals(bytes(straight, 'results.csv'))).toBe(true);
    expect(readdirSync(killed).filter((f) => !f.endsWith('.partial')).sort()).toEqual(['journal.jsonl', 'results.csv', 'sweep.json']);
  });
});
