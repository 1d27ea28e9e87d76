import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { loadSweepFile } from '../../src/sweep/loadSweepFile.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import { cli, tempDir } from '../cli/helpers.js';

const files = readdirSync('configs/sweeps').filter((f) => f.endsWith('.json'));

describe('configs/sweeps (smoke tests)', () => {
  it('fee-by-bid-fraction.json is rollup A fee × arb-A bid fraction: 2 × 3 cells, 5 seeds, 2000 slots', () => {
    const plan = loadSweepFile('configs/sweeps/fee-by-bid-fraction.json');
    expect(plan.axes.map((a) => [a.path.join('.'), a.values])).toEqual([
      ['rollups.0.pool.fee', [0.0005, 0.003]],
      ['searchers.0.bidFraction', [0.2, 0.5, 0.8]],
    ]);
    expect([plan.cells.length, plan.seeds.length, plan.runs.length, plan.runs[0]!.config.slots]).toEqual([6, 5, 30, 2000]);
    expect(plan.runs[0]!.config.searchers[4]).toMatchObject({ kind: 'cross-rollup', rollups: ['A', 'B'] });
  });

  it.each(files)('%s runs every cell (one seed, 40 slots)', async (file) => {
    const raw = JSON.parse(readFileSync(join('configs/sweeps', file), 'utf8')) as Record<string, unknown>;
    const plan = expandSweep({ ...raw, slots: 40, seeds: [1] }, file);
    const r = await runSweep(plan, { out: join(tempDir(), 'smoke'), workers: 1 }); // one worker thread: less start-up work
    expect(r.ran).toBe(plan.cells.length);
    expect(readFileSync(r.table, 'utf8').trim().split('\n').length).toBe(1 + plan.cells.length);
  });

  it('rejects a bad --workers with exit 2', async () => {
    const r = await cli('sweep', 'configs/sweeps/fee-by-bid-fraction.json', '--workers', '0', '--out', join(tempDir(), 'w'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--workers must be a whole number >= 1, but got "0"');
  });
});
