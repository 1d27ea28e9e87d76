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
  });
});
