import type { BidderRecord } from '../agents/bidding/types.js';
import type { BiddingWarConfig } from '../config/biddingWarSchema.js';
import { createContext, type BiddingWarContext } from './context.js';
import { runAuction } from './runAuction.js';
import { chooseShades, createShadingRecords, learnShading, shadingOutcomes } from './shading.js';
import { SummaryAccumulator, type SummaryState } from './summarize.js';
import type { AuctionRecord, BiddingWarSummary } from './types.js';

/** Version of the snapshot's layout; a snapshot of another layout is refused. */
export const BIDDING_WAR_SNAPSHOT_LAYOUT = 1;

/**
 * A bidding war's state between two auctions, as plain JSON. Auctions draw from their own streams
 * (`biddingWar/auction/<k>/…`), so no stream state is kept: what carries from one auction to the
 * next is the shading builders' records (their learners) and the summary's running sums.
 */
export interface BiddingWarSnapshot {
  layout: typeof BIDDING_WAR_SNAPSHOT_LAYOUT;
  nextAuction: number;
  /** By config index; null for a builder without `shading`. */
  shading: (BidderRecord | null)[];
  summary: SummaryState;
}

export interface BiddingWarRunOptions {
  /** Called with each auction's record as soon as it is done. */
  readonly onAuction?: (record: AuctionRecord) => void;
}

/**
 * A bidding war that can be stepped in pieces, snapshotted between auctions and restored: a run
 * restored from a snapshot taken after auction k and stepped on gives the same records and summary
 * as a straight run. Each auction: the learners choose their shades (decide), the auction runs, the
 * shading builders learn (apply), the summary adds the record.
 */
export class BiddingWarRun {
  private readonly ctx: BiddingWarContext;
  /** Whether any builder has `shading` (else an auction runs exactly as without this module). */
  private readonly shades: boolean;

  private constructor(
    private readonly config: BiddingWarConfig,
    private readonly shading: (BidderRecord | null)[],
    private readonly summary: SummaryAccumulator,
    public nextAuction: number,
    private readonly opts: BiddingWarRunOptions,
  ) {
    this.ctx = createContext(config);
    this.shades = shading.some((r) => r !== null);
  }

  /** A run at auction 0 (`config` validated). */
  static start(config: BiddingWarConfig, opts: BiddingWarRunOptions = {}): BiddingWarRun {
    return new BiddingWarRun(config, createShadingRecords(config), SummaryAccumulator.create(config), 0, opts);
  }

  /**
   * Continues a run from `snapshot()` (the config must be the one it was taken under).
   * @throws RangeError for a snapshot of another layout or another number of builders.
   */
  static restore(config: BiddingWarConfig, snap: BiddingWarSnapshot, opts: BiddingWarRunOptions = {}): BiddingWarRun {
    if (snap.layout !== BIDDING_WAR_SNAPSHOT_LAYOUT)
      throw new RangeError(`bidding-war snapshot layout ${String(snap.layout)}, this seqsim reads ${BIDDING_WAR_SNAPSHOT_LAYOUT}`);
    if (snap.shading.length !== config.builders.length || snap.shading.some((r, i) => (r === null) !== (config.builders[i]!.shading === undefined)))
      throw new RangeError('the snapshot\'s shading records do not match the config\'s builders');
    return new BiddingWarRun(config, structuredClone(snap.shading), SummaryAccumulator.fromState(config, snap.summary), snap.nextAuction, opts);
  }

  /** Runs auctions `nextAuction` … `toAuction − 1`. */
  step(toAuction: number): void {
    for (; this.nextAuction < toAuction; this.nextAuction++) {
      const auction = this.nextAuction;
      const choice = chooseShades(this.config, this.shading, auction);
      const record = runAuction(this.ctx, auction, choice ? { shades: choice.shades } : {});
      if (this.shades) learnShading(this.config, this.shading, shadingOutcomes(this.ctx), choice, auction);
      this.summary.add(record);
      this.opts.onAuction?.(record);
    }
  }

  /** A copy of the state between auctions (plain JSON). */
  snapshot(): BiddingWarSnapshot {
    return { layout: BIDDING_WAR_SNAPSHOT_LAYOUT, nextAuction: this.nextAuction, shading: structuredClone(this.shading), summary: this.summary.toState() };
  }

  result(): BiddingWarSummary {
    return this.summary.result(this.shading);
  }
}
