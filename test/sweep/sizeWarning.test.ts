import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, estimateTableBytes } from '../../src/io/outputSize.js';
import { loadSweepFile } from '../../src/sweep/loadSweepFile.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

/*
 * A sweep with --runs writes a slots table per run: above --warn-above (default 1 GB) the sweep warns
 * first, in one line, with the sum of the runs' estimates and the flags that shrink it.
 */
const file = writeSweep(smallSweep({ slots: 40, seeds: [1] }));
const plan = loadSweepFile(file);
const total = (format: 'csv' | 'parquet', configs = plan.runs.map((r) => r.config)) => configs.reduce((a, c) => a + estimateTableBytes(c, format).bytes, 0);
const warningLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('warning:'));

describe('sweep --runs: the output-size warning', () => {
  it('above --warn-above: one line before the sweep with the runs’ summed estimate and the flags that shrink it', async () => {
    const r = await cli('sweep', file, '--out', join(tempDir(), 's'), '--workers', '1', '--runs', '--warn-above', '1KB');
    expect(r.code).toBe(0);
    const lines = warningLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`this sweep will write about ${formatBytes(total('csv'))} to its runs' slots tables (4 runs, csv)`);
    expect(lines[0]).toContain(`--format parquet (about ${formatBytes(total('parquet'))})`);
    expect(lines[0]).toMatch(/--columns a,b,c \(only the columns you need\), --record-every K \(.*\), or leave out --runs and --slots-table .*This warning shows above --warn-above \(now .*\); --quiet hides it\.$/);
    expect(total('csv')).toBeGreaterThan(1000);
  });

  it('no warning below the threshold, with --quiet, or without --runs', async () => {
    for (const extra of [['--runs'], ['--runs', '--warn-above', '1KB', '--quiet'], ['--warn-above', '1KB']]) {
      const r = await cli('sweep', file, '--out', join(tempDir(), 's'), '--workers', '1', ...extra);
      expect(r.code, extra.join(' ')).toBe(0);
      expect(warningLines(r.stderr), extra.join(' ')).toEqual([]);
    }
  });

  it('--columns and --record-every shrink it: they set each run’s output and the run folders follow', async () => {
    const out = join(tempDir(), 's');
    const r = await cli('sweep', file, '--out', out, '--workers', '1', '--runs', '--warn-above', '1KB', '--columns', 'pool_price', '--record-every', '4');
    expect(r.code).toBe(0);
    const thin = loadSweepFile(file, { columns: ['pool_price'], recordEvery: 4 }).runs.map((x) => x.config);
    expect(warningLines(r.stderr)[0]).toContain(`about ${formatBytes(total('csv', thin))} to its runs'`);
    const both = await cli('sweep', file, '--out', join(tempDir(), 's'), '--workers', '1', '--runs', '--slots-table', '--warn-above', '1KB');
    expect(warningLines(both.stderr)[0]).toContain(`about ${formatBytes(2 * total('csv'))} to its runs' slots tables (4 runs, each twice: --runs and --slots-table, csv)`);
    expect(total('csv', thin)).toBeLessThan(total('csv') / 10);
    const run = readdirSync(join(out, 'runs'))[0]!;
    const slots = readFileSync(join(out, 'runs', run, 'slots.csv'), 'utf8').trim().split('\n');
    expect(slots[0]).toBe('slot,rollup,pool_price');
    expect(slots.slice(1).map((l) => l.split(',')[0])).toEqual(['0', '0', '4', '4', '8', '8', '12', '12', '16', '16', '20', '20', '24', '24', '28', '28', '32', '32', '36', '36']);
  });
});
