import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, smallConfig, tempDir, writeConfig } from './helpers.js';

const config = () =>
  writeConfig(
    smallConfig({
      searchers: [
        { kind: 'cex-dex', id: 'arb-A', rollup: 'A' },
        { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'split' },
        { kind: 'sandwich', id: 'sw', rollup: 'B' },
      ],
      builders: [{ id: 'b1' }, { id: 'b2', skill: 0.6 }],
      sequencing: { mode: 'separate', legFailureProbability: 0.3 },
    }),
  );
const same = (a: string, b: string, files: string[]) => {
  for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
};

describe('checkpoint and resume', () => {
  for (const format of ['csv', 'jsonl'] as const) {
    it(`${format}: N slots, then --resume for M more, is byte-identical to a straight run of N+M`, async () => {
      const cfg = config();
      const straight = join(tempDir(), 'straight');
      const pieces = join(tempDir(), 'pieces');
      expect((await cli('run', cfg, '--slots', '900', '--out', straight, '--format', format, '--checkpoint-every', '250')).code).toBe(0);
      expect((await cli('run', cfg, '--slots', '400', '--out', pieces, '--format', format, '--checkpoint-every', '250')).code).toBe(0);
      const r = await cli('run', '--resume', pieces, '--slots', '900', '--checkpoint-every', '250');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/resumed at slot 400/);
      same(straight, pieces, [`slots.${format}`, 'summary.json', 'manifest.json', 'checkpoint.json']);
    });
  }

  /** Spawns the real bin and waits until `file` appears in `dir` (or the process ends). */
  function spawnUntil(args: string[], dir: string, file: string) {
    const child = spawn(process.execPath, ['bin/seqsim.js', ...args], { env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
    let stderr = '';
    child.stderr.on('data', (d) => void (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    const appeared = new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (existsSync(join(dir, file))) return void (clearInterval(poll), resolve());
        if (child.exitCode !== null) return void (clearInterval(poll), reject(new Error(`exited before ${file}: ${stderr}`)));
      }, 5);
    });
    return { child, exited, appeared, stderr: () => stderr };
  }

  it('SIGINT stops a run at a checkpoint (exit 130, a clear message); --resume finishes it byte-identically', async () => {
    const cfg = config();
    const straight = join(tempDir(), 'straight');
    await cli('run', cfg, '--slots', '20000', '--out', straight, '--checkpoint-every', '100');
    const dir = join(tempDir(), 'stopped');
    const run = spawnUntil(['run', cfg, '--slots', '20000', '--out', dir, '--checkpoint-every', '100'], dir, 'checkpoint.json');
    await run.appeared;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toMatch(/stopped after slot \d+ of 20000.*seqsim run --resume/);
    expect(existsSync(join(dir, 'slots.csv'))).toBe(false); // the table is not final yet
    expect(existsSync(join(dir, 'slots.csv.partial'))).toBe(true);
    expect((await cli('run', '--resume', dir)).code).toBe(0);
    same(straight, dir, ['slots.csv', 'summary.json', 'manifest.json']);
  });

  it('SIGKILL loses at most the slots since the last checkpoint and leaves no corrupt table; resume completes it', async () => {
    const cfg = config();
    const straight = join(tempDir(), 'straight');
    await cli('run', cfg, '--slots', '20000', '--out', straight, '--checkpoint-every', '100');
    const dir = join(tempDir(), 'killed');
    const run = spawnUntil(['run', cfg, '--slots', '20000', '--out', dir, '--checkpoint-every', '100'], dir, 'checkpoint.json');
    await run.appeared;
    await new Promise((r) => setTimeout(r, 30));
    run.child.kill('SIGKILL');
    await run.exited;
    // No finished-looking table; the checkpoint is whole JSON and the partial table holds at least its rows.
    expect(readdirSync(dir).includes('slots.csv')).toBe(false);
    const cp = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
    expect(readFileSync(join(dir, 'slots.csv.partial')).length).toBeGreaterThanOrEqual(cp.table.bytes);
    expect((await cli('run', '--resume', dir)).code).toBe(0);
    same(straight, dir, ['slots.csv', 'summary.json', 'manifest.json']);
  });

  it('rejects bad resumes with exit 2 and a clear message', async () => {
    const noCheckpoint = join(tempDir(), 'pq');
    await cli('run', config(), '--slots', '50', '--out', noCheckpoint, '--format', 'parquet');
    expect((await cli('run', '--resume', noCheckpoint)).stderr).toMatch(/holds no checkpoint\.json/);
    const done = join(tempDir(), 'done');
    await cli('run', config(), '--slots', '300', '--out', done);
    const lower = await cli('run', '--resume', done, '--slots', '100');
    expect([lower.code, lower.stderr]).toEqual([2, expect.stringMatching(/--slots 100 is below the 300 slots/)]);
    const withSet = await cli('run', '--resume', done, '--set', 'seed=3');
    expect([withSet.code, withSet.stderr]).toEqual([2, expect.stringMatching(/drop --set/)]);
    expect((await cli('run', '--resume', join(tempDir(), 'nothing-here'))).code).toBe(2);
  });
});
