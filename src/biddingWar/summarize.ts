import { concentration } from '../market/metrics/concentration.js';
import { STRATEGY_NAMES, type StrategyName } from '../agents/relay/strategies/registry.js';
import type { BidderRecord } from '../agents/bidding/types.js';
import type { BiddingWarConfig } from '../config/biddingWarSchema.js';
import { summariseShading } from './shading.js';
import type {
  AuctionRecord,
  BiddingWarSummary,
  BuilderSummary,
  StrategySummary,
} from './types.js';

interface Tally {
  wins: number;
  profitEth: number;
  efficiency: number;
  winningBidEth: number;
  decoyWins: number;
}

/**
 * The summary's running sums after some auctions, plain data (a checkpoint holds it). Sums are
 * added auction by auction in order, so a resumed run sums exactly as a straight one.
 */
export interface SummaryState {
  auctions: number;
  efficiency: number;
  winningBidEth: number;
  totalSignalEth: number;
  callTimeMs: number;
  withWinner: number;
  decoyWins: number;
  oracleAccuracy: number;
  /** By strategy, in the registry's order. */
  readonly byStrategy: Tally[];
  /** By builder, in config order. */
  readonly byBuilder: Tally[];
}

const emptyTally = (): Tally => ({ wins: 0, profitEth: 0, efficiency: 0, winningBidEth: 0, decoyWins: 0 });

function add(t: Tally, r: AuctionRecord): void {
  t.wins++;
  t.profitEth += r.winnerProfitEth;
  t.efficiency += r.efficiency;
  t.winningBidEth += r.winningBidEth;
  if (r.decoyWin) t.decoyWins++;
}

const meanOrNull = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

/** Sums auction records into the summary's per-strategy and per-builder results. */
export class SummaryAccumulator {
  private readonly builderIndex: Map<string, number>;

  private constructor(
    private readonly config: BiddingWarConfig,
    private readonly state: SummaryState,
  ) {
    this.builderIndex = new Map(config.builders.map((b, i) => [b.id, i]));
  }

  static create(config: BiddingWarConfig): SummaryAccumulator {
    return new SummaryAccumulator(config, {
      auctions: 0,
      efficiency: 0,
      winningBidEth: 0,
      totalSignalEth: 0,
      callTimeMs: 0,
      withWinner: 0,
      decoyWins: 0,
      oracleAccuracy: 0,
      byStrategy: STRATEGY_NAMES.map(emptyTally),
      byBuilder: config.builders.map(emptyTally),
    });
  }

  /** Continues from `toState()`'s copy (taken under the same config). */
  static fromState(config: BiddingWarConfig, state: SummaryState): SummaryAccumulator {
    if (state.byBuilder.length !== config.builders.length || state.byStrategy.length !== STRATEGY_NAMES.length)
      throw new RangeError(`the summary state has ${state.byBuilder.length} builders, the config ${config.builders.length}`);
    return new SummaryAccumulator(config, structuredClone(state));
  }

  toState(): SummaryState {
    return structuredClone(this.state);
  }

  add(r: AuctionRecord): void {
    const s = this.state;
    s.auctions++;
    s.efficiency += r.efficiency;
    s.winningBidEth += r.winningBidEth;
    s.totalSignalEth += r.totalSignalEth;
    s.callTimeMs += r.callTimeMs;
    if (r.decoyWin) s.decoyWins++;
    if (r.winner === null || r.winnerStrategy === null) return;
    s.withWinner++;
    if (r.winnerValueEth > 0) s.oracleAccuracy += r.winningBidEth / r.winnerValueEth;
    add(s.byStrategy[STRATEGY_NAMES.indexOf(r.winnerStrategy)]!, r);
    add(s.byBuilder[this.builderIndex.get(r.winner)!]!, r);
  }

  /** The summary so far; `shading` (by config index) adds each shading builder's fields. */
  result(shading: readonly (BidderRecord | null)[] = []): BiddingWarSummary {
    const { config, state: s } = this;
    const n = s.auctions;
    const byStrategy = Object.fromEntries(
      STRATEGY_NAMES.map((name, k): [StrategyName, StrategySummary] => {
        const t = s.byStrategy[k]!;
        const builders = config.builders.filter((b) => b.strategy === name).length;
        return [
          name,
          {
            builders,
            wins: t.wins,
            winShare: n > 0 ? t.wins / n : 0,
            totalProfitEth: t.profitEth,
            meanProfitEth: meanOrNull(t.profitEth, t.wins),
            meanProfitPerBuilderAuctionEth: meanOrNull(t.profitEth, builders * n),
            meanEfficiency: meanOrNull(t.efficiency, t.wins),
            meanWinningBidEth: meanOrNull(t.winningBidEth, t.wins),
            decoyWins: t.decoyWins,
          },
        ];
      }),
    ) as BiddingWarSummary['byStrategy'];
    const byBuilder: Record<string, BuilderSummary> = {};
    config.builders.forEach((b, i) => {
      const t = s.byBuilder[i]!;
      const record = shading[i];
      byBuilder[b.id] = {
        strategy: b.strategy,
        latencyMs: b.latencyMs,
        wins: t.wins,
        winShare: n > 0 ? t.wins / n : 0,
        totalProfitEth: t.profitEth,
        meanProfitEth: meanOrNull(t.profitEth, t.wins),
        ...(record && b.shading ? summariseShading(b.shading, record) : {}),
      };
    });
    return {
      auctions: n,
      auctionsWithWinner: s.withWinner,
      meanEfficiency: n > 0 ? s.efficiency / n : 0,
      meanWinningBidEth: n > 0 ? s.winningBidEth / n : 0,
      meanTotalSignalEth: n > 0 ? s.totalSignalEth / n : 0,
      meanCallTimeMs: n > 0 ? s.callTimeMs / n : 0,
      decoyWins: s.decoyWins,
      byStrategy,
      byBuilder,
      concentration: concentration(config.builders.map((b) => byBuilder[b.id]!.wins)),
      meanMevOracleAccuracy: meanOrNull(s.oracleAccuracy, s.withWinner),
    };
  }
}

/** Aggregates auction records into per-strategy and per-builder results (pure). */
export function summarize(
  config: BiddingWarConfig,
  records: readonly AuctionRecord[],
  shading: readonly (BidderRecord | null)[] = [],
): BiddingWarSummary {
  const acc = SummaryAccumulator.create(config);
  for (const r of records) acc.add(r);
  return acc.result(shading);
}
