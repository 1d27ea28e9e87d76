// `seqsim run` (the CLI writing a run folder: manifest, slots table, summary, agents table,
// checkpoints for CSV) against the model alone, each as a whole fresh process, the way a user runs
// them: `node bin/seqsim.js run configs/baseline.json --slots N --format F --out TMP --quiet`
// against `node bench/runBaseline.js N` (the same config through runSimulation: summary only, no
// table). Both pay Node's start-up and module loading. Fresh processes, because inside one process
// whatever ran before changes the model's speed (shared functions turn polymorphic: the baseline
// runs 2–4× slower after other scenarios, which would flatter the ratio). The processes alternate
// model, run; run, model; … so each pair is timed back to back and the order within pairs
// alternates; the figure is the median of the pair-by-pair ratios run ÷ model of wall time (a
// change in the machine's speed between pairs cancels). Also printed: the same ratio of CPU time
// (user + system, children's times from /proc/self/stat; absent where /proc is not), which a table
// writer on another core does not hide. Target: wall ≤ 1.3× (issue 18).
//
//   node bench/runVsModel.js [--slots N] [--reps R] [--formats csv,parquet]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASELINE_PATH } from './baselineConfig.js';
import { fmt, median, summarize } from './stats.js';

/** The target of issue 18: `seqsim run` within 1.3× of the model's own time. */
export const RUN_VS_MODEL_TARGET = 1.3;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEQSIM = path.join(ROOT, 'bin', 'seqsim.js');
const MODEL = path.join(ROOT, 'bench', 'runBaseline.js');

/** CPU seconds (user + system) of this process's waited-for children so far; null without /proc. */
function childrenCpuS() {
  if (!existsSync('/proc/self/stat')) return null;
  // Fields after the command's closing parenthesis: cutime and cstime are fields 16 and 17 (1-based).
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks; USER_HZ is 100 on Linux
}

/** Runs `node args…` to completion: wall ms and CPU ms (null without /proc); throws on a non-zero exit. */
function timedProcess(args) {
  const cpu0 = childrenCpuS();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  const cpu1 = childrenCpuS();
  return { ms, cpuMs: cpu0 === null ? null : (cpu1 - cpu0) * 1000 };
}

const timedModel = (slots) => timedProcess([MODEL, String(slots)]);

/** One `seqsim run` into a temporary folder (removed after): wall and CPU ms, and the table's bytes. */
function timedRun(slots, format) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seqsim-bench-run-'));
  const out = path.join(dir, 'run');
  try {
    const t = timedProcess([SEQSIM, 'run', BASELINE_PATH, '--slots', String(slots), '--format', format, '--out', out, '--quiet']);
    return { ...t, bytes: statSync(path.join(out, `slots.${format}`)).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratios = (a, b) => a.map((x, i) => x / b[i]);

/**
 * For each format: one untimed pair (the disk cache warmed), then `reps` pairs of processes
 * (model, run), the order within a pair alternating; per format the medians (ms), the table's
 * bytes per slot and the pair ratios' summaries, wall and CPU.
 */
export function measureRunVsModel({ slots = 50_000, reps = 5, formats = ['csv', 'parquet'], onProgress = () => {} } = {}) {
  const results = [];
  for (const format of formats) {
    onProgress(`run vs model (${format}): one untimed pair, then ${reps} pairs of fresh processes, ${fmt(slots)} slots`);
    timedModel(slots);
    let { bytes } = timedRun(slots, format);
    const model = [];
    const run = [];
    for (let i = 0; i < reps; i++) {
      if (i % 2 === 0) model.push(timedModel(slots));
      const r = timedRun(slots, format);
      run.push(r);
      bytes = r.bytes;
      if (i % 2 === 1) model.push(timedModel(slots));
    }
    const wall = ratios(run.map((r) => r.ms), model.map((m) => m.ms));
    const cpu = run.every((r) => r.cpuMs !== null) ? ratios(run.map((r) => r.cpuMs), model.map((m) => m.cpuMs)) : null;
    results.push({ format, slots, modelMs: median(model.map((m) => m.ms)), runMs: median(run.map((r) => r.ms)), bytesPerSlot: bytes / slots, ratio: summarize(wall), cpuRatio: cpu && summarize(cpu) });
  }
  return results;
}

const showRatio = (s) => `${s.median.toFixed(2)}× ±${(100 * s.spread).toFixed(1)}%`;

/** The section's lines: per format the medians, the ratios ± half range and PASS/MISS (wall) against the target. */
export function formatRunVsModel(results) {
  const lines = ['format    model ms   run ms   table bytes/slot   run ÷ model, wall (median ± half range)   CPU             target ≤ 1.3× (wall)'];
  for (const r of results) {
    const cpu = r.cpuRatio ? showRatio(r.cpuRatio) : 'n/a';
    lines.push(`${r.format.padEnd(8)}  ${fmt(r.modelMs).padStart(8)}   ${fmt(r.runMs).padStart(6)}   ${fmt(r.bytesPerSlot).padStart(16)}   ${showRatio(r.ratio).padEnd(41)} ${cpu.padEnd(15)} ${r.ratio.median <= RUN_VS_MODEL_TARGET ? 'PASS' : 'MISS'}`);
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
  process.stdout.write(`seqsim run vs the model alone — ${path.relative(process.cwd(), BASELINE_PATH)}, ${fmt(slots)} slots, ${reps} alternating pairs of fresh processes per format, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  const results = measureRunVsModel({ slots, reps, formats, onProgress: (m) => process.stderr.write(`[bench] ${m}\n`) });
  process.stdout.write(`${formatRunVsModel(results).map((l) => `   ${l}`).join('\n')}\n`);
}
