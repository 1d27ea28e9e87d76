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

// The worst-case rounding bound of test/marketModel/conservation.test.ts, with M the largest |balance|
// at the end of the run (balances mostly grow, so this is if anything tighter than the test's):
// |drift| ≤ 2^-52 · M · (8 · Σ_slots (user_swaps + 4·bids + 4) + H²). Reported as max drift ÷ bound.
const ULP = 2 ** -52;
const CHUNK = 10_000; // slots per step, so a long run reports progress on stderr
const rows = [['scenario', 'slots', 'max rel. drift X', 'max rel. drift Y', 'max drift ÷ bound', 'time (s)']];
const print = (r) => console.log(`| ${r.join(' | ')} |`);
print(rows[0]);
print(rows[0].map(() => '---'));
let worst = 0;
let worstOfBound = 0;
for (const path of scenarios) {
  const start = process.hrtime.bigint();
  const config = loadConfig(path);
  const ops = config.rollups.map(() => 0);
  const onSlot = (e) => e.rollups.forEach((r, i) => void (ops[i] += r.userCount + 4 * r.bidCount + 4));
  const run = MarketRun.start(config, { onSlot });
  for (let s = 0; s < slots; s += CHUNK) {
    run.step(Math.min(slots, s + CHUNK));
    if (process.stderr.isTTY) process.stderr.write(`\r${path}: ${Math.min(slots, s + CHUNK)} slots`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const { conservation } = run.result();
  const rel = (t) => Math.max(...conservation.rollups.map((r) => r[t].max_abs_drift / Math.abs(r[t].initial_total)));
  const [x, y] = [rel('x'), rel('y')];
  worst = Math.max(worst, x, y);
  const ofBound = Math.max(
    ...conservation.rollups.flatMap((r, i) =>
      ['x', 'y'].map((t) => {
        const c = r[t];
        const m = Math.max(c.initial_total, ...c.holders.map((h) => Math.abs(h.balance)));
        return c.max_abs_drift / (ULP * m * (8 * ops[i] + c.holders.length ** 2));
      }),
    ),
  );
  worstOfBound = Math.max(worstOfBound, ofBound);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const row = [path, String(slots), x.toExponential(2), y.toExponential(2), ofBound.toExponential(2), seconds.toFixed(0)];
  rows.push(row);
  print(row);
}
console.log(`\nlargest relative drift: ${worst.toExponential(2)}; largest drift ÷ rounding bound: ${worstOfBound.toExponential(2)}`);
// Rounding alone stays below the bound and many orders of magnitude below 1e-9; anything above is a leak.
process.exit(worst < 1e-9 && worstOfBound < 1 ? 0 : 1);
