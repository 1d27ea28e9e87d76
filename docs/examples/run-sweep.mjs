// runSweep: a sweep (a market config whose leaves may be lists, plus seeds) on worker threads into
// one results table in a folder; returns where it wrote and how many runs it made.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweep } from '../../dist/index.js';

const base = JSON.parse(readFileSync(new URL('../../configs/baseline.json', import.meta.url), 'utf8'));
const { seed: _seed, ...config } = base;
const sweep = { ...config, kind: 'sweep', slots: 200, seeds: [1, 2], mechanism: { name: ['first-price', 'second-price'] } };

const out = join(mkdtempSync(join(tmpdir(), 'seqsim-')), 'sweep');
const result = await runSweep(sweep, { out, workers: 1 });
console.log(`${result.cells} cells × ${result.seeds} seeds = ${result.runs} runs`);
const table = readFileSync(result.table, 'utf8').trim().split('\n');
console.log(`results.${result.format}: ${table.length - 1} rows, first columns ${table[0].split(',').slice(0, 4).join(', ')}`);
rmSync(out, { recursive: true });
