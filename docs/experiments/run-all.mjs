// Regenerates every page of docs/experiments/ from its script (the built dist/ must be current:
// `npm run experiments` builds first).
//
//   node docs/experiments/run-all.mjs           write every <name>.md
//   node docs/experiments/run-all.mjs --check   write nothing; exit 1 listing the pages that differ
//                                               from the ones on disk (the committed ones, in CI)
//   node docs/experiments/run-all.mjs NAME ...  only these experiments
//
// Every experiment runs in its own child process, two at a time. An experiment whose prose makes a
// claim its numbers no longer support fails (exit 1) in both modes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => !a.startsWith('--'));
const all = readdirSync(dir).filter((f) => f.endsWith('.mjs') && !f.startsWith('_') && f !== 'run-all.mjs').map((f) => f.slice(0, -4)).sort();
const unknown = only.filter((n) => !all.includes(n));
if (unknown.length > 0) {
  console.error(`no such experiment: ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  process.exit(2);
}
const names = only.length > 0 ? only : all;

function runOne(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(dir, `${name}.mjs`), '--stdout'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ name, code, out, err, seconds: (performance.now() - started) / 1000 }));
  });
}

const started = performance.now();
const queue = [...names];
const results = [];
const lanes = Math.max(1, Math.min(2, availableParallelism()));
await Promise.all(Array.from({ length: lanes }, async () => {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const r = await runOne(name);
    console.error(`${r.code === 0 ? 'ran' : 'FAILED'} ${name} in ${r.seconds.toFixed(1)} s`);
    results.push(r);
  }
}));

const failed = results.filter((r) => r.code !== 0);
for (const r of failed) console.error(`\n${r.name} exited ${r.code}:\n${r.err.trimEnd()}`);
const differ = [];
for (const r of results.filter((x) => x.code === 0).sort((a, b) => a.name.localeCompare(b.name))) {
  const page = join(dir, `${r.name}.md`);
  const same = existsSync(page) && readFileSync(page, 'utf8') === r.out;
  if (check) {
    if (!same) differ.push(`docs/experiments/${r.name}.md`);
  } else if (!same) {
    writeFileSync(page, r.out);
    console.error(`wrote docs/experiments/${r.name}.md`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (differ.length > 0) {
  console.error(`\nthese pages differ from a fresh run (run \`npm run experiments\` and commit the result):\n  ${differ.join('\n  ')}`);
}
console.error(`${results.length - failed.length}/${results.length} experiments ran in ${seconds} s${check ? `; ${differ.length} page(s) differ` : ''}`);
process.exit(failed.length > 0 || differ.length > 0 ? 1 : 0);
