import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';

const PNG_SIGNATURE = '89504e470d0a1a0a';
const MARKET_CHARTS = ['prices', 'value-shares', 'concentration', 'bid-shading'];
const files = (charts: string[]) => ['report.md', ...charts.flatMap((c) => [`${c}.png`, `${c}.svg`])];

/** Every file of a folder with its bytes, to show that a command changed nothing. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('hex')]));

describe('seqsim report on a market run folder', () => {
  let run: string;
  beforeAll(async () => {
    run = join(tempDir(), 'run');
    expect((await cli('run', 'configs/baseline.json', '--slots', '200', '--out', run)).code).toBe(0);
  });

  it('writes SVG and PNG charts and report.md beside the run, leaving the run files as they were', async () => {
    const before = snapshot(run);
    const r = await cli('report', run);
    expect(r.code).toBe(0);
    expect(readdirSync(run).sort()).toEqual([...Object.keys(before), ...files(MARKET_CHARTS)].sort());
    for (const f of Object.keys(before)) expect(snapshot(run)[f]).toBe(before[f]);
    for (const c of MARKET_CHARTS) {
      expect(readFileSync(join(run, `${c}.png`)).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
      expect(readFileSync(join(run, `${c}.svg`), 'utf8')).toMatch(/^<svg/);
    }
    const md = readFileSync(join(run, 'report.md'), 'utf8');
    expect(md).toContain('![prices](prices.png)');
    expect(md).toMatch(/\| slots \| 200 /);
    expect(md).toContain('MEV-oracle accuracy');
    expect(md).toMatch(/\| arb-A \| searcher \| fixed-fraction \| 0\.5 \|/);
    expect(readFileSync(join(run, 'bid-shading.svg'), 'utf8')).toContain('window of 100 slots');
    expect(r.stdout).toContain(`wrote ${run}/ (report.md, prices.svg, prices.png`);
  });

  it('refuses to overwrite a report (exit 2) and changes nothing', async () => {
    const before = snapshot(run);
    const r = await cli('report', run);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/already holds report\.md.*does not overwrite.*--force/);
    expect(snapshot(run)).toEqual(before);
  });

  it('--force replaces a stale report (exit 0): every report file rewritten, the run files untouched', async () => {
    const before = snapshot(run);
    writeFileSync(join(run, 'report.md'), 'stale\n');
    writeFileSync(join(run, 'prices.svg'), 'stale');
    const r = await cli('report', run, '--force');
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(run)).toEqual(before);
  });

  it('--out writes into another folder, created when missing; --png-scale sizes the PNGs', async () => {
    const out = join(tempDir(), 'charts', 'here');
    const before = snapshot(run);
    expect((await cli('report', run, '--out', out, '--png-scale', '1')).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(files(MARKET_CHARTS).sort());
    expect(snapshot(run)).toEqual(before);
    const svgWidth = Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(readFileSync(join(out, 'prices.svg'), 'utf8'))![1]);
    expect(readFileSync(join(out, 'prices.png')).readUInt32BE(16)).toBe(Math.round(svgWidth));
    expect((await cli('report', run, '--out', join(out, 'x'), '--png-scale', '0')).code).toBe(2);
    expect(existsSync(join(out, 'x'))).toBe(false);
  });
});

describe('seqsim report on a market run folder from before bidders were recorded', () => {
  it('draws no bid-shading chart and no bidder table', async () => {
    const run = join(tempDir(), 'old');
    expect((await cli('run', 'configs/baseline.json', '--slots', '50', '--out', run)).code).toBe(0);
    const summary = JSON.parse(readFileSync(join(run, 'summary.json'), 'utf8')) as Record<string, unknown>;
    delete summary['bidders'];
    writeFileSync(join(run, 'summary.json'), JSON.stringify(summary));
    expect((await cli('report', run)).code).toBe(0);
    expect(existsSync(join(run, 'bid-shading.svg'))).toBe(false);
    expect(readdirSync(run)).toEqual(expect.arrayContaining(files(['prices', 'value-shares', 'concentration'])));
    expect(readFileSync(join(run, 'report.md'), 'utf8')).not.toContain('| bidder |');
  });
});

describe('seqsim report on a bidding-war run folder', () => {
  it('charts win share by strategy, efficiency and the rolling HHI of winners', async () => {
    const run = join(tempDir(), 'bw');
    expect((await cli('run', 'configs/scenarios/mev-boost-bidding-war.json', '--slots', '60', '--out', run)).code).toBe(0);
    expect((await cli('report', run)).code).toBe(0);
    expect(readdirSync(run)).toEqual(expect.arrayContaining(files(['win-share', 'efficiency', 'concentration'])));
    expect(readFileSync(join(run, 'concentration.svg'), 'utf8')).toContain('HHI of winners');
    expect(readFileSync(join(run, 'report.md'), 'utf8')).toMatch(/\| auctions \| 60 \|/);
  });
});

describe('seqsim report on a sweep folder', () => {
  const columns = ['run_id', 'cell', 'seed', 'mechanism.name', 'slots', 'simulated_seconds', 'totals.winning_bids_y', 'concentration.hhi', 'mev_oracle_accuracy'];
  const rows = [
    [0, 0, 1, 'first-price', 100, 200, 50, 0.3, 0.6],
    [1, 0, 2, 'first-price', 100, 200, 54, 0.32, 0.62],
    [2, 1, 1, 'second-price', 100, 200, 5, 0.3, 0.05],
    [3, 1, 2, 'second-price', 100, 200, 7, 0.31, 0.06],
  ];
  const sweepCharts = ['sweep-revenue-vs-hhi', 'sweep-revenue-vs-oracle-accuracy'];
  const sweepDir = () => {
    const dir = join(tempDir(), 'sweep');
    mkdirSync(dir);
    writeFileSync(join(dir, 'sweep.json'), '{}\n');
    return dir;
  };

  it('charts revenue against HHI and oracle accuracy from results.csv', async () => {
    const dir = sweepDir();
    writeFileSync(join(dir, 'results.csv'), [columns.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
    const r = await cli('report', dir);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(files(sweepCharts)));
    const svg = readFileSync(join(dir, 'sweep-revenue-vs-hhi.svg'), 'utf8');
    for (const t of ['concentration.hhi', 'totals.winning_bids_y (revenue, Y)', 'mechanism.name', 'second-price']) expect(svg).toContain(t);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('4 runs in 2 cells');
    expect(md).toContain('| 1 | second-price | 2 | 6 | 0.305 | 0.055 |');
  });

  it('reads results.jsonl and, with only Parquet, results.parquet', async () => {
    const jsonl = sweepDir();
    writeFileSync(join(jsonl, 'results.jsonl'), rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, r[i]])))).join('\n') + '\n');
    expect((await cli('report', jsonl)).code).toBe(0);
    const pq = sweepDir();
    parquetWriteFile({ filename: join(pq, 'results.parquet'), columnData: columns.map((name, i) => ({ name, data: rows.map((r) => r[i]!) })) });
    const r = await cli('report', pq);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(pq, 'report.md'), 'utf8')).toContain('read from `results.parquet`');
  });
});

describe('seqsim report on bad input: exit 2, one paragraph, nothing written', () => {
  async function rejects(folder: string, pattern: RegExp, out?: string): Promise<void> {
    const before = existsSync(folder) && !folder.endsWith('.txt') ? snapshot(folder) : null;
    const r = await cli('report', folder, ...(out ? ['--out', out] : []));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    if (before) expect(snapshot(folder)).toEqual(before);
    if (out) expect(existsSync(out)).toBe(false);
  }

  it('a missing folder', async () => {
    await rejects(join(tempDir(), 'nope'), /does not exist\. seqsim report takes a run folder/, join(tempDir(), 'out'));
  });
  it('a file instead of a folder', async () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hi');
    await rejects(file, /is a file, not a folder/);
  });
  it('a folder that is neither a run nor a sweep', async () => {
    const dir = tempDir();
    await rejects(dir, /neither a run folder nor a sweep folder: it is empty/);
    writeFileSync(join(dir, 'data.csv'), 'a,b\n1,2\n');
    await rejects(dir, /neither a run folder nor a sweep folder: it holds data\.csv/, join(tempDir(), 'out'));
  });
  it('an interrupted run (slots.csv without summary.json)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'slots.csv'), 'slot,rollup\n0,A\n');
    await rejects(dir, /no summary\.json: was the run interrupted\?/);
  });
  it('a run table without the columns the charts need', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'slots.csv'), 'slot,rollup\n0,A\n');
    writeFileSync(join(dir, 'summary.json'), '{}');
    await rejects(dir, /lacks the columns ref_price, pool_price, winning_bid_y/);
  });
  it('a sweep without the revenue or concentration metrics', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'results.csv'), 'run_id,cell,seed,x\n0,0,1,2\n');
    await rejects(dir, /needs the columns totals\.winning_bids_y and concentration\.hhi or mev_oracle_accuracy/);
  });
});
