import fc from 'fast-check';
import { createPool } from '../../../src/market/amm/createPool.js';
import type { Pool, Token } from '../../../src/market/amm/types.js';

/** Reserves spanning twelve orders of magnitude. */
export const reserveArb = fc.double({ min: 1e-3, max: 1e9, noNaN: true, noDefaultInfinity: true });

/** Fee fractions in [0, 0.5), with 0 itself drawn often. */
export const feeArb = fc.oneof(
  fc.constant(0),
  fc.constantFrom(0.0001, 0.0005, 0.003, 0.01),
  fc.double({ min: 0, max: 0.5, maxExcluded: true, noNaN: true }),
);

/** A valid pool. */
export const poolArb: fc.Arbitrary<Pool> = fc
  .tuple(reserveArb, reserveArb, feeArb)
  .map(([x, y, f]) => createPool(x, y, f));

/** A pool without fee. */
export const feelessPoolArb: fc.Arbitrary<Pool> = fc
  .tuple(reserveArb, reserveArb)
  .map(([x, y]) => createPool(x, y, 0));

export const tokenArb: fc.Arbitrary<Token> = fc.constantFrom<Token>('X', 'Y');

/** A trade size relative to the input reserve, from 1e-9 to 1e3 times it. */
export const relativeSizeArb = fc.double({ min: 1e-9, max: 1e3, noNaN: true });

/** The pool's reserve of `token`. */
export function reserveOf(pool: Pool, token: Token): number {
  return token === 'X' ? pool.reserveX : pool.reserveY;
}

/** |a − b| ≤ tol·max(|a|, |b|). */
export function relClose(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}
