// Two builds of the model on the baseline in one process, alternately: the ratio of their time per
// run, pair by pair, so a comparison holds on a shared machine whose speed drifts. Each run builds
// its simulation afresh; the two summaries must be identical in every pair (else it says so).
//
//   cp -r dist bench/profiles/dist-old   # before the change (inside the project, so its imports resolve; git-ignored), then rebuild
//   node bench/compareBuilds.js bench/profiles/dist-old dist [SLOTS=10000] [PAIRS=16]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BASELINE_PATH } from './baselineConfig.js';
import { median } from './stats.js';

const [oldDir, newDir] = process.argv.slice(2, 4);
if (!oldDir || !newDir) {
  process.stderr.write('usage: node bench/compareBuilds.js OLD_DIST NEW_DIST [SLOTS] [PAIRS]\n');
  process.exit(2);
}
const slots = Number(process.argv[4] ?? 10_000);
const pairs = Number(process.argv[5] ?? 16);
const raw = JSON.parse(readFileSync(BASELINE_PATH, 'utf8'));

/** One build's timed run: [process CPU ms, wall ms, summary as JSON]. */
async function runnerOf(dir) {
  const m = await import(pathToFileURL(path.resolve(dir, 'index.js')).href);
  const config = m.resolveMarketConfig({ ...raw, slots }, { source: BASELINE_PATH });
  return () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const { summary } = m.runSimulation(config);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return [(cpu.user + cpu.system) / 1000, wall, JSON.stringify(summary)];
  };
}

const runOld = await runnerOf(oldDir);
const runNew = await runnerOf(newDir);
runOld();
runNew();
const cpuRatios = [];
const wallRatios = [];
let differ = 0;
for (let i = 0; i < pairs; i++) {
  const [cpuA, wallA, a] = runOld();
  const [cpuB, wallB, b] = runNew();
  if (a !== b) differ++;
  cpuRatios.push(cpuB / cpuA);
  wallRatios.push(wallB / wallA);
}
const range = (xs) => `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)}`;
process.stdout.write(
  `${pairs} pairs × ${slots} slots, new ÷ old per run (median of pairs, min–max):\n` +
    `  CPU  ${median(cpuRatios).toFixed(3)} (${range(cpuRatios)})\n` +
    `  wall ${median(wallRatios).toFixed(3)} (${range(wallRatios)})\n` +
    `  summaries ${differ === 0 ? 'identical in every pair' : `DIFFER in ${differ} pairs`}\n`,
);
