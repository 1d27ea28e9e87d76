import { rememberLast } from './rememberLast.js';
import { optimalArbQuote, type ArbQuote } from '../../market/arbitrage/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Balances, Bundle } from '../../market/orders/types.js';
import { cutToCapital } from './cutToCapital.js';
import { bestHedgedTrade, type CexVenue } from './hedgedTrade.js';
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
  /** Under `capital.negative: "forbid"`: what it holds on the rollup (a swap spends at most that); absent or null, unlimited. */
  readonly spendable?: Balances | null;
  /** Its CEX venue (fee, depth), anticipated in sizing; absent or null, free and infinitely deep. */
  readonly cex?: CexVenue | null;
}

/**
 * `optimalArbQuote`, remembered for the last pool and price: arbitrageurs on the same rollup see
 * the same pool at the same reference price in a slot, and would each work out the same quote.
 */
const arbQuoteOf = rememberLast((pool: Pool, priceYPerX: number): ArbQuote => optimalArbQuote(pool, priceYPerX));

/**
 * Proposes the profit-maximising swap of the pool against the reference price as a top-of-block
 * bundle, bidding by `strategy`; nothing when the price sits inside the no-arbitrage band or the
 * profit is at or below the searcher's threshold. With `spendable`, the swap is cut to what it holds;
 * with a `cex` venue, it is sized for, and valued at, the hedge's net of fee and impact.
 */
export function proposeCexDexBundle(view: CexDexView, strategy: BidStrategy): Bundle | null {
  const best = arbQuoteOf(view.pool, view.refPriceYPerX);
  if (best.tokenIn === null) return null;
  const maxIn = view.spendable ? view.spendable[best.tokenIn] : best.amountIn;
  // With a CEX venue it sizes for the hedge's net (fee and impact); without one, the closed-form optimum.
  const trade = view.cex ? bestHedgedTrade(view.pool, best.tokenIn, Math.min(best.amountIn, maxIn), view.refPriceYPerX, view.cex) : view.spendable ? cutToCapital(view.pool, best.tokenIn, best.amountIn, maxIn, view.refPriceYPerX) : best;
  if (trade === null || trade.profitY <= view.minProfitY) return null;
  const { bidY: offered, decision } = strategy.bid({ valueY: trade.profitY, rollup: view.rollup });
  const bidY = Math.min(trade.profitY, offered);
  return {
    searcher: view.searcher,
    kind: 'cex-dex',
    target: { kind: 'top', rollups: [view.rollup] },
    legs: [{ rollup: view.rollup, tokenIn: best.tokenIn, amountIn: trade.amountIn, minAmountOut: trade.amountOut * (1 - 1e-9) }],
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
  hedges: true,
  books: { swaps: 'arbCount', profitY: 'arbProfitY' },
  propose(v, _config, strategy) {
    const r = v.rollups[0]!;
    const view = { searcher: v.searcher, rollup: r.index, pool: r.pool, gasToken: r.gasToken, refPriceYPerX: v.refPriceYPerX, minProfitY: v.minProfitY, arrivalMs: v.arrivalMs, spendable: v.spendable?.[0] ?? null, cex: v.cex ?? null };
    const bundle = proposeCexDexBundle(view, strategy);
    return bundle ? [bundle] : [];
  },
});
