import { z } from 'zod';
import { optimalArbAgainstPrice } from '../../market/arbitrage/index.js';
import { cutToCapital } from './cutToCapital.js';
import { bestHedgedTrade } from './hedgedTrade.js';
import { defineSearcherKind } from './searcherKind.js';
import { yToGas } from './units.js';

/**
 * Searcher kind `capped-cex-dex`: a CEX-DEX arbitrageur with limited capital. It trades toward the
 * reference price like `cex-dex`, but never more than `maxTradeY` (Y at the reference price) per
 * slot, so a large gap closes over several blocks. Profit of the capped trade at the reference price.
 */
export const cappedCexDex = defineSearcherKind({
  kind: 'capped-cex-dex',
  summary: 'Searcher kind `capped-cex-dex`: a CEX-DEX arbitrageur that trades at most `maxTradeY` per slot.',
  fields: {
    rollup: z.string().min(1).describe('Id of the rollup whose pool this searcher works.'),
    maxTradeY: z.number().positive().finite().describe('Most it trades per slot: the input of its swap, Y at the reference price (> 0).'),
  },
  rollupsOf: (c) => [c.rollup],
  mempool: 'none',
  hedges: true,
  books: { swaps: 'cappedArbCount', profitY: 'cappedArbProfitY' },
  columns: [
    { name: 'capped_arb_trades', field: 'cappedArbCount', type: 'count', unit: 'swaps', meaning: 'Executed swaps of capped CEX-DEX arbitrageurs.', summary: { sum: 'capped_arb_trades' } },
    { name: 'capped_arb_profit_y', field: 'cappedArbProfitY', type: 'amount', unit: 'Y', meaning: 'Their gross profit at the reference price (before bids).', summary: { sum: 'capped_arb_profit_y', total: true } },
  ],
  propose(v, c, strategy) {
    const r = v.rollups[0]!;
    const p = v.refPriceYPerX;
    const best = optimalArbAgainstPrice(r.pool, p);
    if (best.tokenIn === null) return [];
    const capped = Math.min(best.amountIn, best.tokenIn === 'Y' ? c.maxTradeY : c.maxTradeY / p);
    // Under `capital.negative: "forbid"`, also no more than it holds.
    const maxIn = v.spendable ? Math.min(capped, v.spendable[0]![best.tokenIn]) : capped;
    // With a CEX venue, sized for the hedge's net of fee and impact (hedgedTrade.ts).
    const trade = v.cex ? bestHedgedTrade(r.pool, best.tokenIn, maxIn, p, v.cex) : cutToCapital(r.pool, best.tokenIn, maxIn, maxIn, p);
    if (trade === null || trade.profitY <= v.minProfitY) return [];
    const { amountIn, amountOut: out, profitY: valueY } = trade;
    const { bidY: offered, decision } = strategy.bid({ valueY, rollup: r.index });
    const bidY = Math.min(valueY, offered);
    const leg = { rollup: r.index, tokenIn: best.tokenIn, amountIn, minAmountOut: out * (1 - 1e-9) };
    return [{ searcher: v.searcher, kind: 'capped-cex-dex', target: { kind: 'top', rollups: [r.index] }, legs: [leg], valueY, bidRollup: r.index, bidGas: yToGas(bidY, r.gasToken, p), bidY, decision, hedge: true, arrivalMs: v.arrivalMs }];
  },
});
