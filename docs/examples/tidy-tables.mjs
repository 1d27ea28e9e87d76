// runSweep's and runSimulation's tidy tables: `runs` (one row per run, every swept parameter its own
// typed column) and `agents` (one row per run and agent), as row objects and as column arrays.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveMarketConfig, runSimulation, runSweep } from '../../dist/index.js';

const base = JSON.parse(readFileSync(new URL('../../configs/baseline.json', import.meta.url), 'utf8'));
const { seed: _seed, ...config } = base;
const sweep = { ...config, kind: 'sweep', slots: 200, seeds: [1, 2], mechanism: [{ name: 'first-price' }, { name: 'second-price' }] };

const out = join(mkdtempSync(join(tmpdir(), 'seqsim-')), 'sweep');
const { tables, files } = await runSweep(sweep, { out, workers: 1 });
const { runs, agents } = tables;
console.log(`${runs.rows.length} runs, ${agents.rows.length} agent rows; written to ${files.runs.split('/').pop()} and ${files.agents.split('/').pop()}`);
console.log(`mechanism column: ${runs.schema.find((c) => c.name === 'mechanism').type}, values ${[...new Set(runs.columns.mechanism)].join(', ')}`);
// Column arrays: numeric columns without nulls are Float64Arrays (apache-arrow's tableFromArrays takes them as they are).
const revenue = runs.columns['totals.proposer_revenue_y'];
console.log(`proposer revenue per run: ${[...revenue].map((y) => y.toFixed(1)).join(', ')} Y`);
const arb = agents.rows.filter((r) => r.kind === 'searcher' && r.agent === 'arb-A');
console.log(`arb-A's PnL by run: ${arb.map((r) => `${r.mechanism}/${r.seed} ${r.pnl_y.toFixed(2)}`).join(', ')}`);
rmSync(out, { recursive: true });

// One run: the same two tables (one runs row), as agents.csv of a run folder.
const one = runSimulation(resolveMarketConfig(base, { sets: ['slots=100'] }));
console.log(`one run: ${one.tables.agents.rows.map((r) => `${r.kind}:${r.agent}`).join(', ')}`);
