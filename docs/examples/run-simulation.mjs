// runSimulation: run a resolved market config and read its summary (summary.json's content).
import { readFileSync } from 'node:fs';
import { resolveMarketConfig, runSimulation } from '../../dist/index.js';

const raw = JSON.parse(readFileSync(new URL('../../configs/baseline.json', import.meta.url), 'utf8'));
const config = resolveMarketConfig(raw, { sets: ['slots=500'] });
const { summary } = runSimulation(config);

console.log(`${summary.slots} slots; proposer revenue ${summary.totals.proposer_revenue_y.toFixed(2)} Y`);
for (const r of summary.rollups) console.log(`rollup ${r.rollup}: ${(100 * r.share_slots_in_fee_band).toFixed(1)}% of slots inside the fee band`);
