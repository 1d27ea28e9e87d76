// runBiddingWar: the mev-boost open-outcry relay auction inside one slot, repeated.
import { readFileSync } from 'node:fs';
import { runBiddingWar } from '../../dist/index.js';

const config = JSON.parse(readFileSync(new URL('../../configs/scenarios/mev-boost-bidding-war.json', import.meta.url), 'utf8'));
const { records, summary } = runBiddingWar({ ...config, auctions: 200 });

console.log(`${records.length} auctions, mean efficiency ${summary.meanEfficiency.toFixed(3)}`);
const best = Object.entries(summary.byStrategy).sort(([, a], [, b]) => b.winShare - a.winShare)[0];
console.log(`most wins: ${best[0]} (${(100 * best[1].winShare).toFixed(1)}%)`);
