// The long token-conservation check (`npm run conservation`, which builds first): every shipped
// market scenario (configs/baseline.json and configs/scenarios/*.json) for 10^6 slots, printing per
// scenario the largest |Σ over holders − initial total| ÷ initial total of each token over every slot
// and rollup (summary.json → conservation), and the time it took. Too slow for `npm test`;
// test/marketModel/conservation.test.ts checks a few thousand slots against the rounding bound.
//
//   node scripts/conservation.mjs [--slots N] [scenario.json ...]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../dist/config/loadConfig.js';
import { MarketRun } from '../dist/marketModel/marketRun.js';

const args = process.argv.slice(2);
let slots = 1_000_000;
const paths = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--slots') slots = Number(args[++i]);
  else paths.push(args[i]);
}
if (!Number.isInteger(slots) || slots < 1) {
  console.error('--slots takes a positive integer');
  process.exit(2);
}
const shipped = ['configs/baseline.json', ...readdirSync('configs/scenarios').filter((f) => f.endsWith('.json')).sort().map((f) => join('configs/scenarios', f))];
const isMarket = (p) => (JSON.parse(readFileSync(p, 'utf8')).kind ?? 'market') === 'market';
const scenarios = (paths.length > 0 ? paths : shipped).filter(isMarket);

const CHUNK = 10_000; // slots per step, so a long run reports progress on stderr
const rows = [['scenario', 'slots', 'max rel. drift X', 'max rel. drift Y', 'time (s)']];
const print = (r) => console.log(`| ${r.join(' | ')} |`);
print(rows[0]);
print(rows[0].map(() => '---'));
let worst = 0;
for (const path of scenarios) {
  const start = process.hrtime.bigint();
  const run = MarketRun.start(loadConfig(path));
  for (let s = 0; s < slots; s += CHUNK) {
    run.step(Math.min(slots, s + CHUNK));
    if (process.stderr.isTTY) process.stderr.write(`\r${path}: ${Math.min(slots, s + CHUNK)} slots`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const { conservation } = run.result();
  const rel = (t) => Math.max(...conservation.rollups.map((r) => r[t].max_abs_drift / Math.abs(r[t].initial_total)));
  const [x, y] = [rel('x'), rel('y')];
  worst = Math.max(worst, x, y);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const row = [path, String(slots), x.toExponential(2), y.toExponential(2), seconds.toFixed(0)];
  rows.push(row);
  print(row);
}
console.log(`\nlargest relative drift: ${worst.toExponential(2)}`);
// Rounding alone stays many orders of magnitude below this; anything above it is a leak.
process.exit(worst < 1e-9 ? 0 : 1);
