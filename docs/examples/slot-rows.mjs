// slotRows: turn one slot event of simulate$ into its slots.csv rows (one per rollup).
import { readFileSync } from 'node:fs';
import { resolveMarketConfig, simulate$, slotRows } from '../../dist/index.js';

const raw = JSON.parse(readFileSync(new URL('../../configs/baseline.json', import.meta.url), 'utf8'));
const config = resolveMarketConfig(raw, { sets: ['slots=50'] });

let bids = 0;
simulate$(config).subscribe((slot) => {
  for (const row of slotRows(slot)) bids += row.winning_bid_y;
});
console.log(`winning bids over ${config.slots} slots: ${bids.toFixed(2)} Y`);
