import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
      expect((await cli('run', cfg, '--slots', '300', '--out', straight, '--format', format, '--checkpoint-every', '50')).code).toBe(0);
      expect((await cli('run', cfg, '--slots', '120', '--out', pieces, '--format', format, '--checkpoint-every', '50')).code).toBe(0);
      const r = await cli('run', '--resume', pieces, '--slots', '300', '--checkpoint-every', '50');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/resumed at slot 120/);
      same(straight, pieces, [`slots.${format}`, 'summary.json', 'manifest.json', 'checkpoint.json']);
    });
  }

  it('timeboost: the express lane (rounds sold, searchers\' expectations) survives a checkpoint byte for byte', async () => {
    const cfg = 'configs/scenarios/timeboost.json';
    const straight = join(tempDir(), 'straight');
    const pieces = join(tempDir(), 'pieces');
    expect((await cli('run', cfg, '--slots', '150', '--out', straight, '--checkpoint-every', '50')).code).toBe(0);
    // Slot 22's auction (round 1) is sold before the cut at 40; the cut falls inside round 1.
    expect((await cli('run', cfg, '--slots', '40', '--out', pieces, '--checkpoint-every', '50')).code).toBe(0);
    const r = await cli('run', '--resume', pieces, '--slots', '150', '--checkpoint-every', '50');
    expect(r.code, r.stderr).toBe(0);
    same(straight, pieces, ['slots.csv', 'summary.json', 'manifest.json', 'checkpoint.json']);
  });

  it('staking: delegators, their reward window and the epoch so far survive a mid-epoch checkpoint byte for byte', async () => {
    const cfg = 'configs/scenarios/stake-pools.json';
    const straight = join(tempDir(), 'straight');
    const pieces = join(tempDir(), 'pieces');
    // Epochs of 32 slots: the cut at 270 falls inside epoch 8, after delegators have moved.
    expect((await cli('run', cfg, '--slots', '400', '--out', straight, '--checkpoint-every', '90')).code).toBe(0);
    expect((await cli('run', cfg, '--slots', '270', '--out', pieces, '--checkpoint-every', '90')).code).toBe(0);
    const r = await cli('run', '--resume', pieces, '--slots', '400', '--checkpoint-every', '90');
    expect(r.code, r.stderr).toBe(0);
    same(straight, pieces, ['slots.csv', 'summary.json', 'manifest.json', 'checkpoint.json']);
    expect((JSON.parse(readFileSync(join(straight, 'summary.json'), 'utf8')) as { staking: { delegator_moves: number } }).staking.delegator_moves).toBeGreaterThan(0);
  });

  /*
   * The signal tests share one config file and one straight run. The run is long enough (SLOTS) that
   * the child is still working when it is signalled: it is signalled as soon as its second checkpoint
   * is on disk, a few hundred slots in.
   */
  const SLOTS = '10000';
  let cfg = '';
  let straight = '';
  beforeAll(async () => {
    cfg = config();
    straight = join(tempDir(), 'straight');
    expect((await cli('run', cfg, '--slots', SLOTS, '--out', straight, '--checkpoint-every', '100')).code).toBe(0);
  });

  /** The checkpoint's table size, or -1 while there is none (it is written atomically, so it parses whole). */
  const checkpointBytes = (dir: string): number =>
    existsSync(join(dir, 'checkpoint.json')) ? (JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as { table: { bytes: number } }).table.bytes : -1;

  /**
   * Spawns the real bin; `checkpointed()` resolves once the run has written a checkpoint after its
   * first one (so it is under way, past slot 100, and not finished), polling with a generous bound and
   * failing at once if the process ends first.
   */
  function spawnUntilCheckpointed(args: string[], dir: string) {
    const child = spawn(process.execPath, ['bin/seqsim.js', ...args], { env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
    let stderr = '';
    child.stderr.on('data', (d) => void (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    const checkpointed = async () => {
      const deadline = Date.now() + 100_000;
      let first = -1;
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the run ended before its second checkpoint: ${stderr}`);
        const bytes = checkpointBytes(dir);
        if (first < 0) first = bytes;
        else if (bytes > first) return;
        if (Date.now() > deadline) throw new Error(`no second checkpoint in ${dir} within 100 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    return { child, exited, checkpointed, stderr: () => stderr };
  }

  it('SIGINT stops a run at a checkpoint (exit 130, a clear message); --resume finishes it byte-identically', async () => {
    const dir = join(tempDir(), 'stopped');
    const run = spawnUntilCheckpointed(['run', cfg, '--slots', SLOTS, '--out', dir, '--checkpoint-every', '100'], dir);
    await run.checkpointed();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toMatch(new RegExp(`stopped after slot \\d+ of ${SLOTS}.*seqsim run --resume`));
    expect(existsSync(join(dir, 'slots.csv'))).toBe(false); // the table is not final yet
    expect(existsSync(join(dir, 'slots.csv.partial'))).toBe(true);
    expect((await cli('run', '--resume', dir)).code).toBe(0);
    same(straight, dir, ['slots.csv', 'summary.json', 'manifest.json']);
  });

  it('SIGKILL loses at most the slots since the last checkpoint and leaves no corrupt table; resume completes it', async () => {
    const dir = join(tempDir(), 'killed');
    const run = spawnUntilCheckpointed(['run', cfg, '--slots', SLOTS, '--out', dir, '--checkpoint-every', '100'], dir);
    await run.checkpointed(); // mid-run: between checkpoints, not right at the first
    run.child.kill('SIGKILL');
    expect(await run.exited).toBe(-1);
    // No finished-looking table; the checkpoint is whole JSON and the partial table holds at least its rows.
    expect(readdirSync(dir).includes('slots.csv')).toBe(false);
    const cp = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
    expect(readFileSync(join(dir, 'slots.csv.partial')).length).toBeGreaterThanOrEqual(cp.table.bytes);
    expect((await cli('run', '--resume', dir)).code).toBe(0);
    same(straight, dir, ['slots.csv', 'summary.json', 'manifest.json']);
  });

  it('rejects bad resumes with exit 2 and a clear message', async () => {
    const noCheckpoint = join(tempDir(), 'pq');
    await cli('run', config(), '--slots', '20', '--out', noCheckpoint, '--format', 'parquet');
    expect((await cli('run', '--resume', noCheckpoint)).stderr).toMatch(/holds no checkpoint\.json/);
    const done = join(tempDir(), 'done');
    await cli('run', config(), '--slots', '60', '--out', done);
    const lower = await cli('run', '--resume', done, '--slots', '30');
    expect([lower.code, lower.stderr]).toEqual([2, expect.stringMatching(/--slots 30 is below the 60 slots/)]);
    const withSet = await cli('run', '--resume', done, '--set', 'seed=3');
    expect([withSet.code, withSet.stderr]).toEqual([2, expect.stringMatching(/drop --set/)]);
    expect((await cli('run', '--resume', join(tempDir(), 'nothing-here'))).code).toBe(2);
  });
});
