import type { Pool, Token } from './types.js';

/** The pool's reserves seen from a trader paying `tokenIn`: (reserve of input, reserve of output). */
export function reservesFor(pool: Pool, tokenIn: Token): { reserveIn: number; reserveOut: number } {
  return tokenIn === 'X'
    ? { reserveIn: pool.reserveX, reserveOut: pool.reserveY }
    : { reserveIn: pool.reserveY, reserveOut: pool.reserveX };
}

/** A pool with the given reserves, written back in (X, Y) order for a trade paying `tokenIn`. */
export function withReserves(pool: Pool, tokenIn: Token, reserveIn: number, reserveOut: number): Pool {
  return tokenIn === 'X'
    ? { reserveX: reserveIn, reserveY: reserveOut, fee: pool.fee }
    : { reserveX: reserveOut, reserveY: reserveIn, fee: pool.fee };
}
