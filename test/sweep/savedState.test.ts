import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, snapshotFiles, writeSweep } from './helpers.js';

describe('sweep --resume verifies sweep.json and the journal (exit 2, never silent wrong output)', () => {
  const file = writeSweep(smallSweep({ seeds: [1, 2] }));
  let base: string | undefined;
  async function finished(): Promise<string> {
    if (!base) {
      base = join(tempDir(), 'base');
      const r = await cli('sweep', file, '--out', base, '--workers', '1');
      expect(r.code, r.stderr).toBe(0);
    }
    const dir = join(tempDir(), 'copy');
    cpSync(base, dir, { recursive: true });
    return dir;
  }
  const lines = (dir: string) => readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n');
  async function refused(dir: string, file_: string, pattern: RegExp) {
    const files = readdirSync(dir).sort();
    const before = snapshotFiles(dir, files);
    const r = await cli('sweep', file, '--resume', dir, '--workers', '1');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(file_);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).toMatch(/start the sweep afresh with a new --out/);
    expect(snapshotFiles(dir, files)).toEqual(before);
  }

  it('journal lines carry a schema version, their own SHA-256, their row\'s and the run config\'s', async () => {
    const dir = await finished();
    const e = JSON.parse(lines(dir)[0]!);
    expect(e).toMatchObject({ version: 2, status: 'ok', error: null });
    for (const k of ['sha256', 'row_sha256', 'config_sha256']) expect(e[k]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a journal line replaced by {} is refused', async () => {
    const dir = await finished();
    const l = lines(dir);
    l[2] = '{}';
    writeFileSync(join(dir, 'journal.jsonl'), l.join('\n') + '\n');
    await refused(dir, 'journal.jsonl', /line 3 is not a journal entry that verifies/);
  });

  it('rows swapped between two journal lines are refused', async () => {
    const dir = await finished();
    const l = lines(dir).map((x) => JSON.parse(x));
    [l[0].row, l[1].row] = [l[1].row, l[0].row];
    writeFileSync(join(dir, 'journal.jsonl'), l.map((x) => JSON.stringify(x)).join('\n') + '\n');
    await refused(dir, 'journal.jsonl', /journal\.jsonl", line 1 is not a journal entry that verifies/);
  });

  it('a row with truncated columns is refused (even with its hashes recomputed: the columns are checked)', async () => {
    const dir = await finished();
    const l = lines(dir).map((x) => JSON.parse(x));
    const keys = Object.keys(l[0].row);
    l[0].row = Object.fromEntries(keys.slice(0, 5).map((k) => [k, l[0].row[k]]));
    writeFileSync(join(dir, 'journal.jsonl'), l.map((x) => JSON.stringify(x)).join('\n') + '\n');
    await refused(dir, 'journal.jsonl', /line 1 is not a journal entry that verifies/);
    // recompute the hashes as a careful editor would: the table's columns still do not match
    const { seal, sha256 } = await import('../../src/io/integrity.js');
    const { sha256: _s, ...rest } = l[0];
    l[0] = seal({ ...rest, row_sha256: sha256(JSON.stringify(l[0].row)) });
    writeFileSync(join(dir, 'journal.jsonl'), l.map((x) => JSON.stringify(x)).join('\n') + '\n');
    await refused(dir, 'journal.jsonl', /does not have the results table's columns/);
  });

  it('sweep.json with an unknown table format (or any edit) is refused', async () => {
    const dir = await finished();
    const m = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    m.format = 'xml';
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(m, null, 2));
    await refused(dir, 'sweep.json', /does not match its own SHA-256/);
    const { seal } = await import('../../src/io/integrity.js');
    writeFileSync(join(dir, 'sweep.json'), JSON.stringify(seal(m), null, 2));
    await refused(dir, 'sweep.json', /names the table format "xml", which is not one of csv, jsonl, parquet/);
    expect(readdirSync(dir).some((f) => f.startsWith('results.xml'))).toBe(false);
  });

  it('a truncated sweep.json is refused', async () => {
    const dir = await finished();
    writeFileSync(join(dir, 'sweep.json'), readFileSync(join(dir, 'sweep.json')).subarray(0, 100));
    await refused(dir, 'sweep.json', /is not valid JSON/);
  });
});
