import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';
import { smallSweep, writeSweep } from '../sweep/helpers.js';

/*
 * `sweep.json` stores the flags a sweep was started with that shape its runs (--reporters,
 * --columns, --record-every: part of every run's config) or its outputs (--runs, --slots-table),
 * so `--resume DIR` alone finishes the sweep alike; a flag given again must be the same.
 */
const flags = ['--runs', '--slots-table', '--columns', 'slot,rollup,pool_price', '--record-every', '2', '--reporters', 'price-gap'];

/** A finished sweep with `flags`, then its last journaled run "unfinished": its journal line, run folder and partition gone. */
async function interruptedSweep(): Promise<{ file: string; out: string; runId: string; results: string }> {
  const file = writeSweep(smallSweep({ slots: 12, seeds: [1, 2] }));
  const out = join(tempDir(), 'sweep');
  const r = await cli('sweep', file, '--out', out, '--workers', '1', '--quiet', ...flags);
  expect(r.code, r.stderr).toBe(0);
  const results = readFileSync(join(out, 'results.csv'), 'utf8');
  const lines = readFileSync(join(out, 'journal.jsonl'), 'utf8').trimEnd().split('\n');
  const runId = (JSON.parse(lines.at(-1)!) as { run_id: string }).run_id;
  writeFileSync(join(out, 'journal.jsonl'), lines.slice(0, -1).map((l) => `${l}\n`).join(''));
  rmSync(join(out, 'runs', runId), { recursive: true });
  rmSync(join(out, 'slots', `run_id=${runId}`), { recursive: true });
  rmSync(join(out, 'results.csv'));
  return { file, out, runId, results };
}

describe('sweep --resume takes the sweep’s own flags from sweep.json', () => {
  it('stored as given; a resume without them runs the missing run alike: its folder, partition and columns, the same results table', async () => {
    const { file, out, runId, results } = await interruptedSweep();
    const stored = (JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { options: unknown }).options;
    expect(stored).toEqual({ runs: true, slots_table: true, reporters: ['price-gap'], columns: ['slot', 'rollup', 'pool_price'], record_every: 2 });
    const r = await cli('sweep', file, '--resume', out, '--workers', '1', '--quiet');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(results);
    const table = readFileSync(join(out, 'runs', runId, 'slots.csv'), 'utf8').split('\n');
    expect(table[0]).toBe('slot,rollup,pool_price');
    expect(table[1]!.startsWith('0,')).toBe(true);
    expect(table[3]!.startsWith('2,')).toBe(true); // every 2nd slot, 2 rollups per slot
    expect(existsSync(join(out, 'slots', `run_id=${runId}`, 'part-0.csv'))).toBe(true);
    expect(results.split('\n')[0]).toContain('reporters.price-gap');
  });

  it.each([
    [['--columns', 'slot,rollup'], '--columns slot,rollup', 'slot,rollup,pool_price'],
    [['--record-every', '3'], '--record-every 3', 'started with 2'],
    [['--reporters', 'revenue-cv'], '--reporters revenue-cv', 'started with price-gap'],
    [['--no-runs'], '--runs without it', 'started with it'],
  ])('a flag given again but different (%j) is refused, exit 2, naming it and the stored value; nothing changed', async (extra, named, storedText) => {
    const { file, out } = await interruptedSweep();
    const journal = readFileSync(join(out, 'journal.jsonl'), 'utf8');
    const r = await cli('sweep', file, '--resume', out, '--workers', '1', '--quiet', ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`with ${named}`);
    expect(r.stderr).toContain(storedText);
    expect(r.stderr).toContain('sweep.json');
    expect(readFileSync(join(out, 'journal.jsonl'), 'utf8')).toBe(journal);
    expect(existsSync(join(out, 'results.csv'))).toBe(false);
  });

  it('the same flags given again are accepted', async () => {
    const { file, out, results } = await interruptedSweep();
    const r = await cli('sweep', file, '--resume', out, '--workers', '1', '--quiet', ...flags);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(results);
  });
});
