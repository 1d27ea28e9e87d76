import { createContext } from './context.js';
import { runAuction } from './runAuction.js';
import { parseBiddingWarConfig, type BiddingWarConfigInput } from '../config/biddingWarSchema.js';
import { summarize } from './summarize.js';
import type { AuctionRecord, BiddingWarSummary } from './types.js';

export interface RunBiddingWarOptions {
  /** Called with each auction's record as soon as it is done (e.g. to stream rows to a sink). */
  readonly onAuction?: (record: AuctionRecord) => void;
}

export interface BiddingWarResult {
  readonly records: AuctionRecord[];
  readonly summary: BiddingWarSummary;
}

/**
 * Runs `config.auctions` independent auctions of the bidding-war scenario (validating the config
 * first) and summarizes them. Everything is determined by `config.seed`: the same config gives
 * identical records.
 */
export function runBiddingWar(
  config: BiddingWarConfigInput,
  opts: RunBiddingWarOptions = {},
): BiddingWarResult {
  const parsed = parseBiddingWarConfig(config);
  const ctx = createContext(parsed);
  const records: AuctionRecord[] = [];
  for (let auction = 0; auction < parsed.auctions; auction++) {
    const record = runAuction(ctx, auction);
    records.push(record);
    opts.onAuction?.(record);
  }
  return { records, summary: summarize(parsed, records) };
}
