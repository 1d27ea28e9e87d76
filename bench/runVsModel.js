// `seqsim run` (the CLI writing a run folder: manifest, slots table, summary, agents table,
// checkpoints for CSV) against the model alone (runSimulation: summary only, no table), in one
// process: after a warm-up of each, runs alternate model, run, run, model, … so each pair is timed
// back to back and the order within pairs alternates; the figure is the median of the pair-by-pair
// ratios run ms ÷ model ms (a change in the machine's speed between pairs cancels). The run is the
// CLI's own entry point (`main` of dist/cli/main.js) writing to a temporary folder, removed after.
// Target: ≤ 1.3× (issue 18).
//
//   node bench/runVsModel.js [--slots N] [--reps R] [--formats csv,parquet]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../dist/cli/main.js';
import { runSimulation } from '../dist/index.js';
import { baselineConfig, BASELINE_PATH } from './baselineConfig.js';
import { fmt, median, summarize } from './stats.js';

/** The target of issue 18: `seqsim run` within 1.3× of the model's own time. */
export const RUN_VS_MODEL_TARGET = 1.3;

function timedModel(slots) {
  const t0 = performance.now();
  runSimulation(baselineConfig(slots));
  return performance.now() - t0;
}

/** One `seqsim run configs/baseline.json --slots N --format F --out TMP --quiet`, in this process: wall ms and table bytes. */
async function timedRun(slots, format) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seqsim-bench-run-'));
  const out = path.join(dir, 'run');
  const errors = [];
  const io = { stdout: () => {}, stderr: (t) => void errors.push(t) };
  try {
    const t0 = performance.now();
    const code = await main(['run', BASELINE_PATH, '--slots', String(slots), '--format', format, '--out', out, '--quiet'], io);
    const ms = performance.now() - t0;
    if (code !== 0) throw new Error(`seqsim run exited with ${code}: ${errors.join('')}`);
    return { ms, bytes: statSync(path.join(out, `slots.${format}`)).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For each format: a warm-up of both, then `reps` pairs (model, run), the order within a pair
 * alternating; returns per format the medians (ms), the table's bytes per slot and the ratios' summary.
 */
export async function measureRunVsModel({ slots = 50_000, reps = 5, formats = ['csv', 'parquet'], onProgress = () => {} } = {}) {
  const results = [];
  for (const format of formats) {
    onProgress(`run vs model (${format}): warm-up, then ${reps} pairs of ${fmt(slots)} slots`);
    timedModel(slots);
    let { bytes } = await timedRun(slots, format);
    const model = [];
    const run = [];
    for (let i = 0; i < reps; i++) {
      if (i % 2 === 0) model.push(timedModel(slots));
      const r = await timedRun(slots, format);
      run.push(r.ms);
      bytes = r.bytes;
      if (i % 2 === 1) model.push(timedModel(slots));
    }
    results.push({ format, slots, modelMs: median(model), runMs: median(run), bytesPerSlot: bytes / slots, ratio: summarize(run.map((ms, i) => ms / model[i])) });
  }
  return results;
}

/** The section's lines: per format the medians, the ratio ± half range and PASS/MISS against the target. */
export function formatRunVsModel(results) {
  const lines = ['format    model ms   run ms   table bytes/slot   run ÷ model (median ± half range)   target ≤ 1.3×'];
  for (const r of results) {
    const ratio = `${r.ratio.median.toFixed(2)}× ±${(100 * r.ratio.spread).toFixed(1)}%`;
    lines.push(`${r.format.padEnd(8)}  ${fmt(r.modelMs).padStart(8)}   ${fmt(r.runMs).padStart(6)}   ${fmt(r.bytesPerSlot).padStart(16)}   ${ratio.padEnd(35)} ${r.ratio.median <= RUN_VS_MODEL_TARGET ? 'PASS' : 'MISS'}`);
  }
  return lines;
}

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const slots = Number(flag('--slots', 50_000));
  const reps = Number(flag('--reps', 5));
  const formats = flag('--formats', 'csv,parquet').split(',');
  process.stdout.write(`seqsim run vs the model alone — ${path.relative(process.cwd(), BASELINE_PATH)}, ${fmt(slots)} slots, ${reps} alternating pairs per format, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  const results = await measureRunVsModel({ slots, reps, formats, onProgress: (m) => process.stderr.write(`[bench] ${m}\n`) });
  process.stdout.write(`${formatRunVsModel(results).map((l) => `   ${l}`).join('\n')}\n`);
}
