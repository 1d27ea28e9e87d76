/**
 * Loss-versus-rebalancing (LVR) of a constant-product pool.
 *
 * Milionis, Moallemi, Roughgarden, Zhang (2022), "Automated Market Making and Loss-Versus-
 * Rebalancing" (arXiv:2208.06046), the LVR rate and its constant-product case: with the external
 * price P following geometric Brownian motion of volatility σ and arbitrageurs trading
 * continuously and without fees, the pool loses to the rebalancing strategy at the rate
 *   ℓ(P) = (σ²P²/2)·|x*'(P)|  =  (σ²/8)·V(P)   for x·y = k,
 * where x*(P) = √(k/P) is the pool's X holding at price P and V(P) = 2√(kP) is the value in Y of
 * the pool's holdings when its price equals P.
 */

/**
 * Instantaneous LVR of a constant-product pool, in Y per year: σ²/8 × `poolValueY`.
 *
 * @param sigmaPerYear volatility of the log reference price, per √year; finite, ≥ 0.
 * @param poolValueY V(P) = 2√(reserveX·reserveY·P), the pool's value in Y at the reference price
 *   P when the pool is priced at P (`poolValueInY(pool, P)` when spotPrice(pool) = P); finite, ≥ 0.
 * @throws RangeError on a negative or non-finite argument.
 */
export function lvrRatePerYear(sigmaPerYear: number, poolValueY: number): number {
  if (!(Number.isFinite(sigmaPerYear) && sigmaPerYear >= 0)) {
    throw new RangeError(`sigmaPerYear must be a finite number >= 0, got ${sigmaPerYear}`);
  }
  if (!(Number.isFinite(poolValueY) && poolValueY >= 0)) {
    throw new RangeError(`poolValueY must be a finite number >= 0, got ${poolValueY}`);
  }
  return ((sigmaPerYear * sigmaPerYear) / 8) * poolValueY;
}
