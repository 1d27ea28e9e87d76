import { requireFee, requirePositive } from './checks.js';
import type { Pool } from './types.js';

/**
 * A constant-product pool holding `reserveX` of X and `reserveY` of Y, charging `fee` on inputs.
 * Its spot price is reserveY / reserveX (Y per X).
 *
 * @throws RangeError if a reserve is not finite and > 0, or `fee` is outside [0, 1).
 */
export function createPool(reserveX: number, reserveY: number, fee: number): Pool {
  requirePositive('reserveX', reserveX);
  requirePositive('reserveY', reserveY);
  requireFee(fee);
  return { reserveX, reserveY, fee };
}
