import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, smallConfig, tempDir, writeConfig } from './helpers.js';
import { smallSweep, writeSweep } from '../sweep/helpers.js';

describe('numeric flags say what was given and what is expected (exit 2, nothing written)', () => {
  it.each(['abc', '0', '-5', '1.5'])('--slots %j', async (v) => {
    const out = join(tempDir(), 'x');
    const r = await cli('run', writeConfig(smallConfig()), '--out', out, '--slots', v);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--slots must be a whole number >= 1 and <= 100,000,000, but got ${JSON.stringify(v)}`);
    expect(r.stderr).not.toContain('NaN');
    expect(existsSync(out)).toBe(false);
  });

  it('--slots without its value (at the end, or followed by another flag) says so', async () => {
    for (const argv of [['--slots'], ['--slots', '--seed', '3']]) {
      const out = join(tempDir(), 'x');
      const r = await cli('run', writeConfig(smallConfig()), '--out', out, ...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--slots was given without a value; give a whole number >= 1 and <= 100,000,000 after it (e.g. --slots 1000).');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--slots above 1e8 is refused with how to split the run with --resume', async () => {
    const r = await cli('run', writeConfig(smallConfig()), '--out', join(tempDir(), 'x'), '--slots', '1e9');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--slots must be .* but got "1e9"\. For a longer run, run in pieces: .*seqsim run --resume DIR --slots/);
    const resumed = await cli('run', '--resume', tempDir(), '--slots', 'lots');
    expect([resumed.code, resumed.stderr]).toEqual([2, expect.stringContaining('but got "lots"')]);
  });

  it('--slots 1e3 is a thousand', async () => {
    const out = join(tempDir(), 'x');
    const r = await cli('run', writeConfig(smallConfig()), '--out', out, '--slots', '1e2');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/slots/);
  });

  it('sweep --workers abc', async () => {
    const r = await cli('sweep', writeSweep(smallSweep()), '--out', join(tempDir(), 'x'), '--workers', 'abc');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers must be a whole number >= 1, but got "abc"');
  });
});
