import { requireNonNegative } from './checks.js';
import type { Pool } from './types.js';

/**
 * Mark-to-market value of the pool's reserves in Y at the external price `priceYPerX`:
 * reserveX · price + reserveY.
 *
 * When the pool's spot price equals `priceYPerX` this is 2·√(reserveX·reserveY·price), the value V
 * that the loss-versus-rebalancing formulas use (Milionis, Moallemi, Roughgarden, Zhang 2022).
 *
 * @throws RangeError if `priceYPerX` is not finite and ≥ 0.
 */
export function poolValueInY(pool: Pool, priceYPerX: number): number {
  requireNonNegative('priceYPerX', priceYPerX);
  return pool.reserveX * priceYPerX + pool.reserveY;
}
