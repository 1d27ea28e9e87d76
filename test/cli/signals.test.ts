import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, smallConfig, tempDir, writeConfig } from './helpers.js';
import { smallSweep, writeSweep } from '../sweep/helpers.js';

/** Spawns the real bin; resolves `ready` once `path` exists. */
function spawnBin(args: string[], path: string) {
  const child = spawn(process.execPath, ['bin/seqsim.js', ...args], { env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
  let stderr = '';
  child.stderr.on('data', (d) => void (stderr += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const poll = setInterval(() => {
      if (existsSync(path)) return void (clearInterval(poll), resolve());
      if (child.exitCode !== null) return void (clearInterval(poll), reject(new Error(`exited before ${path}: ${stderr}`)));
    }, 5);
  });
  return { child, exited, ready, stderr: () => stderr };
}

describe('stopping (real binary, signals)', () => {
  it('SIGINT with --checkpoint-every 0 stops at a slot boundary quickly with a checkpoint; --resume completes it', async () => {
    const cfg = writeConfig(smallConfig());
    const dir = join(tempDir(), 'stop');
    const run = spawnBin(['run', cfg, '--slots', '1000000', '--out', dir, '--checkpoint-every', '0'], join(dir, 'slots.csv.partial'));
    await run.ready;
    await new Promise((r) => setTimeout(r, 300));
    const sent = performance.now();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(performance.now() - sent).toBeLessThan(3000);
    expect(run.stderr()).toMatch(/stopped after slot (\d+) of 1000000.*seqsim run --resume/);
    const cp = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8'));
    expect(cp.next_slot).toBeGreaterThan(0);
    const r = await cli('run', '--resume', dir, '--slots', String(cp.next_slot + 50));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`resumed at slot ${cp.next_slot}`);
  });

  it('two SIGINTs in a row exit 130 (the second quits at once if the first is still stopping)', async () => {
    const cfg = writeConfig(smallConfig());
    const dir = join(tempDir(), 'twice');
    const run = spawnBin(['run', cfg, '--slots', '1000000', '--out', dir], join(dir, 'slots.csv.partial'));
    await run.ready;
    await new Promise((r) => setTimeout(r, 200));
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
  });

  it('Ctrl-C on a sweep prints how to resume it (exit 130)', async () => {
    const file = writeSweep(smallSweep({ slots: 200_000 }));
    const dir = join(tempDir(), 'sweep');
    const run = spawnBin(['sweep', file, '--out', dir, '--workers', '1'], join(dir, 'journal.jsonl'));
    await run.ready;
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toContain(`Continue with: seqsim sweep ${file} --resume ${dir}`);
    // Where it stopped: the journaled runs out of 12, and the cells with all their runs done.
    const where = /Stopped with (\d+) of 12 runs journaled in (\S+) \((cells done: [\d, -]+ of 0-3|no cell of 4 has all its runs done yet)\)/.exec(run.stderr());
    expect(where, run.stderr()).not.toBeNull();
    expect(where![2]).toBe(join(dir, 'journal.jsonl'));
    const journaled = readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')).length;
    expect(Number(where![1])).toBe(journaled);
  }, 120_000);

  it('Ctrl-C on a sweep after a cell finished names the cells done, as the journal holds them', async () => {
    // 4 cells × 3 seeds (run indices 3c, 3c+1, 3c+2) of 300 slots, one worker: stop once a cell is done.
    const file = writeSweep(smallSweep({ slots: 300 }));
    const dir = join(tempDir(), 'sweep-cells');
    const journal = join(dir, 'journal.jsonl');
    const journaled = () => new Set(readFileSync(journal, 'utf8').split('\n').filter((l) => l.endsWith('}')).map((l) => (JSON.parse(l) as { index: number }).index));
    const cellsDone = (runs: Set<number>) => [0, 1, 2, 3].filter((c) => [0, 1, 2].every((k) => runs.has(3 * c + k)));
    const run = spawnBin(['sweep', file, '--out', dir, '--workers', '1'], journal);
    await run.ready;
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (cellsDone(journaled()).length > 0 || run.child.exitCode !== null) void (clearInterval(poll), resolve());
      }, 5);
    });
    run.child.kill('SIGINT');
    const code = await run.exited;
    if (code === 0) return; // the sweep finished before the signal arrived: nothing to check
    expect(code).toBe(130);
    const runs = journaled();
    const done = cellsDone(runs);
    expect(done.length).toBeGreaterThan(0);
    expect(run.stderr()).toContain(`Stopped with ${runs.size} of 12 runs journaled in ${journal} (cells done: `);
    const listed = /cells done: ([\d, -]+) of 0-3\)/.exec(run.stderr())![1]!.split(', ').flatMap((part) => {
      const [from, to = from] = part.split('-').map(Number);
      return Array.from({ length: to! - from! + 1 }, (_, k) => from! + k);
    });
    expect(listed).toEqual(done);
    expect(run.stderr()).toContain(`the other ${12 - runs.size} are run by --resume`);
  }, 120_000);
});
