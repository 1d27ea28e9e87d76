// `npm run bench`: how fast the market model runs on the baseline scenario, against a floor
// measured in the same process (STYLE.md rule 12: ratios, never a CI failure on absolute time).
//
//   node bench/run.js [--quick] [--no-profile]
//
//   1. throughput: slots/s on the main thread after a warm-up, several runs, median and spread
//   2. ns per agent action (bench/countAgentActions.js) against the floor (bench/floor.js)
//   3. memory over 1M and 10M slots in child processes (bench/memory.js); --quick: 100k only
//   4. learners on every searcher and builder against the fixed rules, as a ratio (bench/learners.js)
//   5. targets, PASS/MISS
//   6. a CPU profile of 100k slots (bench/profile.js); --no-profile skips it
//   7. the mev-boost bidding war: ms per auction against MMASim and a numpy rewrite (bench/biddingWar.js)
//   8. every shipped market scenario's time per slot ÷ the baseline's, interleaved (bench/scenarios.js)
//   9. `seqsim run` (CSV and Parquet into a temp folder) ÷ the model alone, whole process and per slot (bench/runVsModel.js)
//
// Targets never change the exit code: a missed target exits 0. The report goes to stdout,
// progress to stderr.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSimulation } from '../dist/index.js';
import { baselineConfig, BASELINE_PATH } from './baselineConfig.js';
import { AGENT_ACTION_DEFINITION, countAgentActions } from './countAgentActions.js';
import { distFingerprint } from './distFingerprint.js';
import { createFloor } from './floor.js';
import { profileBaseline } from './profile.js';
import { fmt, mb, pct, summarize } from './stats.js';
import { formatProfileSummary } from './summarizeProfile.js';
import { measureLearners } from './learners.js';
import { formatBiddingWar, measureBiddingWar } from './biddingWar.js';
import { formatScenarios, measureScenariosFresh } from './scenarios.js';
import { formatRunVsModel, longCounts, measureRunVsModel, wholeRowGroups } from './runVsModel.js';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withProfile = !args.includes('--no-profile');

const PLAN = quick
  ? { warmupSlots: 10_000, reps: 5, repSlots: 20_000, memorySlots: [100_000] }
  : { warmupSlots: 20_000, reps: 7, repSlots: 30_000, memorySlots: [1_000_000, 10_000_000] };
/** Memory samples per run (each forces a full gc): the sampling interval scales with the run. */
const MEMORY_SAMPLES = 100;
// Issue 18's targets (the baseline ≥ 100,000 slots/s, ≤ 20× the floor; the memory and learner targets from earlier issues).
const TARGET = { slotsPerSecond: 100_000, floorRatio: 20, memoryFlat: 0.1, learnerRatio: 2 };

const out = (line = '') => process.stdout.write(`${line}\n`);
const progress = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

/** One timed run of `slots` baseline slots on this thread: wall ms, CPU ms, summary. */
function timedRun(slots) {
  const config = baselineConfig(slots);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { summary } = runSimulation(config);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, summary };
}

/**
 * Warm-up, then `reps` timed model runs; right after each, the floor is timed for the same number
 * of updates as the run has agent actions, so each run's model/floor ratio compares two
 * measurements taken under the same machine load.
 */
function measureThroughput(actionsPerRun) {
  progress(`warm-up: ${fmt(PLAN.warmupSlots)} slots`);
  timedRun(PLAN.warmupSlots);
  const floor = createFloor();
  const runs = [];
  for (let i = 0; i < PLAN.reps; i++) {
    progress(`throughput run ${i + 1}/${PLAN.reps}: ${fmt(PLAN.repSlots)} slots, then the floor`);
    const run = timedRun(PLAN.repSlots);
    const floorNs = floor.time(actionsPerRun);
    const modelNs = (run.wallMs * 1e6) / actionsPerRun;
    runs.push({ ...run, floorNs, modelNs, ratio: modelNs / floorNs });
  }
  const wall = runs.reduce((a, r) => a + r.wallMs, 0);
  const cpu = runs.reduce((a, r) => a + r.cpuMs, 0);
  return {
    slotsPerSecond: summarize(runs.map((r) => (PLAN.repSlots / r.wallMs) * 1000)),
    slotsPerCpuSecond: summarize(runs.map((r) => (PLAN.repSlots / r.cpuMs) * 1000)),
    cpuPerWall: cpu / wall,
    modelNs: summarize(runs.map((r) => r.modelNs)),
    floorNs: summarize(runs.map((r) => r.floorNs)),
    ratio: summarize(runs.map((r) => r.ratio)),
    floorChecksum: floor.checksum(),
    summary: runs[0].summary,
  };
}

/** The counting run's totals must match the timed runs' summary: same trajectory, same counts. */
function crossCheck(counts, summary) {
  const users = summary.rollups.reduce((a, r) => a + r.user_swaps, 0);
  const swaps = summary.rollups.reduce((a, r) => a + r.arb_trades + r.cross_arb_legs + r.backruns + 2 * (r.sandwiches ?? 0), 0);
  return users === counts.userArrivals && swaps === counts.searcherSwaps
    ? 'counts match the timed runs\' summaries'
    : `WARNING: counts differ from the timed runs (users ${counts.userArrivals} vs ${users}, swaps ${counts.searcherSwaps} vs ${swaps})`;
}

function memoryRun(slots) {
  progress(`memory: ${fmt(slots)} slots in a child process (node --expose-gc)`);
  const child = spawnSync(process.execPath, ['--expose-gc', path.join(BENCH, 'memory.js'), String(slots), String(slots / MEMORY_SAMPLES)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (child.status !== 0) return { slots, error: `child exited with ${child.status}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  const r = JSON.parse(child.stdout);
  const last = r.samples[r.samples.length - 1];
  return {
    slots,
    wallMs: r.wallMs,
    maxRss: r.maxRssBytes,
    peakSampledRss: Math.max(...r.samples.map((s) => s.rss)),
    peakHeapUsed: Math.max(...r.samples.map((s) => s.heapUsed)),
    endLiveHeap: last.liveHeap,
    samples: r.samples,
  };
}

function header(dist) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  out(`seqsim bench — ${path.relative(process.cwd(), BASELINE_PATH)} (seed ${baselineConfig(1).seed}), model only: runSimulation, no CSV, no rows kept`);
  out(`node ${process.version}, ${os.platform()} ${os.arch()}, ${cpu}, ${os.cpus().length} logical CPUs, load average ${load}`);
  out(`dist/ ${dist.hash} (newest file ${dist.builtAt}); mode: ${quick ? 'quick (no 10M-slot run)' : 'full'}`);
}

/** Warns when dist/ was rebuilt during the bench: children may have run another build. */
function footer(before) {
  const after = distFingerprint();
  if (after.hash !== before.hash) {
    out();
    out(`WARNING: dist/ changed during the bench (${before.hash} -> ${after.hash}, rebuilt ${after.builtAt}): the child processes`);
    out('(memory, profile) may have run a different build from the main process. Run it again on a quiet tree.');
  }
}

function reportThroughput(t) {
  const s = t.slotsPerSecond;
  const c = t.slotsPerCpuSecond;
  out();
  out(`1. Throughput — main thread, warm-up ${fmt(PLAN.warmupSlots)} slots, then ${PLAN.reps} runs × ${fmt(PLAN.repSlots)} slots (same seed)`);
  out(`   slots/s            median ${fmt(s.median)}   min ${fmt(s.min)}   max ${fmt(s.max)}   spread ±${(100 * s.spread).toFixed(1)}% (half range / median)`);
  out(`   µs/slot            median ${fmt(1e6 / s.median, 1)}`);
  out(`   slots per CPU-s    median ${fmt(c.median)}   spread ±${(100 * c.spread).toFixed(1)}% (process CPU time: steadier when other load steals the CPU)`);
  out(`   CPU / wall         ${t.cpuPerWall.toFixed(2)} (above 1 = V8's GC helper threads on other cores; clearly below 1 = the process waited`);
  out('                      for a CPU because of other load on the machine, and wall-clock figures are noisy)');
}

function reportActions(t, counts, check) {
  const perSlot = (x) => fmt(x / counts.slots, 2);
  const spread = (x) => `±${(100 * x.spread).toFixed(1)}%`;
  out();
  out(`2. Agent actions — counted from a ${fmt(counts.slots)}-slot run with the same seed (${check})`);
  out(`   agent action := ${AGENT_ACTION_DEFINITION[0]}`);
  for (const line of AGENT_ACTION_DEFINITION.slice(1)) out(`                   ${line}`);
  out(`   per slot    users ${perSlot(counts.userArrivals)} + searcher decisions ${perSlot(counts.searcherSlotDecisions)} + mempool candidates ${perSlot(counts.mempoolCandidates)}`);
  out(`               + searcher swaps ${perSlot(counts.searcherSwaps)} + auctions ${perSlot(counts.auctions)} = ${perSlot(counts.total)} actions/slot (${fmt(counts.total)} per run)`);
  out(`   model       ${fmt(t.modelNs.median, 1)} ns/action   ${spread(t.modelNs)}  (run time / actions per run)`);
  out(`   floor       ${fmt(t.floorNs.median, 2)} ns/update      ${spread(t.floorNs)}  (Float64Array read-modify-write + one alea draw, ${fmt(counts.total)} updates`);
  out(`                                          timed right after each model run; checksum ${t.floorChecksum.toFixed(3)})`);
  out(`   ratio       ${fmt(t.ratio.median)}× the floor   ${spread(t.ratio)}  (median over runs of model/floor, each pair timed back to back)`);
  return t.ratio.median;
}

/** 100000 → '100k', 10000000 → '10M'. */
const slotsLabel = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

function reportMemory(runs) {
  out();
  out(`3. Memory — child processes (node --expose-gc bench/memory.js), each sampled ${MEMORY_SAMPLES} times; live heap = heapUsed after a forced gc()`);
  out('   slots       wall s   peak RSS (OS)   peak RSS (sampled)   peak heapUsed (sampled)   live heap at end');
  for (const r of runs) {
    if (r.error) out(`   ${fmt(r.slots).padEnd(10)}  ${r.error}`);
    else out(`   ${fmt(r.slots).padEnd(10)}  ${(r.wallMs / 1000).toFixed(1).padStart(6)}   ${mb(r.maxRss).padStart(13)}   ${mb(r.peakSampledRss).padStart(18)}   ${mb(r.peakHeapUsed).padStart(23)}   ${mb(r.endLiveHeap).padStart(16)}`);
  }
  const [small, big] = runs;
  if (big && !big.error) {
    const tenth = big.slots / 10;
    const marks = big.samples.filter((s) => s.slot > 0 && s.slot % tenth === 0).map((s) => (s.liveHeap / 2 ** 20).toFixed(2));
    out(`   live heap (MB) every ${fmt(tenth)} slots of the ${fmt(big.slots)}-slot run: ${marks.join(' ')}`);
  }
  if (!big || big.error || small.error) return null;
  const growth = { label: `${slotsLabel(small.slots)} → ${slotsLabel(big.slots)}`, rss: big.maxRss / small.maxRss - 1, heap: big.peakHeapUsed / small.peakHeapUsed - 1, live: big.endLiveHeap / small.endLiveHeap - 1 };
  out(`   ${growth.label}  peak RSS ${pct(growth.rss)}, peak heapUsed ${pct(growth.heap)}, live heap at end ${pct(growth.live)}`);
  return growth;
}

function reportLearners() {
  progress('learners: baseline + 3 builders, fixed rules vs Hedge on every searcher and builder');
  const plan = { slots: quick ? 5_000 : 10_000, reps: quick ? 3 : 5 };
  const on = measureLearners(plan);
  const off = measureLearners({ ...plan, regret: false });
  out();
  out(`4. Learners — baseline + 3 builders, ${fmt(on.slots)} slots, ${on.pairRatio.n} alternating pairs: every bidder on its fixed rule vs Hedge on every searcher and builder (feedback min-to-win)`);
  for (const [label, l] of [['regret measured (default)', on], ['bidding.regret off', off]]) {
    out(`   ${label}`);
    out(`     fixed rules      median ${fmt(l.fixed.median)} ms   (${fmt((1e3 * l.fixed.median) / l.slots, 1)} µs/slot)`);
    out(`     learners         median ${fmt(l.learning.median)} ms   (${fmt((1e3 * l.learning.median) / l.slots, 1)} µs/slot)`);
    out(`     ratio            ${l.pairRatio.median.toFixed(2)}× (median of the pair-by-pair ratios, ±${(100 * l.pairRatio.spread).toFixed(1)}%)`);
  }
  return Math.max(on.pairRatio.median, off.pairRatio.median);
}

function reportTargets(t, ratio, growth, learnerRatio) {
  const sps = t.slotsPerSecond.median;
  const rows = [
    [`learners ≤ ${TARGET.learnerRatio}× the fixed rules per slot`, `${learnerRatio.toFixed(2)}× (median)`, verdict(learnerRatio <= TARGET.learnerRatio)],
    [`≥ ${fmt(TARGET.slotsPerSecond)} slots/s on one core`, `${fmt(sps)} slots/s (median)`, verdict(sps >= TARGET.slotsPerSecond)],
    [`≤ ${TARGET.floorRatio}× the floor per agent action`, `${fmt(ratio)}× (median)`, verdict(ratio <= TARGET.floorRatio)],
  ];
  if (growth) {
    // Flat = the OS's peak RSS and the live heap both within ±10% (peak heapUsed is informative
    // only: it depends on where the GC happened to be when a sample was taken).
    const flat = Math.abs(growth.rss) <= TARGET.memoryFlat && Math.abs(growth.live) <= TARGET.memoryFlat;
    rows.push([`memory flat ±${100 * TARGET.memoryFlat}%, ${growth.label} slots`, `peak RSS ${pct(growth.rss)}, live heap ${pct(growth.live)}`, verdict(flat)]);
  } else {
    rows.push([`memory flat ±${100 * TARGET.memoryFlat}%, ${PLAN.memorySlots.map(slotsLabel).join(' → ')} slots`, quick ? 'not measured (--quick)' : 'not measured (a memory run failed)', quick ? 'SKIP' : 'MISS']);
  }
  out();
  out('5. Targets (reported, never enforced: the exit code is 0 either way)');
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [target, measured, v] of rows) out(`   ${target.padEnd(w0)}   ${measured.padEnd(w1)}   ${v}`);
}

function reportProfile() {
  progress('profile: 100,000 slots under node --cpu-prof');
  out();
  out('6. Profile — node --cpu-prof on 100,000 baseline slots (bench/profile.js; self = on top of the stack, total = anywhere on it)');
  try {
    const { file, summary, childLog } = profileBaseline({ slots: 100_000, top: 15 });
    out(`   ${childLog}`);
    for (const line of formatProfileSummary(summary, { areas: 10 })) out(line ? `   ${line}` : '');
    out(`   profile file: ${path.relative(process.cwd(), file)} (Chrome DevTools > Performance > Load profile)`);
  } catch (e) {
    out(`   profiling failed: ${e.message}`);
  }
}

function reportBiddingWar() {
  const plan = { auctions: quick ? 1_000 : 3_000, reps: quick ? 3 : 7 };
  progress(`bidding war: ${plan.reps} runs of ${fmt(plan.auctions)} auctions`);
  out();
  out('7. Bidding war — configs/scenarios/mev-boost-bidding-war.json (MMASim\'s setup: 10 builders, 12 s, 10 ms steps), ms per auction (bench/biddingWar.js)');
  for (const line of formatBiddingWar(measureBiddingWar(plan))) out(`   ${line}`);
}

function reportScenarios() {
  const plan = { slots: quick ? 10_000 : 20_000, pairs: quick ? 2 : 3, warm: quick ? 3 : 4, extraPairs: quick ? 2 : 4 };
  out();
  out(`8. Scenarios — each shipped market scenario (configs/scenarios/, its seed, ${fmt(plan.slots)} slots) against the baseline, ${plan.pairs} pairs of fresh`);
  out(`   processes (baseline, scenario), each a warm-up and ${plan.warm} runs, its least CPU µs per slot; ratio = scenario ÷ baseline per pair, median over pairs (bench/scenarios.js --fresh); target ≤ 2×;`);
  out(`   a scenario whose ${plan.pairs} pairs disagree on the verdict (some ratios ≤ 2×, some above) gets ${plan.extraPairs} more (column n)`);
  const results = measureScenariosFresh({ ...plan, onProgress: (m) => progress(`scenarios: ${m}`) });
  for (const line of formatScenarios(results)) out(`   ${line}`);
  out(`   load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

function reportRunVsModel() {
  // Whole Parquet row groups at both counts (runVsModel.js, wholeRowGroups): 32,768 and 98,304 slots quick, else
  // 65,536 and 1,048,576 (runVsModel.js, `longCounts`: why so long).
  const plan = quick ? { slots: wholeRowGroups(3), shortSlots: wholeRowGroups(1), reps: 3 } : { ...longCounts, reps: 5 };
  out();
  out(`9. run vs model — \`seqsim run\` on the baseline (CSV and Parquet into a temp folder) against the model alone (bench/runBaseline.js),`);
  out(`   each a fresh process at ${fmt(plan.shortSlots)} and ${fmt(plan.slots)} slots, ${plan.reps} rounds per format; whole = run ÷ model at ${fmt(plan.slots)} slots;`);
  out('   per slot = run ÷ model of the slopes between the two counts (start-up cancels; shown as the intercept); median ± half range (bench/runVsModel.js)');
  const results = measureRunVsModel({ ...plan, onProgress: (m) => progress(m) });
  for (const line of formatRunVsModel(results)) out(`   ${line}`);
}

const dist = distFingerprint();
header(dist);
progress(`counting agent actions over ${fmt(PLAN.repSlots)} slots`);
const counts = countAgentActions(baselineConfig(PLAN.repSlots));
const throughput = measureThroughput(counts.total);
reportThroughput(throughput);
const ratio = reportActions(throughput, counts, crossCheck(counts, throughput.summary));
const growth = reportMemory(PLAN.memorySlots.map(memoryRun));
const learnerRatio = reportLearners();
reportTargets(throughput, ratio, growth, learnerRatio);
if (withProfile) reportProfile();
reportBiddingWar();
reportScenarios();
reportRunVsModel();
footer(dist);
