// Each shipped market scenario's time per slot ÷ the baseline's, measured in one process: runs
// alternate baseline, scenario, baseline, scenario … (model only: runSimulation, no CSV, no rows
// kept), and each scenario's figure is the median of its pair-by-pair ratios, so a change in the
// machine's speed between pairs cancels. The bidding war is not a slot model (bench section 7).
//
//   node bench/scenarios.js [--slots N] [--reps R] [--only NAME[,NAME]]
//
// In one process the shared code turns polymorphic and the baseline runs 2–4× slower than alone, so
// `--fresh` measures each in its own processes instead: pairs of a baseline process and a scenario
// process, alternating (`bench/runBaseline.js` and `bench/runScenario.js` with `--warm`); each process
// runs a warm-up and then R runs (`--warm R`, default 4) of N slots (default 20,000), and its figure is
// the least process CPU time per slot of those runs; the ratio is the median of the pair ratios.
// The runs are long because the target is the steady-state slot time: in runs of 3,000 slots V8's
// compiler threads still dominate the process CPU time (the baseline measured 20–50 µs/slot there
// against 9–11 µs/slot in runs of 20,000), which flattered the larger scenarios' ratios.
//
//   node bench/scenarios.js --fresh [--slots N] [--pairs P] [--warm R] [--extra-pairs E] [--only NAME[,NAME]]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveMarketConfig, runSimulation } from '../dist/index.js';
import { baselineConfig } from './baselineConfig.js';
import { median, summarize } from './stats.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../configs/scenarios/', import.meta.url));

/** The shipped market scenarios (every configs/scenarios/*.json that is not another kind of run), by name. */
export function marketScenarios() {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f.replace(/\.json$/, ''), file: path.join(SCENARIO_DIR, f) }))
    .filter(({ file }) => JSON.parse(readFileSync(file, 'utf8')).kind === undefined);
}

/** A scenario's config, validated and defaulted, for `slots` slots (seed as in the file). */
export function scenarioConfig(file, slots) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  return resolveMarketConfig({ ...raw, slots }, { source: file });
}

function timed(config) {
  const t0 = performance.now();
  runSimulation(config);
  return performance.now() - t0;
}

/**
 * For each scenario: a warm-up of both, then `reps` pairs (baseline, scenario) of `slots` slots
 * each; returns per scenario the ms per slot of each (medians) and the pair ratios' summary.
 */
export function measureScenarios({ slots = 2_000, reps = 5, only = null, onProgress = () => {} } = {}) {
  const base = baselineConfig(slots);
  const results = [];
  for (const s of marketScenarios()) {
    if (only && !only.includes(s.name)) continue;
    const config = scenarioConfig(s.file, slots);
    onProgress(`${s.name}: ${reps} pairs of ${slots} slots`);
    timed(base);
    timed(config);
    const b = [];
    const x = [];
    for (let i = 0; i < reps; i++) {
      b.push(timed(base));
      x.push(timed(config));
    }
    results.push({
      name: s.name,
      slots,
      baselineUsPerSlot: (1e3 * median(b)) / slots,
      scenarioUsPerSlot: (1e3 * median(x)) / slots,
      ratio: summarize(x.map((ms, i) => ms / b[i])),
    });
  }
  return results;
}

/** Least CPU µs per slot over the `--warm` runs of one bench script in a fresh Node process. */
function freshUsPerSlot(args) {
  const out = execFileSync(process.execPath, args, { cwd: BENCH_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const cpu = out.split('\n').filter((l) => l.startsWith('us_per_slot ')).map((l) => Number(l.split(' ')[2]));
  return Math.min(...cpu);
}

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/**
 * For each scenario: `pairs` pairs of fresh processes (baseline, then scenario), each a warm-up and
 * `warm` runs of `slots` slots; the same result shape as `measureScenarios` (process CPU time).
 * A scenario whose pairs disagree on the verdict after those pairs (some ratio at or below `target`,
 * some above) gets `extraPairs` more before its figure is taken: there a pair's noise (±20–40 % when
 * other programs share the machine) decides the verdict, so those scenarios are measured longer; the
 * others keep the short plan. Every pair taken counts in the median (none is dropped).
 */
export function measureScenariosFresh({ slots = 20_000, pairs = 3, warm = 4, only = null, target = 2, extraPairs = 4, onProgress = () => {} } = {}) {
  const results = [];
  for (const s of marketScenarios()) {
    if (only && !only.includes(s.name)) continue;
    const b = [];
    const x = [];
    const pair = (n) => {
      const i = b.length;
      b.push(freshUsPerSlot(['runBaseline.js', String(slots), '--warm', String(warm)]));
      x.push(freshUsPerSlot(['runScenario.js', s.name, String(slots), '--warm', String(warm)]));
      onProgress(`${s.name}: pair ${i + 1}/${n}: baseline ${b[i].toFixed(1)} µs/slot, scenario ${x[i].toFixed(1)} µs/slot`);
    };
    for (let i = 0; i < pairs; i++) pair(pairs);
    const ratios = x.map((us, i) => us / b[i]);
    if (Math.min(...ratios) <= target && Math.max(...ratios) > target) for (let i = 0; i < extraPairs; i++) pair(pairs + extraPairs);
    results.push({
      name: s.name,
      slots,
      baselineUsPerSlot: median(b),
      scenarioUsPerSlot: median(x),
      ratio: summarize(x.map((us, i) => us / b[i])),
    });
  }
  return results;
}

/** Report lines: one row per scenario. */
export function formatScenarios(results, target = 2) {
  const w = Math.max(...results.map((r) => r.name.length));
  const lines = [`${'scenario'.padEnd(w)}   µs/slot   baseline µs/slot    n   ratio (median of pairs, ±half range)   ≤ ${target}×`];
  for (const r of results) {
    const ratio = `${r.ratio.median.toFixed(2)}× ±${(100 * r.ratio.spread).toFixed(0)}% (${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)})`;
    lines.push(`${r.name.padEnd(w)}   ${r.scenarioUsPerSlot.toFixed(1).padStart(7)}   ${r.baselineUsPerSlot.toFixed(1).padStart(16)}   ${String(r.ratio.n).padStart(2)}   ${ratio.padEnd(37)}   ${r.ratio.median <= target ? 'PASS' : 'MISS'}`);
  }
  return lines;
}

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = flag('--only', null)?.split(',') ?? null;
  const onProgress = (m) => process.stderr.write(`[scenarios] ${m}\n`);
  const results = process.argv.includes('--fresh')
    ? measureScenariosFresh({
        slots: Number(flag('--slots', 20_000)),
        pairs: Number(flag('--pairs', 3)),
        warm: Number(flag('--warm', 4)),
        extraPairs: Number(flag('--extra-pairs', 4)),
        only,
        onProgress,
      })
    : measureScenarios({
    slots: Number(flag('--slots', 2_000)),
    reps: Number(flag('--reps', 5)),
    only,
        onProgress,
      });
  process.stdout.write(`${formatScenarios(results).join('\n')}\n`);
}
