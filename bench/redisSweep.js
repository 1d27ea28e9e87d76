// A sweep through Redis against the local pool (docs/cluster-redis.md): the baseline scenario at
// 20,000 slots per run, seeds 1..N, run (1) on the local pool with 2 worker threads, (2) through a
// redis-server started here with 2 `seqsim worker --concurrency 1` processes, (3) on the local pool
// with 1 thread; the three in turn, --rounds times (default 2), each figure the median over rounds,
// so that a change of load hits all three alike. Reports runs per second, the Redis/local ratio (target >= 0.9) and the local pool's
// speed-up from 1 to 2 threads (target >= 1.8 on an idle machine), with the load average, since on a
// shared machine both ratios measure the other processes as much as seqsim.
//   node bench/redisSweep.js [--runs N] [--slots S] [--rounds R]   (needs redis-server and `npm run build`)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSweep } from '../dist/index.js';
import { createRedisRunner } from '../dist/sweep/redis/redisRunner.js';
import { BASELINE_PATH } from './baselineConfig.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const runs = arg('--runs', 8);
const slots = arg('--slots', 20_000);
const rounds = arg('--rounds', 2);
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
const log = (t) => process.stderr.write(`${t}\n`);

if (spawnSync('redis-server', ['--version']).status !== 0) {
  console.log('SKIP: redis-server is not installed (apt-get install redis-server)');
  process.exit(0);
}

const freePort = () => new Promise((res) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const accepts = (port) => new Promise((res) => { const c = connect(port, '127.0.0.1'); c.once('connect', () => { c.destroy(); res(true); }); c.once('error', () => res(false)); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const { seed: _seed, ...base } = JSON.parse(readFileSync(BASELINE_PATH, 'utf8'));
const sweep = { ...base, slots, seeds: Array.from({ length: runs }, (_, i) => i + 1) };
const work = mkdtempSync(join(tmpdir(), 'seqsim-bench-redis-'));

/** Wall seconds of one sweep into a fresh folder. */
let sweeps = 0;
async function timeSweep(name, opts) {
  const t0 = performance.now();
  const r = await runSweep(sweep, { out: join(work, `${name}-${sweeps++}`), ...opts });
  const s = (performance.now() - t0) / 1000;
  if (r.failed > 0) throw new Error(`${name}: ${r.failed} runs failed: ${r.failures[0].error}`);
  log(`${name}: ${runs} runs in ${s.toFixed(1)} s`);
  return s;
}

const port = await freePort();
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', work, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
const workers = [];
try {
  while (!(await accepts(port))) await sleep(50);
  const url = new URL(`redis://127.0.0.1:${port}`);
  const load0 = loadavg();
  const { expandSweep } = await import('../dist/sweep/expandSweep.js');
  const plan = expandSweep(sweep);
  const times = { local2: [], redis2: [], local1: [] };
  for (let round = 0; round < rounds; round++) {
    times.local2.push(await timeSweep('local-2', { workers: 2 }));
    // A fresh queue per round (the jobs of the last round are completed and would be reused at once),
    // with 2 fresh workers, given time to connect and start their threads before the clock starts.
    for (const w of workers.splice(0)) w.kill('SIGTERM');
    for (let i = 0; i < 2; i++) workers.push(spawn(process.execPath, ['bin/seqsim.js', 'worker', '--redis-url', url.href, '--queue', `bench-${round}`, '--concurrency', '1', '--quiet'], { stdio: 'ignore' }));
    await sleep(5000);
    const runner = await createRedisRunner(plan, { url, queue: `bench-${round}`, pollMs: 1000 });
    try {
      times.redis2.push(await timeSweep('redis-2', { runTask: runner.runTask }));
    } finally {
      await runner.close();
    }
    times.local1.push(await timeSweep('local-1', { workers: 1 }));
  }
  const [local2, redis2, local1] = [median(times.local2), median(times.redis2), median(times.local1)];
  const load1 = loadavg();
  const ratio = local2 / redis2;
  const speedup = local1 / local2;
  const fmt = (s) => `${(runs / s).toFixed(3)} runs/s (${s.toFixed(1)} s)`;
  console.log(`# sweep through Redis vs the local pool: ${runs} runs × ${slots.toLocaleString('en-US')} slots (baseline), median of ${rounds} round(s)`);
  console.log(`seconds per round: local-2 ${times.local2.map((t) => t.toFixed(1)).join(', ')}; redis-2 ${times.redis2.map((t) => t.toFixed(1)).join(', ')}; local-1 ${times.local1.map((t) => t.toFixed(1)).join(', ')}`);
  console.log(`load average (1 min) at start ${load0[0].toFixed(2)}, at end ${load1[0].toFixed(2)}, on ${spawnSync('nproc').stdout.toString().trim()} cores`);
  console.log(`local pool, 2 threads:        ${fmt(local2)}`);
  console.log(`Redis, 2 worker processes:    ${fmt(redis2)}`);
  console.log(`local pool, 1 thread:         ${fmt(local1)}`);
  console.log(`Redis / local (2 and 2):      ${ratio.toFixed(3)}   ${ratio >= 0.9 ? 'PASS' : 'MISS'} (target >= 0.9)`);
  console.log(`local speed-up 1 -> 2:        ${speedup.toFixed(3)}   ${speedup >= 1.8 ? 'PASS' : 'MISS'} (target >= 1.8 on an idle machine)`);
} finally {
  for (const w of workers) w.kill('SIGTERM');
  redis.kill('SIGTERM');
  await sleep(500);
  rmSync(work, { recursive: true, force: true });
}
