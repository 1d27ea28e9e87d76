import { z } from 'zod';
import { optimalCrossPoolArb } from '../../market/arbitrage/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Bundle, SwapLeg } from '../../market/orders/types.js';
import type { BidStrategy } from './bidStrategy.js';
import { defineSearcherKind } from './searcherKind.js';
import { unwindDescription, unwindSchema } from './unwindVenue.js';
import { yToGas } from './units.js';

/** What a cross-rollup arbitrageur sees: the two pools and their gas tokens. */
export interface CrossRollupView {
  readonly searcher: number;
  /** Rollup indices [a, b] and their pools and gas tokens, in the same order. */
  readonly rollups: readonly [number, number];
  readonly pools: readonly [Pool, Pool];
  readonly gasTokens: readonly [Token, Token];
  readonly refPriceYPerX: number;
  readonly bundling: 'atomic' | 'split';
  /** Position (0 or 1) of the rollup that pays an atomic bundle's bid. */
  readonly payOn: 0 | 1;
  readonly minProfitY: number;
  /** Id shared by the two legs of a split opportunity. */
  readonly group: number;
  /** When the bundles arrive (slot start + the searcher's latency), ms. */
  readonly arrivalMs: number;
}

/**
 * Proposes the optimal two-pool cycle (buy X where it is cheaper, sell it on the other rollup).
 * `atomic`: one bundle over both rollups with one bid in `payOn`'s gas token; `split`: one bundle
 * per leg, each bidding half the bid in its own rollup's gas token.
 */
export function proposeCrossRollupBundles(view: CrossRollupView, strategy: BidStrategy): Bundle[] {
  const arb = optimalCrossPoolArb(view.pools[0], view.pools[1]);
  if (arb.buyOn === null || arb.profitY <= view.minProfitY) return [];
  const [buy, sell] = arb.buyOn === 'A' ? [0, 1] : [1, 0];
  const legs: SwapLeg[] = [
    { rollup: view.rollups[buy]!, tokenIn: 'Y', amountIn: arb.amountYIn, minAmountOut: arb.amountX * (1 - 1e-9) },
    { rollup: view.rollups[sell]!, tokenIn: 'X', amountIn: arb.amountX, minAmountOut: arb.amountYOut * (1 - 1e-9) },
  ];
  const { bidY: offered, decision } = strategy.bid({ valueY: arb.profitY, rollup: view.rollups[view.payOn] });
  const bidY = Math.min(arb.profitY, offered);
  if (view.bundling === 'atomic') {
    return [{
      searcher: view.searcher,
      kind: 'cross-rollup',
      hedge: false,
      arrivalMs: view.arrivalMs,
      target: { kind: 'top' as const, rollups: [...view.rollups] },
      legs,
      valueY: arb.profitY,
      bidRollup: view.rollups[view.payOn],
      bidGas: yToGas(bidY, view.gasTokens[view.payOn], view.refPriceYPerX),
      bidY,
      decision,
    }];
  }
  return [buy, sell].map((side, i) => ({
    searcher: view.searcher,
    kind: 'cross-rollup' as const,
    hedge: false,
    arrivalMs: view.arrivalMs,
    target: { kind: 'top' as const, rollups: [view.rollups[side]!] },
    legs: [legs[i]!],
    valueY: arb.profitY / 2,
    bidRollup: view.rollups[side]!,
    bidGas: yToGas(bidY / 2, view.gasTokens[side]!, view.refPriceYPerX),
    bidY: bidY / 2,
    group: view.group,
    decision,
  }));
}

/** Searcher kind `cross-rollup`: arbitrages the pools of two rollups against each other, atomically or leg by leg. */
export const crossRollup = defineSearcherKind({
  kind: 'cross-rollup',
  summary: 'Searcher kind `cross-rollup`: arbitrages the pools of two rollups against each other.',
  fields: {
    rollups: z.tuple([z.string().min(1), z.string().min(1)]).describe('Ids of the two (different) rollups whose pools this searcher arbitrages against each other.'),
    bundling: z.enum(['atomic', 'split']).default('atomic').describe("`atomic`: one bundle over both legs and one bid, paid on `payOn` in its gas token (only a shared sequencer can sell it; under `separate` sequencing it is sent split). `split`: one bundle and half the bid per leg, each paid in its own rollup's gas token, each leg won or lost on its own."),
    payOn: z.string().min(1).optional().describe('For atomic bundles: id of the rollup (one of `rollups`) whose gas token pays the bid; absent, the first.'),
    unwind: unwindSchema.default({ venue: 'pool' }).describe(unwindDescription),
  },
  rollupsOf: (c) => c.rollups,
  check: (c) => [
    ...(c.rollups[0] === c.rollups[1] ? [{ field: 'rollups', message: 'a cross-rollup searcher needs two different rollups' }] : []),
    ...(c.payOn !== undefined && !c.rollups.includes(c.payOn) ? [{ field: 'payOn', message: `payOn must be one of the searcher's rollups (${c.rollups.join(', ')}), but got "${c.payOn}"` }] : []),
  ],
  mempool: 'none',
  legGroups: true,
  books: { swaps: 'crossArbLegs', profitY: 'crossArbProfitY' },
  propose(v, c, strategy) {
    const [a, b] = [v.rollups[0]!, v.rollups[1]!];
    const view: CrossRollupView = {
      searcher: v.searcher,
      rollups: [a.index, b.index],
      pools: [a.pool, b.pool],
      gasTokens: [a.gasToken, b.gasToken],
      refPriceYPerX: v.refPriceYPerX,
      // Separate sequencers cannot sell an atomic bundle: it can only be bid leg by leg.
      bundling: v.atomicAllowed ? c.bundling : 'split',
      payOn: c.payOn === undefined || c.payOn === a.id ? 0 : 1,
      minProfitY: v.minProfitY,
      group: v.group,
      arrivalMs: v.arrivalMs,
    };
    return proposeCrossRollupBundles(view, strategy);
  },
});
