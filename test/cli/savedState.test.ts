import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, smallConfig, tempDir, writeConfig } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edited JSON of any shape
type Json = Record<string, any>;
const read = (dir: string, f: string) => readFileSync(join(dir, f));
const json = (dir: string, f: string) => JSON.parse(read(dir, f).toString()) as Json;

/** A stopped-looking run: 300 of 300 slots, checkpointed; copied fresh for each corruption. */
async function finishedRun(format: 'csv' | 'jsonl' = 'csv'): Promise<string> {
  const dir = join(tempDir(), 'run');
  const r = await cli('run', writeConfig(smallConfig()), '--slots', '300', '--out', dir, '--format', format, '--checkpoint-every', '100');
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

/** `--resume` must refuse with exit 2, one paragraph naming `file`, no stack, and leave the folder's files as they were. */
async function refused(dir: string, file: string, ...extra: string[]) {
  const files = ['manifest.json', 'checkpoint.json', 'slots.csv'];
  const before = files.map((f) => { try { return read(dir, f).toString('base64'); } catch { return null; } });
  const r = await cli('run', '--resume', dir, ...extra);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr).toContain(file);
  expect(r.stderr).toMatch(/restore the run folder from a backup, or start the run afresh/);
  expect(files.map((f) => { try { return read(dir, f).toString('base64'); } catch { return null; } })).toEqual(before);
  return r.stderr;
}

describe('run --resume verifies saved state (exit 2, never silent wrong output)', () => {
  it('the checkpoint carries a schema version, its own SHA-256, the table prefix SHA-256 and the config hash', async () => {
    const dir = await finishedRun();
    const cp = json(dir, 'checkpoint.json');
    expect(cp.version).toBe(2);
    expect(cp.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cp.table.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cp.config_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cp.next_slot).toBe(300);
    // and an intact folder resumes
    const r = await cli('run', '--resume', dir, '--slots', '350');
    expect(r.code, r.stderr).toBe(0);
  });

  it('an edited next_slot, table.bytes, emptied snapshot or a truncated checkpoint is refused', async () => {
    const base = await finishedRun();
    const edits: [string, (cp: Json) => unknown][] = [
      ['next_slot', (cp) => ({ ...cp, next_slot: 150 })],
      ['table.bytes', (cp) => ({ ...cp, table: { ...cp.table, bytes: cp.table.bytes - 100 } })],
      ['snapshot', (cp) => ({ ...cp, snapshot: {} })],
      ['version', (cp) => ({ ...cp, version: 1 })],
    ];
    for (const [what, edit] of edits) {
      const dir = join(tempDir(), what);
      cpSync(base, dir, { recursive: true });
      writeFileSync(join(dir, 'checkpoint.json'), JSON.stringify(edit(json(dir, 'checkpoint.json')), null, 2));
      await refused(dir, 'checkpoint.json', '--slots', '400');
    }
    const cut = join(tempDir(), 'cut');
    cpSync(base, cut, { recursive: true });
    writeFileSync(join(cut, 'checkpoint.json'), read(cut, 'checkpoint.json').subarray(0, 200));
    expect(await refused(cut, 'checkpoint.json', '--slots', '400')).toMatch(/not valid JSON/);
  });

  it('a table whose bytes differ from what the checkpoint vouches for is refused', async () => {
    const dir = await finishedRun();
    const table = read(dir, 'slots.csv');
    table[table.length - 5] = table[table.length - 5] === 0x31 ? 0x32 : 0x31;
    writeFileSync(join(dir, 'slots.csv'), table);
    expect(await refused(dir, 'slots.csv', '--slots', '400')).toMatch(/do not match the SHA-256/);
  });

  it('an edited seed in manifest.json is refused, and the manifest is not rewritten', async () => {
    const dir = await finishedRun();
    const m = json(dir, 'manifest.json');
    m.seed = 6;
    m.config.seed = 6;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
    expect(await refused(dir, 'manifest.json', '--slots', '400')).toMatch(/config was edited/);
    // ... also when the editor recomputes config_sha256: the checkpoint was made under the other config.
    const { createHash } = await import('node:crypto');
    m.config_sha256 = createHash('sha256').update(JSON.stringify(m.config)).digest('hex');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
    expect(await refused(dir, 'checkpoint.json', '--slots', '400')).toMatch(/another config than the one manifest\.json holds/);
  });

  it('a resume without --slots does not rewrite the manifest', async () => {
    const dir = await finishedRun('jsonl');
    const before = read(dir, 'manifest.json');
    expect((await cli('run', '--resume', dir)).code).toBe(0);
    expect(read(dir, 'manifest.json').equals(before)).toBe(true);
  });
});

describe('--checkpoint-every', () => {
  it('0 means only at the end (and on a stop): the run completes, and extending it gives a straight run\'s table', async () => {
    const cfg = writeConfig(smallConfig());
    const [zero, straight] = [join(tempDir(), 'zero'), join(tempDir(), 'straight')];
    const r = await cli('run', cfg, '--slots', '300', '--out', zero, '--checkpoint-every', '0');
    expect(r.code, r.stderr).toBe(0);
    expect(json(zero, 'summary.json').slots ?? json(zero, 'manifest.json').slots).toBe(300);
    expect(json(zero, 'checkpoint.json').next_slot).toBe(300);
    expect((await cli('run', cfg, '--slots', '500', '--out', straight)).code).toBe(0);
    const resumed = await cli('run', '--resume', zero, '--slots', '500', '--checkpoint-every', '0');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(read(zero, 'slots.csv').equals(read(straight, 'slots.csv'))).toBe(true);
    expect(read(zero, 'summary.json').equals(read(straight, 'summary.json'))).toBe(true);
  });

  it('negative, fractional or non-numeric values are refused with exit 2', async () => {
    const cfg = writeConfig(smallConfig());
    for (const v of ['-1', '1.5', 'abc']) {
      const out = join(tempDir(), 'x');
      const r = await cli('run', cfg, '--slots', '10', '--out', out, '--checkpoint-every', v);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--checkpoint-every must be a whole number >= 0, but got "${v}"`);
    }
  });
});
