import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { estimateTableBytes, formatBytes, parseSize } from '../../src/io/outputSize.js';
import { cli, tempDir } from '../cli/helpers.js';

/*
 * The output-size estimate behind the warning of `seqsim run`: per-cell sizes measured on the shipped
 * scenarios (scripts/measure-output-sizes.mjs), so an estimate is checked against real files here,
 * within the ±30% the measurement's spread across scenarios allows.
 */
const market = (sets: string[]) => loadConfig('configs/baseline.json', sets) as MarketConfig;

describe('estimateTableBytes', () => {
  const cases: [string, string[], string[]][] = [
    ['csv', [], []],
    ['jsonl', [], []],
    ['parquet', [], []],
    ['csv', ['output.columns=["pool_price","winning_bid_y","winner"]', 'output.recordEvery=3'], ['--columns', 'pool_price,winning_bid_y,winner', '--record-every', '3']],
  ];
  for (const [format, sets, flags] of cases)
    it(`is within 30% of the real slots.${format} of the baseline at 1000 slots${flags.length ? ` (${flags.join(' ')})` : ''}`, async () => {
      const dir = join(tempDir(), 'r');
      expect((await cli('run', 'configs/baseline.json', '--slots', '1000', '--out', dir, '--format', format, ...flags)).code).toBe(0);
      const real = statSync(join(dir, `slots.${format}`)).size;
      const est = estimateTableBytes(market(['slots=1000', ...sets]), format as 'csv');
      expect(est.bytes / real).toBeGreaterThan(0.7);
      expect(est.bytes / real).toBeLessThan(1.3);
    });

  it('counts rows as ceil(slots / K) × rollups and columns as chosen plus slot and rollup', () => {
    expect(estimateTableBytes(market(['slots=1000', 'output.recordEvery=7', 'output.columns=["bids"]']), 'csv')).toMatchObject({ rows: 143 * 2, columns: 3 });
  });
});

describe('parseSize and formatBytes', () => {
  it('read decimal units and off', () => {
    expect(['1GB', '500 MB', '2e9', '1.5tb', '10kB', 'off', '0'].map(parseSize)).toEqual([1e9, 5e8, 2e9, 1.5e12, 1e4, Infinity, 0]);
    expect(['', 'big', '-1GB', '1 GiB'].map(parseSize)).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('print 2–3 significant digits', () => {
    expect([980, 1234, 1.1e6, 54.2e9, 750e9, 2.25e12].map(formatBytes)).toEqual(['980 bytes', '1.2 kB', '1.1 MB', '54 GB', '750 GB', '2.3 TB']);
  });
});

describe('the output-size warning of seqsim run', () => {
  const warning = /^seqsim: warning: this run will write about [\d.]+ (kB|MB|GB|TB) to slots\.csv \(1,000 slots × 2 rollups × \d+ columns\); to write less use --format parquet \(about [\d.]+ kB\), --columns a,b,c \(only the columns you need\), --record-every K \(every K-th slot; summary\.json still covers every slot\)\. This warning shows above --warn-above \(now 10 kB\); --quiet hides it\.$/;

  it('is one line before the run when the table would pass --warn-above; none under it, with off or with --quiet', async () => {
    const run = (...flags: string[]) => cli('run', 'configs/baseline.json', '--slots', '1000', '--out', join(tempDir(), 'w'), ...flags);
    const over = await run('--warn-above', '10kB');
    expect(over.code).toBe(0);
    expect(over.stderr.split('\n').filter(Boolean)).toEqual([expect.stringMatching(warning)]);
    for (const flags of [[], ['--warn-above', 'off'], ['--warn-above', '10kB', '--quiet'], ['--warn-above', '100MB']]) expect((await run(...flags)).stderr).toBe('');
    const parquet = await run('--warn-above', '10kB', '--format', 'parquet');
    expect(parquet.stderr).toMatch(/to slots\.parquet .*to write less use --columns a,b,c/);
    const bad = await run('--warn-above', 'huge');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--warn-above must be a size such as 500MB, 2GB or 1e9 \(bytes\), or off, but got "huge"/)]);
  });

  it('warns at the default 1 GB before a 50,000,000-slot run (the most the baseline\'s 2 rollups allow), which SIGTERM then stops', async () => {
    const out = join(tempDir(), 'big');
    const child = spawn(process.execPath, ['bin/seqsim.js', 'run', 'configs/baseline.json', '--slots', '5e7', '--out', out], { env: { ...process.env, SEQSIM_LOG_LEVEL: 'silent' } });
    let stderr = '';
    const warned = new Promise<void>((resolve) => child.stderr.on('data', (d) => void ((stderr += String(d)), stderr.includes('\n') && resolve())));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await warned;
    child.kill('SIGTERM');
    expect(await exited).toBe(130);
    expect(stderr.split('\n')[0]).toMatch(/^seqsim: warning: this run will write about [\d.]+ GB to slots\.csv \(50,000,000 slots × 2 rollups × \d+ columns\); to write less use --format parquet \(about [\d.]+ GB\), --columns a,b,c/);
  });

  it('--slots 1e9 is refused (exit 2) with the way to run that long in pieces', async () => {
    const r = await cli('run', 'configs/baseline.json', '--slots', '1e9', '--out', join(tempDir(), 'never'));
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--slots must be a whole number >= 1 and <= 100,000,000, but got "1e9"\. For a longer run, run in pieces/)]);
  });
});
