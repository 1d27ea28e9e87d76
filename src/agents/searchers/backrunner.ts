import { swapExactIn } from '../../market/amm/index.js';
import { optimalArbQuote } from '../../market/arbitrage/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Bundle, UserSwap } from '../../market/orders/types.js';
import type { BidStrategy } from './bidStrategy.js';
import { defineSearcherKind, singleRollupFields, type SearcherView } from './searcherKind.js';
import { yToGas } from './units.js';

/** What a backrunner sees: one pool, its gas token, the reference price and the public mempool. */
export interface BackrunView {
  readonly searcher: number;
  readonly rollup: number;
  readonly pool: Pool;
  readonly gasToken: Token;
  readonly refPriceYPerX: number;
  /** Public pending swaps only: private ones never reach a searcher. */
  readonly publicPending: readonly UserSwap[];
  readonly minProfitY: number;
  /** Delay from a swap's arrival to the backrun's, ms. */
  readonly latencyMs: number;
}

/**
 * For each public user swap, estimates the arbitrage left right behind it (the swap simulated on
 * the current pool, then the optimal trade back toward the reference price) and bids for the
 * position behind it. The bundle carries no fixed legs: like an on-chain backrun contract it sizes
 * its trade against the pool state it actually meets.
 */
export function proposeBackruns(view: BackrunView, strategy: BidStrategy): Bundle[] {
  const out: Bundle[] = [];
  for (const tx of view.publicPending) {
    const after = swapExactIn(view.pool, tx.tokenIn, tx.amountIn).pool;
    const value = optimalArbQuote(after, view.refPriceYPerX).profitY;
    if (value <= view.minProfitY) continue;
    const { bidY: offered, decision } = strategy.bid({ valueY: value, rollup: view.rollup });
    const bidY = Math.min(value, offered);
    out.push({
      searcher: view.searcher,
      kind: 'backrun',
      target: { kind: 'backrun', rollup: view.rollup, userId: tx.id },
      legs: [],
      valueY: value,
      bidRollup: view.rollup,
      bidGas: yToGas(bidY, view.gasToken, view.refPriceYPerX),
      bidY,
      decision,
      hedge: true,
      arrivalMs: tx.arrivalMs + view.latencyMs,
    });
  }
  return out;
}

/** The single-rollup view the backrunner and the sandwicher take, from the common searcher view. */
export function backrunView(v: SearcherView): BackrunView {
  const r = v.rollups[0]!;
  return { searcher: v.searcher, rollup: r.index, pool: r.pool, gasToken: r.gasToken, refPriceYPerX: v.refPriceYPerX, publicPending: r.pending, minProfitY: v.minProfitY, latencyMs: v.latencyMs };
}

/** Searcher kind `backrun`: takes the position behind each public user swap on one rollup. */
export const backrun = defineSearcherKind({
  kind: 'backrun',
  summary: 'Searcher kind `backrun`: takes the position behind each public user swap on one rollup.',
  fields: singleRollupFields,
  rollupsOf: (c) => [c.rollup],
  mempool: 'behind',
  books: { swaps: 'backruns', profitY: 'backrunProfitY' },
  propose: (v, _config, strategy) => proposeBackruns(backrunView(v), strategy),
});
