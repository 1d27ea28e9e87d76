import { searcherKind } from '../agents/searchers/registry.js';
import type { CexConfig } from '../config/capitalSchema.js';
import type { MarketConfig, SearcherConfig } from '../config/schema.js';
import type { Token } from '../market/amm/types.js';
import { otherToken } from '../market/amm/otherToken.js';
import type { Balances } from '../market/orders/types.js';
import type { Tally } from './columns.js';
import type { SearcherState, WorldState } from './types.js';

/*
 * Searchers' capital and their CEX venue (config: capitalSchema.ts). A searcher's capital is on-chain
 * balances on each of its rollups at slot 0 (so they count in each rollup's initial supply: token
 * conservation holds with them); under `finance`, negative balances pay interest each slot from its
 * off-chain (CEX) account; its hedges pay the CEX's fee and price impact.
 */

/** The ids of the rollups searcher `s` acts on. */
const rollupIdsOf = (s: SearcherConfig): readonly string[] => searcherKind(s.kind).rollupsOf(s);

/**
 * What searcher `s` may spend on rollup `r` under `negative: "forbid"`: its balances there less what
 * its open lone legs hold (those tokens are promised to their unwind), floored at 0 — a balance a
 * bid or data fee paid after a trade left below zero funds nothing.
 */
export function spendableOn(s: SearcherState, r: number): Balances {
  const held = s.onchain[r]!;
  let [x, y] = [held.X, held.Y];
  for (const leg of s.openLegs) {
    if (leg.rollup !== r) continue;
    if (leg.token === 'X') x -= leg.amount;
    else y -= leg.amount;
  }
  return { X: Math.max(0, x), Y: Math.max(0, y) };
}

/** What searcher `s` holds on rollup `rollupId` at slot 0: its capital if it acts there, else nothing. */
export function initialHolding(s: SearcherConfig, rollupId: string): Balances {
  const c = s.capital;
  return c !== undefined && rollupIdsOf(s).includes(rollupId) ? { X: c.initialX, Y: c.initialY } : { X: 0, Y: 0 };
}

/** Σ over searchers of `token` their capital puts on rollup `rollupId` at slot 0 (part of its initial supply). */
export function initialCapitalOn(config: MarketConfig, rollupId: string, token: Token): number {
  let sum = 0;
  for (const s of config.searchers) sum += initialHolding(s, rollupId)[token];
  return sum;
}

/** Value at `priceYPerX` of the capital searcher `s` started with (Σ over its rollups); 0 without capital. */
export function initialCapitalY(s: SearcherConfig, priceYPerX: number): number {
  const c = s.capital;
  return c === undefined ? 0 : rollupIdsOf(s).length * (c.initialX * priceYPerX + c.initialY);
}

/**
 * Sells `amount` of `sold` on the CEX account `account` for the other token, at the reference price
 * `p` less the venue's costs; returns those costs in Y (0 for a free, infinitely deep venue).
 * With depth D (Y): the price falls linearly in the value sold, by v/D of it, so selling value v
 * realises ∫₀ᵛ (1 − s/D) ds = v − v²/(2D) (a linear order book, e.g. Kyle 1985's linear impact); at
 * most D is sold (the rest is not hedged: it stays in the on-chain inventory). Then the fee takes feeBp/10⁴ of the proceeds.
 */
export function hedgeOnCex(account: Balances, cex: CexConfig | undefined, sold: Token, amount: number, p: number): number {
  const bought = otherToken(sold);
  if (cex === undefined) {
    account[sold] -= amount;
    account[bought] += sold === 'X' ? amount * p : amount / p;
    return 0;
  }
  const depth = cex.depthY;
  const valueY = sold === 'X' ? amount * p : amount;
  const soldY = depth === undefined ? valueY : Math.min(valueY, depth);
  const impactY = depth === undefined ? 0 : (soldY * soldY) / (2 * depth);
  const realisedY = (soldY - impactY) * (1 - cex.feeBp / 10_000);
  account[sold] -= soldY === valueY ? amount : sold === 'X' ? soldY / p : soldY;
  account[bought] += bought === 'X' ? realisedY / p : realisedY;
  return soldY - realisedY;
}

/**
 * Interest on searchers' negative balances (`capital.negative: "finance"`): each slot, on each
 * rollup, `financeRatePerSlot` × the value at the reference of every negative balance, paid from the
 * searcher's off-chain (CEX) account in Y and added to the rollup's `finance_cost_y`.
 */
export function chargeFinancing(world: WorldState, tally: Tally<'settle'>[]): void {
  const p = world.refPriceYPerX;
  for (const s of world.searchers) {
    const c = world.config.searchers[s.index]!.capital;
    if (c?.negative !== 'finance' || c.financeRatePerSlot === 0) continue;
    s.onchain.forEach((b, r) => {
      const owedY = Math.max(0, -b.X) * p + Math.max(0, -b.Y);
      if (owedY === 0) return;
      const interestY = c.financeRatePerSlot * owedY;
      s.cex.Y -= interestY;
      tally[r]!.financeCostY += interestY;
    });
  }
}
