// Runs the baseline for SLOTS slots (model only: summary, no CSV, no rows kept). The target that
// bench/profile.js runs under `node --cpu-prof`.
//
//   node bench/runBaseline.js [SLOTS]
import { runSimulation } from '../dist/index.js';
import { baselineConfig } from './baselineConfig.js';

const slots = Number(process.argv[2] ?? 100_000);
const t0 = performance.now();
const { summary } = runSimulation(baselineConfig(slots));
const s = (performance.now() - t0) / 1000;
process.stderr.write(`${slots} slots in ${s.toFixed(2)} s (${Math.round(slots / s)} slots/s incl. warm-up); final ref price ${summary.final_ref_price.toFixed(4)}\n`);
