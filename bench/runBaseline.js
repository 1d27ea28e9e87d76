// Runs the baseline for SLOTS slots (model only: summary, no CSV, no rows kept). The target that
// bench/profile.js runs under `node --cpu-prof`.
//
//   node bench/runBaseline.js [SLOTS] [--warm R]
//
// With `--warm R`, the first run is a warm-up and R more runs follow, each printed on stdout as
// `us_per_slot WALL CPU` (bench/warmRuns.js).
import { runSimulation } from '../dist/index.js';
import { baselineConfig } from './baselineConfig.js';
import { warmRuns } from './warmRuns.js';

const slots = Number(process.argv[2] ?? 100_000);
const t0 = performance.now();
const config = baselineConfig(slots);
const { summary } = runSimulation(config);
const s = (performance.now() - t0) / 1000;
process.stderr.write(`${slots} slots in ${s.toFixed(2)} s (${Math.round(slots / s)} slots/s incl. warm-up); final ref price ${summary.final_ref_price.toFixed(4)}\n`);
warmRuns(() => runSimulation(config), slots);
