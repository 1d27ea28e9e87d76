import type { Token } from '../market/amm/types.js';
import type { Balances } from '../market/orders/types.js';
import type { WorldState } from './types.js';

/*
 * Token conservation. Every unit of X and Y on a rollup is held by someone in the persistent world:
 * the pool's reserves, each searcher's on-chain inventory, the users (one net account per rollup),
 * each builder, the proposer, the rollup's treasury, and what the mechanism burned or paid the
 * committee. Every apply step only moves tokens between these holders, so their sum stays equal to
 * the pool's initial reserves up to floating-point rounding. Off-chain flows are not rollup tokens
 * and are not counted: a searcher's CEX hedge account, losing builders' payments (all-pay, Tullock)
 * and the part of a winning builder's price above what it received, all settled in Y off-chain.
 */

/** One holder of a rollup's tokens and its balance of each. */
export interface Holding {
  /** `pool`, `users`, `treasury`, `proposer`, `burned`, `committee`, `searcher:<id>` or `builder:<id>`. */
  readonly holder: string;
  readonly balances: Readonly<Balances>;
}

/** Every holder of rollup `r`'s tokens, in a fixed order. */
export function holdingsOf(world: WorldState, r: number): Holding[] {
  const rollup = world.rollups[r]!;
  return [
    { holder: 'pool', balances: { X: rollup.pool.reserveX, Y: rollup.pool.reserveY } },
    { holder: 'users', balances: rollup.users },
    { holder: 'treasury', balances: rollup.treasury },
    { holder: 'proposer', balances: world.proposer.holdings[r]! },
    { holder: 'burned', balances: rollup.burned },
    { holder: 'committee', balances: rollup.committee },
    ...world.searchers.map((s) => ({ holder: `searcher:${s.id}`, balances: s.onchain[r]! })),
    ...world.builders.map((b) => ({ holder: `builder:${b.id}`, balances: b.holdings[r]! })),
  ];
}

/** Σ over every holder of `token` on rollup `r` (the same order as `holdingsOf`). */
export function supplyOf(world: WorldState, r: number, token: Token): number {
  const rollup = world.rollups[r]!;
  let sum = (token === 'X' ? rollup.pool.reserveX : rollup.pool.reserveY) + rollup.users[token] + rollup.treasury[token] + world.proposer.holdings[r]![token] + rollup.burned[token] + rollup.committee[token];
  for (const s of world.searchers) sum += s.onchain[r]![token];
  for (const b of world.builders) sum += b.holdings[r]![token];
  return sum;
}

/**
 * `supplyDrift` of X and of Y on rollup `r` in one pass over the holders, written into `out` (each
 * token's sum adds the holders in `supplyOf`'s order: the same numbers). For the per-slot summary.
 */
export function supplyDriftsInto(world: WorldState, r: number, out: Balances): Balances {
  const rollup = world.rollups[r]!;
  const p = world.proposer.holdings[r]!;
  let x = rollup.pool.reserveX + rollup.users.X + rollup.treasury.X + p.X + rollup.burned.X + rollup.committee.X;
  let y = rollup.pool.reserveY + rollup.users.Y + rollup.treasury.Y + p.Y + rollup.burned.Y + rollup.committee.Y;
  for (const s of world.searchers) {
    const h = s.onchain[r]!;
    x += h.X;
    y += h.Y;
  }
  for (const b of world.builders) {
    const h = b.holdings[r]!;
    x += h.X;
    y += h.Y;
  }
  out.X = x - rollup.initialSupply.X;
  out.Y = y - rollup.initialSupply.Y;
  return out;
}

/** Σ over every holder of `token` on rollup `r`, less the initial total: 0 up to rounding. */
export function supplyDrift(world: WorldState, r: number, token: Token): number {
  return supplyOf(world, r, token) - world.rollups[r]!.initialSupply[token];
}
