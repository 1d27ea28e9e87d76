import { rememberLast } from './rememberLast.js';
import { z } from 'zod';
import { optimalCrossPoolArb, type CrossArb } from '../../market/arbitrage/index.js';
import type { Pool, Token } from '../../market/amm/types.js';
import type { Balances, Bundle, SwapLeg } from '../../market/orders/types.js';
import { cutCycleToCapital } from './cutToCapital.js';
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
  /** Position (0 or 1) of the rollup that pays an atomic bundle's bid, or `both` (split by `payOnRatio`). */
  readonly payOn: 0 | 1 | 'both';
  /** With `payOn: "both"`: the share of the bid's value paid on the first rollup, in (0, 1). */
  readonly payOnRatio?: number;
  readonly minProfitY: number;
  /** Id shared by the two legs of a split opportunity. */
  readonly group: number;
  /** When the bundles arrive (slot start + the searcher's latency), ms. */
  readonly arrivalMs: number;
  /** Under `capital.negative: "forbid"`: what it holds on each rollup, in `rollups` order (the cycle is cut to it); absent or null, unlimited. */
  readonly spendable?: readonly [Balances, Balances] | null;
}

/**
 * `optimalCrossPoolArb`, remembered for the last two pools: cross-rollup arbitrageurs on the same
 * rollups see the same pools in a slot, and would each work out the same cycle.
 */
const crossArbOf = rememberLast((poolA: Pool, poolB: Pool): CrossArb => optimalCrossPoolArb(poolA, poolB));

/**
 * Proposes the optimal two-pool cycle (buy X where it is cheaper, sell it on the other rollup).
 * `atomic`: one bundle over both rollups with one bid in `payOn`'s gas token (with `both`, a share
 * `payOnRatio` of its value in the first rollup's gas token and the rest in the second's); `split`:
 * one bundle per leg, each bidding half the bid in its own rollup's gas token.
 */
export function proposeCrossRollupBundles(view: CrossRollupView, strategy: BidStrategy): Bundle[] {
  const best = crossArbOf(view.pools[0], view.pools[1]);
  if (best.buyOn === null) return [];
  const [buy, sell] = best.buyOn === 'A' ? [0, 1] : [1, 0];
  const held = view.spendable;
  const arb = held ? cutCycleToCapital(view.pools[buy]!, view.pools[sell]!, best.amountYIn, held[buy]!.Y, held[sell]!.X) : best;
  if (arb === null || arb.profitY <= view.minProfitY) return [];
  const legs: SwapLeg[] = [
    { rollup: view.rollups[buy]!, tokenIn: 'Y', amountIn: arb.amountYIn, minAmountOut: arb.amountX * (1 - 1e-9) },
    { rollup: view.rollups[sell]!, tokenIn: 'X', amountIn: arb.amountX, minAmountOut: arb.amountYOut * (1 - 1e-9) },
  ];
  // Paid on both legs, the bid is expressed (and learned) on the first rollup, which pays its share.
  const payOn = view.payOn === 'both' ? 0 : view.payOn;
  const { bidY: offered, decision } = strategy.bid({ valueY: arb.profitY, rollup: view.rollups[payOn] });
  const bidY = Math.min(arb.profitY, offered);
  // Bundles are written with the fields in the order every kind writes them (searcher … arrivalMs, then
  // the optional ones), so the phases reading bundles of every kind see as few object shapes as possible.
  if (view.bundling === 'atomic') {
    const bundle: Mutable<Bundle> = {
      searcher: view.searcher,
      kind: 'cross-rollup',
      target: { kind: 'top' as const, rollups: [...view.rollups] },
      legs,
      valueY: arb.profitY,
      bidRollup: view.rollups[payOn],
      bidGas: yToGas(bidY, view.gasTokens[payOn], view.refPriceYPerX),
      bidY,
      decision,
      hedge: false,
      arrivalMs: view.arrivalMs,
    };
    if (view.payOn === 'both') bundle.bidSplit = { rollup: view.rollups[1], share: 1 - (view.payOnRatio ?? DEFAULT_PAY_ON_RATIO) };
    return [bundle];
  }
  return [buy, sell].map((side, i) => ({
    searcher: view.searcher,
    kind: 'cross-rollup' as const,
    target: { kind: 'top' as const, rollups: [view.rollups[side]!] },
    legs: [legs[i]!],
    valueY: arb.profitY / 2,
    bidRollup: view.rollups[side]!,
    bidGas: yToGas(bidY / 2, view.gasTokens[side]!, view.refPriceYPerX),
    bidY: bidY / 2,
    decision,
    hedge: false,
    arrivalMs: view.arrivalMs,
    group: view.group,
  }));
}

/** `T` with its fields writable (a bundle being put together). */
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** With `payOn: "both"` and no `payOnRatio`: half the bid on each leg. */
export const DEFAULT_PAY_ON_RATIO = 0.5;

/** Searcher kind `cross-rollup`: arbitrages the pools of two rollups against each other, atomically or leg by leg. */
export const crossRollup = defineSearcherKind({
  kind: 'cross-rollup',
  summary: 'Searcher kind `cross-rollup`: arbitrages the pools of two rollups against each other.',
  fields: {
    rollups: z.tuple([z.string().min(1), z.string().min(1)]).describe('Ids of the two (different) rollups whose pools this searcher arbitrages against each other.'),
    bundling: z.enum(['atomic', 'split']).default('atomic').describe("`atomic`: one bundle over both legs and one bid, paid on `payOn` in its gas token (only a shared sequencer can sell it; under `separate` sequencing it is sent split). `split`: one bundle and half the bid per leg, each paid in its own rollup's gas token, each leg won or lost on its own."),
    payOn: z.string().min(1).optional().describe('For atomic bundles: id of the rollup (one of `rollups`) whose gas token pays the bid, or `both`: the bid is split across the two legs\' gas tokens by `payOnRatio`, so buying them moves both pools in the same slot; absent, the first rollup.'),
    payOnRatio: z.number().gt(0).lt(1).optional().describe(`With \`payOn: "both"\` (configured or among \`choices.payOn\`): the share of the bid\'s value (at the reference price) paid in the first rollup\'s gas token, in (0, 1); the rest is paid in the second\'s. Absent: ${DEFAULT_PAY_ON_RATIO}.`),
    unwind: unwindSchema.default({ venue: 'pool' }).describe(unwindDescription),
  },
  rollupsOf: (c) => c.rollups,
  check: (c) => [
    ...(c.rollups[0] === c.rollups[1] ? [{ field: 'rollups', message: 'a cross-rollup searcher needs two different rollups' }] : []),
    ...(c.payOn !== undefined && c.payOn !== 'both' && !c.rollups.includes(c.payOn) ? [{ field: 'payOn', message: `payOn must be one of the searcher's rollups (${c.rollups.join(', ')}) or "both", but got "${c.payOn}"` }] : []),
    ...(c.payOn === 'both' && c.rollups.includes('both') ? [{ field: 'payOn', message: 'payOn "both" is ambiguous here: one of the rollups is named "both"; rename that rollup' }] : []),
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
      payOn: c.payOn === 'both' ? 'both' : c.payOn === undefined || c.payOn === a.id ? 0 : 1,
      minProfitY: v.minProfitY,
      group: v.group,
      arrivalMs: v.arrivalMs,
      spendable: v.spendable ? [v.spendable[0]!, v.spendable[1]!] : null,
    };
    // Set only when configured (no spread on this per-slot path: bench/README.md).
    if (c.payOnRatio !== undefined) (view as { payOnRatio?: number }).payOnRatio = c.payOnRatio;
    return proposeCrossRollupBundles(view, strategy);
  },
});
