// runSimulation with keepRows: the per-slot table (one row per slot and rollup, as in slots.csv) in memory.
import { readFileSync } from 'node:fs';
import { resolveMarketConfig, runSimulation } from '../../dist/index.js';

const raw = JSON.parse(readFileSync(new URL('../../configs/baseline.json', import.meta.url), 'utf8'));
const { rows } = runSimulation(resolveMarketConfig(raw, { sets: ['slots=200'] }), { keepRows: true });

const b = rows.filter((r) => r.rollup === 'B');
const widest = Math.max(...b.map((r) => Math.abs(r.gap_bps)));
console.log(`${rows.length} rows (${b.length} for rollup B); B's widest gap to the reference ${widest.toFixed(1)} bp`);
