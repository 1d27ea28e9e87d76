// Runs one shipped scenario for SLOTS slots (model only: summary, no CSV, no rows kept): the
// target to run under `node --cpu-prof` when profiling a scenario (bench/README.md, "Scenarios").
//
//   node bench/runScenario.js NAME [SLOTS] [--warm R]
//
// With `--warm R`, the first run is a warm-up and R more runs of SLOTS slots follow, each printed on
// stdout as `us_per_slot WALL CPU` (µs per slot, wall clock and process CPU time): the fresh-process
// measurement of `node bench/scenarios.js --fresh` (bench/README.md, section 8).
import path from 'node:path';
import { runSimulation } from '../dist/index.js';
import { SCENARIO_DIR, scenarioConfig } from './scenarios.js';
import { warmRuns } from './warmRuns.js';

const name = process.argv[2];
const slots = Number(process.argv[3] ?? 10_000);
const t0 = performance.now();
const config = scenarioConfig(path.join(SCENARIO_DIR, `${name}.json`), slots);
runSimulation(config);
const s = (performance.now() - t0) / 1000;
process.stderr.write(`${name}: ${slots} slots in ${s.toFixed(2)} s (${Math.round(slots / s)} slots/s incl. warm-up)\n`);
warmRuns(() => runSimulation(config), slots);
