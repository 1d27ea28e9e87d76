// Measures the per-cell sizes behind the output-size estimate of `seqsim run` (src/io/outputSize.ts):
// runs every shipped market scenario (configs/baseline.json and configs/scenarios/*.json) for N slots,
// and prints, per scenario and over all of them, the mean bytes of a CSV value by column type
// (count, amount, flag, text; without the separator) and the bytes per cell of slots.parquet (its
// file size ÷ rows ÷ columns). JSONL needs no measurement of its own: a JSONL cell is its CSV value
// plus its key and punctuation. Builds first: `npm run build && node scripts/measure-output-sizes.mjs`.
//
//   node scripts/measure-output-sizes.mjs [--slots N]
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../dist/config/loadConfig.js';
import { MarketRun } from '../dist/marketModel/marketRun.js';
import { recordedColumns } from '../dist/marketModel/recording.js';
import { csvField } from '../dist/io/csvWriter.js';
import { writeMarketRun } from '../dist/io/writeRun.js';

const args = process.argv.slice(2);
const slots = args[0] === '--slots' ? Number(args[1]) : 2000;
const shipped = ['configs/baseline.json', ...readdirSync('configs/scenarios').filter((f) => f.endsWith('.json')).sort().map((f) => join('configs/scenarios', f))];
const isMarket = (p) => (JSON.parse(readFileSync(p, 'utf8')).kind ?? 'market') === 'market';
const types = ['count', 'amount', 'flag', 'text'];
const all = Object.fromEntries(types.map((t) => [t, { bytes: 0, cells: 0 }]));
let parquetBytes = 0;
let parquetCells = 0;
const f = (x) => x.toFixed(2).padStart(7);
console.log(`mean bytes of a CSV value by column type, and parquet bytes per cell, at ${slots} slots`);
console.log(`${'scenario'.padEnd(46)}${types.map((t) => t.padStart(7)).join('')}parquet`);
for (const path of shipped.filter(isMarket)) {
  const config = loadConfig(path, [`slots=${slots}`]);
  const columns = recordedColumns(config);
  const mine = Object.fromEntries(types.map((t) => [t, { bytes: 0, cells: 0 }]));
  let rows = 0;
  const run = MarketRun.start(config, {
    onRow: (row) => {
      rows++;
      for (const c of columns) {
        const s = mine[c.type];
        s.bytes += Buffer.byteLength(csvField(row[c.name]));
        s.cells++;
      }
    },
  });
  run.step(config.slots);
  const dir = mkdtempSync(join(tmpdir(), 'seqsim-sizes-'));
  writeMarketRun(config, dir, { format: 'parquet' });
  const pq = statSync(join(dir, 'slots.parquet')).size;
  parquetBytes += pq;
  parquetCells += rows * columns.length;
  for (const t of types) {
    all[t].bytes += mine[t].bytes;
    all[t].cells += mine[t].cells;
  }
  console.log(`${path.padEnd(46)}${types.map((t) => f(mine[t].bytes / Math.max(mine[t].cells, 1))).join('')}${f(pq / (rows * columns.length))}`);
}
console.log(`${'all'.padEnd(46)}${types.map((t) => f(all[t].bytes / all[t].cells)).join('')}${f(parquetBytes / parquetCells)}`);
