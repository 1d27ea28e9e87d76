import { join } from 'node:path';
import type { MarketConfig } from '../config/schema.js';
import type { BiddingWarConfig } from '../model/biddingWar/schema.js';
import { runBiddingWar } from '../model/biddingWar/runBiddingWar.js';
import type { BiddingWarSummary } from '../model/biddingWar/types.js';
import { runMarket } from '../model/runMarket.js';
import type { RunSummary } from '../model/summary.js';
import { CsvWriter } from './csvWriter.js';
import { writeJson } from './runFolder.js';

/** Runs a market simulation into `dir`: `slots.csv` streamed row by row, then `summary.json`. */
export function writeMarketRun(config: MarketConfig, dir: string): RunSummary {
  const csv = new CsvWriter(join(dir, 'slots.csv'));
  const summary = runMarket(config, { onRow: (row) => csv.write(row) });
  csv.close();
  writeJson(dir, 'summary.json', summary);
  return summary;
}

/** Runs the bidding-war scenario into `dir`: `auctions.csv` (one row per auction), `summary.json`. */
export function writeBiddingWarRun(config: BiddingWarConfig, dir: string): BiddingWarSummary {
  const csv = new CsvWriter(join(dir, 'auctions.csv'));
  const { summary } = runBiddingWar(config, { onAuction: (rec) => csv.write({ ...rec }) });
  csv.close();
  writeJson(dir, 'summary.json', summary);
  return summary;
}
