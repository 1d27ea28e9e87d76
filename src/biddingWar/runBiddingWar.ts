import { parseBiddingWarConfig, type BiddingWarConfigInput } from '../config/biddingWarSchema.js';
import { BiddingWarRun } from './biddingWarRun.js';
import type { AuctionRecord, BiddingWarSummary } from './types.js';

export interface RunBiddingWarOptions {
  /** Called with each auction's record as soon as it is done (e.g. to stream rows to a sink). */
  readonly onAuction?: (record: AuctionRecord) => void;
  /** Keep every record in the result (default true); a caller that streams them with `onAuction` passes false, so memory stays flat however many auctions run. */
  readonly keepRecords?: boolean;
}

export interface BiddingWarResult {
  /** Every auction's record, in order (empty with `keepRecords: false`). */
  readonly records: AuctionRecord[];
  readonly summary: BiddingWarSummary;
}

/**
 * Runs `config.auctions` auctions of the bidding-war scenario (validating the config first) and
 * summarizes them. The auctions are independent unless builders learn their shading (then each
 * depends on the learners' states after the ones before). Everything is determined by
 * `config.seed`: the same config gives identical records.
 */
export function runBiddingWar(
  config: BiddingWarConfigInput,
  opts: RunBiddingWarOptions = {},
): BiddingWarResult {
  const parsed = parseBiddingWarConfig(config);
  const records: AuctionRecord[] = [];
  const keep = opts.keepRecords ?? true;
  const run = BiddingWarRun.start(parsed, {
    onAuction: (record) => {
      if (keep) records.push(record);
      opts.onAuction?.(record);
    },
  });
  run.step(parsed.auctions);
  return { records, summary: run.result() };
}
