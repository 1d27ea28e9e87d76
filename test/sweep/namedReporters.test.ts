import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { reporterNames } from '../../src/marketModel/reporters/namedReporters.js';
import { loadSweepFile } from '../../src/sweep/loadSweepFile.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import type { SweepTask } from '../../src/sweep/worker.js';
import { cli, tempDir } from '../cli/helpers.js';
import { smallSweep, writeSweep } from './helpers.js';

/*
 * Named reporters in a sweep: the names travel in each run's config (output.reporters), so worker
 * threads compute the same values as the sweep's own thread; the values join results, runs and
 * agents tables.
 */
const bytes = (dir: string, f: string) => readFileSync(join(dir, f));
const sweepFile = writeSweep(smallSweep({ slots: 40, builders: [{ id: 'b1' }, { id: 'b2' }] }));

describe('sweep --reporters', () => {
  it('in-process and on 2 worker threads: byte-identical results, runs and agents tables holding the reporters', async () => {
    const plan = loadSweepFile(sweepFile, { reporters: reporterNames });
    const [local, threads] = [join(tempDir(), 'local'), join(tempDir(), 'threads')];
    await runSweep(plan, { out: local, runTask: (task: SweepTask) => runMarket(task.config) });
    await runSweep(plan, { out: threads, workers: 2, snapshotEvery: 1 });
    for (const f of ['results.csv', 'runs.csv', 'agents.csv']) expect(bytes(local, f).equals(bytes(threads, f)), f).toBe(true);
    const runsHead = bytes(local, 'runs.csv').toString().split('\n')[0]!.split(',');
    expect(runsHead).toEqual(expect.arrayContaining(['reporters.price-gap', 'reporters.revenue-cv']));
    expect(runsHead.some((c) => c.startsWith('reporters.searcher-win-rate'))).toBe(false);
    const agents = bytes(local, 'agents.csv').toString().trim().split('\n').map((l) => l.split(','));
    const head = agents[0]!;
    const col = (name: string) => head.indexOf(name);
    expect(col('reporters.searcher-win-rate')).toBeGreaterThan(0);
    expect(col('reporters.bid-shading')).toBeGreaterThan(0);
    const arbA = agents.filter((r) => r[col('agent')] === 'arb-A');
    expect(arbA).toHaveLength(plan.runs.length);
    // each run's value in the agents table is its summary's (a run picked and rerun by hand)
    const run = plan.runs[5]!;
    const summary = runMarket(run.config) as { reporters: Record<string, Record<string, Record<string, number>>> };
    const row = agents.find((r) => r[col('run_id')] === run.runId && r[col('agent')] === 'arb-A')!;
    expect(Number(row[col('reporters.searcher-win-rate')])).toBe(summary.reporters['searcher-win-rate']!.searcher!['arb-A']);
  });

  it('the CLI flag sets output.reporters of every run', async () => {
    const out = join(tempDir(), 'cli');
    const r = await cli('sweep', sweepFile, '--out', out, '--workers', '1', '--quiet', '--reporters', 'price-gap');
    expect(r.code).toBe(0);
    const head = bytes(out, 'runs.csv').toString().split('\n')[0]!.split(',');
    expect(head).toContain('reporters.price-gap');
    expect(head).not.toContain('reporters.revenue-cv');
  });

  it('an unknown name: exit 2 naming the flag (or the field) and listing the names, nothing written', async () => {
    const out = join(tempDir(), 'never');
    const r = await cli('sweep', sweepFile, '--out', out, '--reporters', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reporters: unknown reporter "nope"; the named reporters are price-gap/);
    expect(existsSync(out)).toBe(false);
    const inFile = writeSweep(smallSweep({ slots: 40, output: { reporters: ['price-gap', 'nope'] } }));
    const f = await cli('sweep', inFile, '--out', out);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/output\.reporters\[1\]: unknown reporter "nope"; the named reporters are price-gap/);
    expect(existsSync(out)).toBe(false);
  });
});
