import { optimalSandwich } from '../../market/arbitrage/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Bundle } from '../../market/orders/types.js';
import { backrunView, type BackrunView } from './backrunner.js';
import type { BidStrategy } from './bidStrategy.js';
import { defineSearcherKind, singleRollupFields } from './searcherKind.js';
import { yToGas } from './units.js';

/**
 * For each public user swap, the most profitable sandwich up to the victim's slippage limit (front-
 * run sized against the current pool), bidding for the positions around the victim. Only offered
 * where the rollup lets the builder order freely: the caller never shows this searcher the swaps of
 * an `fcfs` rollup (nothing goes ahead of its target there) or an `encrypted` one (contents hidden).
 */
export function proposeSandwiches(view: BackrunView & { readonly pool: Pool; readonly gasToken: Token }, strategy: BidStrategy): Bundle[] {
  const out: Bundle[] = [];
  const p = view.refPriceYPerX;
  for (const tx of view.publicPending) {
    const s = optimalSandwich(view.pool, tx);
    if (!s) continue;
    const valueY = tx.tokenIn === 'X' ? s.profitInTokenIn * p : s.profitInTokenIn;
    if (valueY <= view.minProfitY) continue;
    const { bidY: offered, decision } = strategy.bid({ valueY, rollup: view.rollup });
    const bidY = Math.min(valueY, offered);
    out.push({
      searcher: view.searcher,
      kind: 'sandwich',
      target: { kind: 'sandwich', rollup: view.rollup, userId: tx.id },
      legs: [{ rollup: view.rollup, tokenIn: tx.tokenIn, amountIn: s.frontIn, minAmountOut: s.frontOut * (1 - 1e-9) }],
      valueY,
      bidRollup: view.rollup,
      bidGas: yToGas(bidY, view.gasToken, p),
      bidY,
      decision,
      hedge: false, // the back-run sells what the front-run bought: no position is left to hedge
      arrivalMs: tx.arrivalMs + view.latencyMs,
    });
  }
  return out;
}

/** Searcher kind `sandwich`: the positions around each public user swap, up to the victim's slippage limit. */
export const sandwich = defineSearcherKind({
  kind: 'sandwich',
  summary: "Searcher kind `sandwich`: takes the positions around each public user swap on one rollup, up to the victim's slippage limit.",
  fields: singleRollupFields,
  rollupsOf: (c) => [c.rollup],
  mempool: 'around',
  // Users sandwiched are counted by the execute step when front-run, victim and back-run all land.
  books: { swaps: null, profitY: 'sandwichProfitY' },
  propose: (v, _config, strategy) => proposeSandwiches(backrunView(v), strategy),
});
