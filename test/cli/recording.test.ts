import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runCheckpointed } from '../../src/io/checkpointedRun.js';
import { writeJson } from '../../src/io/runFolder.js';
import { runManifest } from '../../src/io/runManifest.js';
import { cli, smallConfig, tempDir, writeConfig } from './helpers.js';

/*
 * --columns and --record-every (config: output.columns, output.recordEvery) thin the per-slot table
 * only: the summary covers every slot whatever they say, and the table they write is the full table's
 * rows at slots 0, K, 2K, … projected on the chosen columns (plus slot and rollup), in table order.
 */
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const csvRows = (text: string) => text.trim().split('\n').map((l) => l.split(','));

/** The full table's rows at the slots that are multiples of `every`, projected on `names` (full-table order). */
function project(full: string, names: readonly string[], every: number): string[][] {
  const [header, ...rows] = csvRows(full);
  const keep = header!.map((n, i) => (names.includes(n) ? i : -1)).filter((i) => i >= 0);
  const slotAt = header!.indexOf('slot');
  return [keep.map((i) => header![i]!), ...rows.filter((r) => Number(r[slotAt]) % every === 0).map((r) => keep.map((i) => r[i]!))];
}

describe('--columns and --record-every', () => {
  const cfg = writeConfig(smallConfig({ slots: 200 }));
  const flags = ['--columns', 'winner,pool_price,arb_profit_y', '--record-every', '7'];
  let fullDir: string;
  const full = async () => {
    if (!fullDir) {
      fullDir = join(tempDir(), 'full');
      expect((await cli('run', cfg, '--out', fullDir)).code).toBe(0);
    }
    return fullDir;
  };

  it('write the full table projected on slot, rollup and the chosen columns at slots 0, 7, 14, …; summary.json byte-identical', async () => {
    const dir = join(tempDir(), 'thin');
    const r = await cli('run', cfg, '--out', dir, ...flags);
    expect(r.code, r.stderr).toBe(0);
    const thin = csvRows(read(dir, 'slots.csv'));
    expect(thin[0]).toEqual(['slot', 'rollup', 'pool_price', 'arb_profit_y', 'winner']);
    expect(thin.length - 1).toBe(Math.ceil(200 / 7) * 2); // slots 0, 7, …, 196 × 2 rollups
    expect([...new Set(thin.slice(1).map((row) => Number(row[0])))]).toEqual(Array.from({ length: 29 }, (_, i) => 7 * i));
    const f = await full();
    expect(thin).toEqual(project(read(f, 'slots.csv'), ['slot', 'rollup', 'pool_price', 'arb_profit_y', 'winner'], 7));
    expect(read(dir, 'summary.json')).toBe(read(f, 'summary.json'));
    expect(r.stdout.split('\n\n')[0]).toBe((await cli('run', cfg, '--out', join(tempDir(), 'again'))).stdout.split('\n\n')[0]);
  });

  it('are the config fields output.columns and output.recordEvery (same bytes); the flags override them; the manifest records them', async () => {
    const viaFlags = join(tempDir(), 'flags');
    const viaConfig = join(tempDir(), 'config');
    expect((await cli('run', cfg, '--out', viaFlags, ...flags)).code).toBe(0);
    const withOutput = writeConfig(smallConfig({ slots: 200, output: { columns: ['winner', 'pool_price', 'arb_profit_y'], recordEvery: 7 } }));
    expect((await cli('run', withOutput, '--out', viaConfig)).code).toBe(0);
    expect(read(viaConfig, 'slots.csv')).toBe(read(viaFlags, 'slots.csv'));
    expect(JSON.parse(read(viaFlags, 'manifest.json')).config.output).toEqual({ columns: ['winner', 'pool_price', 'arb_profit_y'], recordEvery: 7 });
    const overridden = join(tempDir(), 'over');
    const other = writeConfig(smallConfig({ slots: 200, output: { columns: ['bids'], recordEvery: 3 } }));
    expect((await cli('run', other, '--out', overridden, ...flags)).code).toBe(0);
    expect(read(overridden, 'slots.csv')).toBe(read(viaFlags, 'slots.csv'));
  });

  it('JSONL rows carry exactly the chosen keys', async () => {
    const dir = join(tempDir(), 'jsonl');
    expect((await cli('run', cfg, '--out', dir, '--format', 'jsonl', '--columns', 'bids', '--record-every', '50')).code).toBe(0);
    const rows = read(dir, 'slots.jsonl').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => Object.keys(r))).toEqual(Array(8).fill(['slot', 'rollup', 'bids']));
    expect(rows.map((r) => r.slot)).toEqual([0, 0, 50, 50, 100, 100, 150, 150]);
  });

  it('a run stopped mid-way (slot 61, between recorded slots) and resumed gives the bytes of a straight run', async () => {
    const straight = join(tempDir(), 'straight');
    expect((await cli('run', cfg, '--out', straight, ...flags)).code).toBe(0);
    const config = resolveMarketConfig(JSON.parse(read(straight, 'manifest.json')).config);
    const dir = join(tempDir(), 'stopped');
    mkdirSync(dir);
    writeJson(dir, 'manifest.json', runManifest(config, { seqsim: 'test', node: process.version }));
    let slots = 0;
    const stopped = await runCheckpointed(config, dir, { format: 'csv', checkpointEvery: 0, onSlot: () => void slots++, stopRequested: () => slots >= 62 });
    expect([stopped.summary, stopped.slot]).toEqual([null, 62]);
    const r = await cli('run', '--resume', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'slots.csv')).toBe(read(straight, 'slots.csv'));
    expect(read(dir, 'summary.json')).toBe(read(straight, 'summary.json'));
    const extended = await cli('run', '--resume', dir, '--slots', '300');
    expect(extended.code, extended.stderr).toBe(0);
    expect(csvRows(read(dir, 'slots.csv')).at(-1)![0]).toBe('294');
    const refused = await cli('run', '--resume', dir, '--record-every', '2');
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringMatching(/drop --record-every/)]);
  });

  for (const format of ['csv', 'jsonl'] as const)
    it(`a ${format} run stopped before its first slot and resumed gives the bytes of a straight run (the header still to come)`, async () => {
      const straight = join(tempDir(), 'straight');
      expect((await cli('run', cfg, '--out', straight, '--format', format)).code).toBe(0);
      const config = resolveMarketConfig(JSON.parse(read(straight, 'manifest.json')).config);
      const dir = join(tempDir(), 'stopped');
      mkdirSync(dir);
      writeJson(dir, 'manifest.json', runManifest(config, { seqsim: 'test', node: process.version }));
      const stopped = await runCheckpointed(config, dir, { format, checkpointEvery: 0, stopRequested: () => true });
      expect([stopped.summary, stopped.slot]).toEqual([null, 0]);
      const r = await cli('run', '--resume', dir);
      expect(r.code, r.stderr).toBe(0);
      expect(read(dir, `slots.${format}`)).toBe(read(straight, `slots.${format}`));
    });

  const bad: [string, string[], RegExp][] = [
    ['an unknown column, listing the valid names', ['--columns', 'pool_price,foo'], /--columns: unknown column "foo"; the columns of this run are: slot, time_s, rollup, .*pool_price.*supply_drift_y \(meanings in docs\/reference\/outputs\.md\)/],
    ['an empty --columns', ['--columns', ','], /--columns was given without column names/],
    ['--record-every 0', ['--record-every', '0'], /--record-every must be a whole number >= 1, but got "0"/],
    ['--record-every 2.5', ['--record-every', '2.5'], /--record-every must be a whole number >= 1/],
    ['--record-every abc', ['--record-every', 'abc'], /--record-every must be a whole number >= 1, but got "abc"/],
  ];
  for (const [what, args, message] of bad)
    it(`exit 2 and write nothing on ${what}`, async () => {
      const out = join(tempDir(), 'never');
      const r = await cli('run', cfg, '--out', out, ...args);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
      expect(existsSync(out)).toBe(false);
    });

  const badConfigs: [string, unknown, RegExp][] = [
    ['output.recordEvery 0', { recordEvery: 0 }, /output\.recordEvery/],
    ['output.recordEvery 1.5', { recordEvery: 1.5 }, /output\.recordEvery/],
    ['an empty output.columns', { columns: [] }, /output\.columns/],
    ['an unknown output field', { every: 3 }, /output.*"every"/],
  ];
  for (const [what, output, message] of badConfigs)
    it(`exit 2 and write nothing on ${what} in the config file`, async () => {
      const out = join(tempDir(), 'never');
      const r = await cli('run', writeConfig(smallConfig({ output })), '--out', out);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
      expect(existsSync(out)).toBe(false);
    });

  it('exit 2 and write nothing on an unknown column in the config file, or on the flags with a bidding-war config', async () => {
    const out = join(tempDir(), 'never');
    const r = await cli('run', writeConfig(smallConfig({ output: { columns: ['pool_price', 'nope'] } })), '--out', out);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/output\.columns\.1: unknown column "nope"; the columns of this run are: slot,/)]);
    const war = await cli('run', 'configs/scenarios/mev-boost-bidding-war.json', '--out', out, '--record-every', '2');
    expect([war.code, war.stderr]).toEqual([2, expect.stringMatching(/--record-every shapes the slots table of a market run; this is a bidding-war config/)]);
    expect(existsSync(out)).toBe(false);
  });
});
