import type { Pool } from './types.js';

/**
 * The pool's spot (mid) price in Y per X: reserveY / reserveX. It is the marginal price of an
 * infinitesimal trade before fees; with fee f a buyer of X pays spot/(1−f) and a seller
 * receives spot·(1−f) at the margin.
 */
export function spotPrice(pool: Pool): number {
  return pool.reserveY / pool.reserveX;
}
