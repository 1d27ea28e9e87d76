import { requireNonNegative } from '../amm/checks.js';
import { spotPrice } from '../amm/spotPrice.js';
import { swapExactIn } from '../amm/swapExactIn.js';
import type { Pool } from '../amm/types.js';
import type { CrossArb, PoolSide } from './types.js';

/**
 * Profit in Y of the cycle "pay `amountYIn` of Y into the `buyOn` pool for X, sell all that X
 * into the other pool for Y", executed with the real swap functions: amountYOut − amountYIn.
 * Concave in `amountYIn`; exported so that the closed form can be checked by maximising it.
 *
 * @throws RangeError if `amountYIn` is not finite and ≥ 0.
 */
export function crossArbProfitY(poolA: Pool, poolB: Pool, buyOn: PoolSide, amountYIn: number): number {
  requireNonNegative('amountYIn', amountYIn);
  const [buyPool, sellPool] = buyOn === 'A' ? [poolA, poolB] : [poolB, poolA];
  const bought = swapExactIn(buyPool, 'Y', amountYIn);
  const sold = swapExactIn(sellPool, 'X', bought.amountOut);
  return sold.amountOut - amountYIn;
}

/**
 * The profit-maximising cycle between two constant-product pools with fees f_A, f_B: buy X with
 * Y on the pool where X is cheaper, sell it on the other. A cycle buying on pool 1 and selling on
 * pool 2 is profitable iff γ₁γ₂·spot₂ > spot₁ (γ = 1 − fee); otherwise buyOn is null.
 *
 * Closed form. Composing the two Uniswap v2 swaps (buy pool (x₁, y₁, γ₁), sell pool (x₂, y₂, γ₂))
 * gives Y out for a Y in as another constant-product curve with fee γ₁ and virtual reserves
 *   E_in = x₂y₁/(x₂ + γ₂x₁),  E_out = γ₂x₁y₂/(x₂ + γ₂x₁):   out(a) = E_out·γ₁a/(E_in + γ₁a)
 * (cf. Wang, Chen, Wu, Zhou, Deng, Wattenhofer 2022, "Cyclic Arbitrage in Decentralized
 * Exchanges", arXiv:2105.02784, which composes the Uniswap v2 pools of a cycle in the same way;
 * the first-order analysis is that of Angeris et al. 2019). Maximising out(a) − a as for a single
 * pool against price 1:
 *   a* = (√(γ₁·E_in·E_out) − E_in)/γ₁,  profit* = (√(γ₁E_out) − √E_in)²/γ₁.
 * At a* the buy pool's post-fee marginal price of X (Y paid per X, last unit) equals the sell
 * pool's post-fee marginal price (Y received per X, last unit).
 */
export function optimalCrossPoolArb(poolA: Pool, poolB: Pool): CrossArb {
  const priceA = spotPrice(poolA);
  const priceB = spotPrice(poolB);
  const gammaProduct = (1 - poolA.fee) * (1 - poolB.fee);
  const buyOn: PoolSide | null =
    gammaProduct * priceB > priceA ? 'A' : gammaProduct * priceA > priceB ? 'B' : null;
  const noCycle: CrossArb = {
    buyOn: null, amountYIn: 0, amountX: 0, amountYOut: 0, profitY: 0,
    poolAAfter: poolA, poolBAfter: poolB, priceAAfter: priceA, priceBAfter: priceB,
  };
  if (buyOn === null) return noCycle;
  const [buyPool, sellPool] = buyOn === 'A' ? [poolA, poolB] : [poolB, poolA];
  const amountYIn = optimalCycleInputY(buyPool, sellPool);
  if (!(amountYIn > 0 && Number.isFinite(amountYIn))) return noCycle; // rounding at the edge of the band, or pools too far apart to represent
  let bought, sold;
  try {
    bought = swapExactIn(buyPool, 'Y', amountYIn);
    sold = swapExactIn(sellPool, 'X', bought.amountOut);
  } catch (e) {
    if (e instanceof RangeError) return noCycle; // a cycle the pools cannot carry
    throw e;
  }
  const [poolAAfter, poolBAfter] = buyOn === 'A' ? [bought.pool, sold.pool] : [sold.pool, bought.pool];
  return {
    buyOn,
    amountYIn,
    amountX: bought.amountOut,
    amountYOut: sold.amountOut,
    profitY: Math.max(0, sold.amountOut - amountYIn),
    poolAAfter,
    poolBAfter,
    priceAAfter: spotPrice(poolAAfter),
    priceBAfter: spotPrice(poolBAfter),
  };
}

/**
 * a* = E_in(√ρ − 1)/γ₁ with ρ = γ₁E_out/E_in = γ₁γ₂·spot₂/spot₁ (> 1 when the cycle pays);
 * √ρ − 1 is evaluated as (ρ − 1)/(√ρ + 1) to avoid cancellation near the no-arbitrage edge.
 */
function optimalCycleInputY(buyPool: Pool, sellPool: Pool): number {
  const { reserveX: x1, reserveY: y1 } = buyPool;
  const { reserveX: x2 } = sellPool;
  const gamma1 = 1 - buyPool.fee;
  const gamma2 = 1 - sellPool.fee;
  const price1 = spotPrice(buyPool);
  const price2 = spotPrice(sellPool);
  const virtualIn = (x2 * y1) / (x2 + gamma2 * x1);
  const rho = (gamma1 * gamma2 * price2) / price1;
  const rhoMinusOne = (gamma1 * gamma2 * price2 - price1) / price1;
  return Math.max(0, (virtualIn * rhoMinusOne) / ((Math.sqrt(rho) + 1) * gamma1));
}
