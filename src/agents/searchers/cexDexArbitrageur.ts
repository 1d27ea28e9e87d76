import { optimalArbAgainstPrice } from '../../market/arbitrage/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Bundle } from '../../market/orders/types.js';
import type { BidStrategy } from './bidStrategy.js';
import { defineSearcherKind, singleRollupFields } from './searcherKind.js';
import { yToGas } from './units.js';

/** What a CEX-DEX arbitrageur sees: one pool, its gas token and the reference price. */
export interface CexDexView {
  readonly searcher: number;
  readonly rollup: number;
  readonly pool: Pool;
  readonly gasToken: Token;
  readonly refPriceYPerX: number;
  readonly minProfitY: number;
  /** When the bundle arrives (slot start + the searcher's latency), ms. */
  readonly arrivalMs: number;
}

/**
 * Proposes the profit-maximising swap of the pool against the reference price as a top-of-block
 * bundle, bidding by `strategy`; nothing when the price sits inside the no-arbitrage band or the
 * profit is at or below the searcher's threshold.
 */
export function proposeCexDexBundle(view: CexDexView, strategy: BidStrategy): Bundle | null {
  const trade = optimalArbAgainstPrice(view.pool, view.refPriceYPerX);
  if (trade.tokenIn === null || trade.profitY <= view.minProfitY) return null;
  const { bidY: offered, decision } = strategy.bid({ valueY: trade.profitY, rollup: view.rollup });
  const bidY = Math.min(trade.profitY, offered);
  return {
    searcher: view.searcher,
    kind: 'cex-dex',
    target: { kind: 'top', rollups: [view.rollup] },
    legs: [{ rollup: view.rollup, tokenIn: trade.tokenIn, amountIn: trade.amountIn, minAmountOut: trade.amountOut * (1 - 1e-9) }],
    valueY: trade.profitY,
    bidRollup: view.rollup,
    bidGas: yToGas(bidY, view.gasToken, view.refPriceYPerX),
    bidY,
    decision,
    hedge: true,
    arrivalMs: view.arrivalMs,
  };
}

/** Searcher kind `cex-dex`: arbitrages one rollup's pool against the reference (CEX) price, hedging on the CEX. */
export const cexDex = defineSearcherKind({
  kind: 'cex-dex',
  summary: "Searcher kind `cex-dex`: arbitrages one rollup's pool against the reference price.",
  fields: singleRollupFields,
  rollupsOf: (c) => [c.rollup],
  mempool: 'none',
  books: { swaps: 'arbCount', profitY: 'arbProfitY' },
  propose(v, _config, strategy) {
    const r = v.rollups[0]!;
    const view = { searcher: v.searcher, rollup: r.index, pool: r.pool, gasToken: r.gasToken, refPriceYPerX: v.refPriceYPerX, minProfitY: v.minProfitY, arrivalMs: v.arrivalMs };
    const bundle = proposeCexDexBundle(view, strategy);
    return bundle ? [bundle] : [];
  },
});
