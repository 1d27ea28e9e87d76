#!/usr/bin/env node
// Config fuzzer: `npm run fuzz -- [--cases N] [--seed S] [--workers W] [--slots N] [--timeout MS]`.
// Generates configs (mutations of the shipped ones and random ones from scratch, scripts/fuzz/
// arbitraries.mjs), checks each in a child process against dist/ (scripts/fuzz/checkCase.mjs):
// rejected with a good one-paragraph UserInputError, or run for --slots slots without exception,
// hang or non-finite output. Failures are grouped by cause; the shortest reproducing config of each
// group (greedily reduced) is written to --out (default fuzz-failures/). Exit 1 if anything failed.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { anyConfig } from './fuzz/arbitraries.mjs';
import { expandDeep } from './fuzz/checkCase.mjs';
import { CaseRunner } from './fuzz/runner.mjs';
import { shrinkConfig } from './fuzz/shrink.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    slots: { type: 'string', default: '200' },
    auctions: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '20000' },
    'memory-mb': { type: 'string', default: '1024' },
    shrink: { type: 'string', default: '150' },
    out: { type: 'string', default: 'fuzz-failures' },
    dist: { type: 'string', default: join(root, 'dist') },
    replay: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('usage: node scripts/fuzz.mjs [--cases 100000] [--seed 1] [--workers 2] [--slots 200] [--auctions 20] [--timeout 20000] [--memory-mb 1024] [--shrink 150 (runs per failure; 0 = off)] [--out fuzz-failures] [--dist dist]\n       node scripts/fuzz.mjs --replay fuzz-failures   (re-checks the saved reproducers; exit 1 if any still fails)');
  process.exit(0);
}
const whole = (name, min = 0) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number >= ${min}, got ${args[name]}`);
    process.exit(2);
  }
  return n;
};
const cases = whole('cases', 1);
const seed = whole('seed');
const workers = whole('workers', 1);
const slots = whole('slots', 1);
const auctions = whole('auctions', 1);
const timeoutMs = whole('timeout', 100);
const memoryMb = whole('memory-mb', 64);
const shrinkRuns = whole('shrink');
const outDir = resolve(args.out);

if (args.replay !== undefined) {
  // Re-check saved reproducers (e.g. after a fix): each *.json of the folder but index.json.
  const dir = resolve(args.replay);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
  const runner = new CaseRunner({ distDir: resolve(args.dist), timeoutMs, memoryMb });
  let failing = 0;
  for (const f of files) {
    const r = await runner.run(readFileSync(join(dir, f), 'utf8'), { slots, auctions });
    const ok = r.outcome === 'rejected' || r.outcome === 'ok';
    if (!ok) failing++;
    const detail = ok ? (r.message ?? '').slice(0, 120) : `${r.signature}${r.error?.frame ? ` at ${r.error.frame}` : ''}`;
    console.log(`${ok ? 'pass' : 'FAIL'}  ${f.padEnd(28)} ${r.outcome.padEnd(20)} ${detail}`);
  }
  await runner.close();
  console.log(`${files.length - failing} of ${files.length} reproducer(s) pass`);
  process.exit(failing > 0 ? 1 : 0);
}

const { mechanismNames } = await import(join(resolve(args.dist), 'index.js'));
const arbitrary = anyConfig([...mechanismNames]);

/** Cases are drawn in chunks, each with its own seed derived from --seed, so memory stays flat. */
const CHUNK = 250;
function* caseStream() {
  for (let chunk = 0; chunk * CHUNK < cases; chunk++) {
    const n = Math.min(CHUNK, cases - chunk * CHUNK);
    const batch = fc.sample(arbitrary, { seed: (seed * 1_000_003 + chunk * 7919) | 0, numRuns: n });
    for (let i = 0; i < batch.length; i++) yield { index: chunk * CHUNK + i, ...batch[i] };
  }
}

const failureOutcomes = new Set(['crash', 'hang', 'non-finite', 'validation-exception', 'bad-message', 'accepted-invalid', 'invalid-json']);
const counts = { cases: 0, rejected: 0, accepted: 0, run: 0, crash: 0, hang: 0, 'non-finite': 0, 'validation-exception': 0, 'bad-message': 0, 'accepted-invalid': 0, 'invalid-json': 0 };
/** signature → { outcome, count, json, label, error, index } (json: the shortest reproducer). */
const groups = new Map();
const seenKeys = new Set();

function record(c, json, result) {
  counts.cases++;
  if (result.outcome === 'rejected') counts.rejected++;
  else if (result.key !== undefined || result.outcome === 'accepted-invalid') counts.accepted++;
  if (result.key !== undefined && result.outcome !== 'skipped') counts.run++;
  if (!failureOutcomes.has(result.outcome)) return;
  counts[result.outcome]++;
  // A hang says nothing of its cause: group hangs by what generated them (numbers blanked).
  if (result.outcome === 'hang') result = { ...result, signature: `${result.signature} after ${c.label.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#')}` };
  const sig = `${result.outcome}: ${result.signature}`;
  const g = groups.get(sig);
  if (!g) groups.set(sig, { outcome: result.outcome, signature: result.signature, count: 1, json, label: c.label, error: result.error, index: c.index });
  else {
    g.count++;
    if (json.length < g.json.length) Object.assign(g, { json, label: c.label, error: result.error, index: c.index });
  }
}

const started = Date.now();
let lastProgress = 0;
function progress(force = false) {
  const now = Date.now();
  if (!force && now - lastProgress < 5000) return;
  lastProgress = now;
  const s = (now - started) / 1000;
  const rate = counts.cases / Math.max(s, 1e-3);
  const eta = rate > 0 ? (cases - counts.cases) / rate : 0;
  const failures = counts.crash + counts.hang + counts['non-finite'] + counts['validation-exception'] + counts['bad-message'] + counts['accepted-invalid'] + counts['invalid-json'];
  console.log(
    `[${counts.cases}/${cases}] ${((100 * counts.cases) / cases).toFixed(1)}%  rejected ${counts.rejected}  accepted ${counts.accepted} (run ${counts.run})  failures ${failures} in ${groups.size} group(s)  ${s.toFixed(0)} s elapsed, ~${eta.toFixed(0)} s left`,
  );
}

console.log(`seqsim fuzz: ${cases} cases, seed ${seed}, ${workers} worker(s), ${slots} slots per accepted market config, ${auctions} auctions per bidding war, ${timeoutMs} ms per case, dist ${relative(process.cwd(), resolve(args.dist)) || '.'}`);
const runners = Array.from({ length: workers }, () => new CaseRunner({ distDir: resolve(args.dist), timeoutMs, memoryMb }));
const stream = caseStream();
const shouldRun = (key) => {
  if (seenKeys.has(key)) return false;
  seenKeys.add(key);
  return true;
};
await Promise.all(
  runners.map(async (runner) => {
    for (;;) {
      const next = stream.next();
      if (next.done) return;
      const c = next.value;
      const json = JSON.stringify(c.config);
      const result = await runner.run(json, { slots, auctions, shouldRun });
      record(c, json, result);
      progress();
    }
  }),
);
progress(true);

// Reduce each group's shortest reproducer (hangs and dead processes are costly to re-run: kept as found).
const list = [...groups.values()].sort((a, b) => b.count - a.count);
if (shrinkRuns > 0 && list.length > 0) {
  console.log(`reducing ${list.length} reproducer(s) (at most ${shrinkRuns} runs each)…`);
  const queue = list.filter((g) => g.outcome !== 'hang' && !g.signature.startsWith('process died'));
  await Promise.all(
    runners.map(async (runner) => {
      for (let g = queue.shift(); g; g = queue.shift()) {
        const before = g.json.length;
        g.json = await shrinkConfig(
          g.json,
          async (candidate) => {
            const r = await runner.run(candidate, { slots, auctions });
            return r.outcome === g.outcome && r.signature === g.signature;
          },
          { maxAttempts: shrinkRuns, maxMs: 120_000 },
        );
        console.log(`  ${g.signature.slice(0, 100)}: ${before} → ${g.json.length} characters`);
      }
    }),
  );
}
await Promise.all(runners.map((r) => r.close()));

// Write the reproducers.
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (f.endsWith('.json')) rmSync(join(outDir, f));
const index = list.map((g, i) => {
  const file = `${String(i + 1).padStart(2, '0')}-${g.outcome}.json`;
  writeFileSync(join(outDir, file), `${expandDeep(JSON.stringify(JSON.parse(g.json), null, 2))}\n`);
  return { file, outcome: g.outcome, count: g.count, signature: g.signature, error: g.error, generatedBy: g.label, caseIndex: g.index };
});
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify({ cases, seed, slots, auctions, timeoutMs, counts, failures: index }, null, 2)}\n`);

// The table.
const secs = ((Date.now() - started) / 1000).toFixed(0);
const row = (k, v) => `  ${k.padEnd(34)} ${String(v).padStart(8)}`;
console.log(`\nseqsim fuzz results (seed ${seed}, ${secs} s)`);
console.log(row('cases', counts.cases));
console.log(row('rejected (UserInputError)', counts.rejected));
console.log(row('accepted', counts.accepted));
console.log(row('  of them distinct, run', counts.run));
console.log(row('crashes', counts.crash));
console.log(row('hangs', counts.hang));
console.log(row('non-finite outputs', counts['non-finite']));
console.log(row('exceptions during validation', counts['validation-exception']));
console.log(row('bad error messages', counts['bad-message']));
console.log(row('accepted with a duplicate id', counts['accepted-invalid']));
if (list.length > 0) {
  console.log(`\nfailures by cause (reproducers in ${relative(process.cwd(), outDir) || '.'}/):`);
  for (const [i, g] of list.entries()) {
    console.log(`  ${String(g.count).padStart(6)}  ${index[i].file}  ${g.signature}`);
    if (g.error?.frame) console.log(`          at ${g.error.frame}`);
  }
}
process.exit(list.length > 0 ? 1 : 0);
