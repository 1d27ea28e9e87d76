import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';
import { smallSweep, snapshotFiles, writeSweep } from './helpers.js';

/** Runs `seqsim sweep` on a sweep object into a fresh folder; the folder must stay unwritten. */
async function rejects(sweep: unknown, ...flags: string[]) {
  const out = join(tempDir(), 'sweep');
  const r = await cli('sweep', writeSweep(sweep), '--out', out, '--workers', '1', ...flags);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  expect(r.stderr.trim().split('\n').length).toBe(1); // one paragraph, no stack trace
  return r.stderr;
}

describe('seqsim sweep: bad input exits 2 with a message naming the path and the fix, writing nothing', () => {
  it('an empty list', async () => {
    const sweep = smallSweep();
    (sweep.rollups as { pool: { fee: unknown } }[])[0]!.pool.fee = [];
    const err = await rejects(sweep);
    expect(err).toContain('rollups[0].pool.fee is an empty list');
    expect(err).toMatch(/Give the values to sweep over/);
  });

  it('a non-list where a list is expected (seeds)', async () => {
    const err = await rejects(smallSweep({ seeds: 7 }));
    expect(err).toContain('seeds must be a list of seeds');
    expect(err).toContain('[7]');
    expect(await rejects(smallSweep({ seeds: undefined }))).toContain('needs a top-level "seeds" list');
    expect(await rejects(smallSweep({ seeds: [1, 1.5] }))).toContain('seeds[1] must be a whole number');
  });

  it('a parameter path that does not exist in the config (an unknown field holding a list)', async () => {
    const sweep = smallSweep();
    (sweep.rollups as { pool: Record<string, unknown> }[])[0]!.pool.feee = [0.001, 0.002];
    const err = await rejects(sweep);
    expect(err).toContain('rollups[0].pool.feee holds a list of values to sweep over');
    expect(err).toContain('no field "feee"');
    expect(err).toMatch(/its fields: "reserveX", "reserveY", "fee"/);
  });

  it('a value of an axis that makes every cell invalid names the first such cell', async () => {
    const sweep = smallSweep();
    (sweep.rollups as { pool: { fee: unknown } }[])[0]!.pool.fee = [1.5, 2];
    const err = await rejects(sweep);
    expect(err).toMatch(/no cell is a valid market config; cell 0 \(rollups\.0\.pool\.fee=1\.5, searchers\.0\.bidFraction=0\.3\) is not a valid market config/);
    expect(err).toContain('rollups[0].pool.fee must be a number < 1, but got 1.5');
  });

  it('an unknown output format (sweep and run)', async () => {
    const err = await rejects(smallSweep(), '--format', 'xlsx');
    expect(err).toContain('--format must be one of csv, jsonl, parquet, but got "xlsx"');
    const out = join(tempDir(), 'run');
    const r = await cli('run', writeConfig(smallConfig()), '--out', out, '--format', 'xml');
    expect([r.code, existsSync(out)]).toEqual([2, false]);
    expect(r.stderr).toContain('--format must be one of csv, jsonl, parquet, but got "xml"');
  });

  it('a --resume folder from a different sweep (told by its hash) is left untouched', async () => {
    const out = join(tempDir(), 'sweep');
    expect((await cli('sweep', writeSweep(smallSweep({ slots: 20 })), '--out', out, '--workers', '1')).code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['agents.csv', 'journal.jsonl', 'results.csv', 'runs.csv', 'sweep.json']);
    const before = snapshotFiles(out, files);
    const r = await cli('sweep', writeSweep(smallSweep({ slots: 21 })), '--resume', out, '--workers', '1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot resume ".*": it holds a different sweep \(sweep_sha256 [0-9a-f]{12}… from/);
    expect(r.stderr).toContain('Resume it with the sweep file that started it');
    expect(readdirSync(out).sort()).toEqual(files);
    expect(snapshotFiles(out, files)).toEqual(before);
    // and a plain re-run into the same folder refuses to overwrite it
    expect((await cli('sweep', writeSweep(smallSweep({ slots: 20 })), '--out', out)).code).toBe(2);
    expect(snapshotFiles(out, files)).toEqual(before);
  });
});
