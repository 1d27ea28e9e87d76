import { concentration } from '../market/metrics/concentration.js';
import { STRATEGY_NAMES, type StrategyName } from '../agents/relay/strategies/registry.js';
import type { BiddingWarConfig } from '../config/biddingWarSchema.js';
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

const emptyTally = (): Tally => ({ wins: 0, profitEth: 0, efficiency: 0, winningBidEth: 0, decoyWins: 0 });

function add(t: Tally, r: AuctionRecord): void {
  t.wins++;
  t.profitEth += r.winnerProfitEth;
  t.efficiency += r.efficiency;
  t.winningBidEth += r.winningBidEth;
  if (r.decoyWin) t.decoyWins++;
}

const meanOrNull = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

/** Aggregates auction records into per-strategy and per-builder results (pure). */
export function summarize(config: BiddingWarConfig, records: readonly AuctionRecord[]): BiddingWarSummary {
  const n = records.length;
  const byStrategyTally = new Map<StrategyName, Tally>(STRATEGY_NAMES.map((s) => [s, emptyTally()]));
  const byBuilderTally = new Map<string, Tally>(config.builders.map((b) => [b.id, emptyTally()]));
  let efficiency = 0;
  let winningBid = 0;
  let totalSignal = 0;
  let callTime = 0;
  let withWinner = 0;
  let decoyWins = 0;
  let oracleAccuracy = 0;
  for (const r of records) {
    efficiency += r.efficiency;
    winningBid += r.winningBidEth;
    totalSignal += r.totalSignalEth;
    callTime += r.callTimeMs;
    if (r.decoyWin) decoyWins++;
    if (r.winner === null || r.winnerStrategy === null) continue;
    withWinner++;
    if (r.winnerValueEth > 0) oracleAccuracy += r.winningBidEth / r.winnerValueEth;
    add(byStrategyTally.get(r.winnerStrategy)!, r);
    add(byBuilderTally.get(r.winner)!, r);
  }
  const byStrategy = Object.fromEntries(
    STRATEGY_NAMES.map((s): [StrategyName, StrategySummary] => {
      const t = byStrategyTally.get(s)!;
      const builders = config.builders.filter((b) => b.strategy === s).length;
      return [
        s,
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
  for (const b of config.builders) {
    const t = byBuilderTally.get(b.id)!;
    byBuilder[b.id] = {
      strategy: b.strategy,
      latencyMs: b.latencyMs,
      wins: t.wins,
      winShare: n > 0 ? t.wins / n : 0,
      totalProfitEth: t.profitEth,
      meanProfitEth: meanOrNull(t.profitEth, t.wins),
    };
  }
  return {
    auctions: n,
    auctionsWithWinner: withWinner,
    meanEfficiency: n > 0 ? efficiency / n : 0,
    meanWinningBidEth: n > 0 ? winningBid / n : 0,
    meanTotalSignalEth: n > 0 ? totalSignal / n : 0,
    meanCallTimeMs: n > 0 ? callTime / n : 0,
    decoyWins,
    byStrategy,
    byBuilder,
    concentration: concentration(config.builders.map((b) => byBuilder[b.id]!.wins)),
    meanMevOracleAccuracy: meanOrNull(oracleAccuracy, withWinner),
  };
}
