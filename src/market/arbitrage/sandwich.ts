import { swapExactIn } from '../amm/swapExactIn.js';
import { otherToken } from '../amm/otherToken.js';
import type { Pool, Token } from '../amm/types.js';

/** The victim: a swap with a minimum output (its slippage limit). */
export interface VictimSwap {
  readonly tokenIn: Token;
  readonly amountIn: number;
  readonly minAmountOut: number;
}

/** A sandwich: front-run in the victim's direction, the victim, then sell the front-run's output back. */
export interface Sandwich {
  /** Front-run input, in the victim's input token. */
  readonly frontIn: number;
  /** Front-run output (the other token), all of which the back-run sells. */
  readonly frontOut: number;
  /** Back-run output, in the victim's input token. */
  readonly backOut: number;
  /** backOut − frontIn, in the victim's input token. */
  readonly profitInTokenIn: number;
  /** What the victim receives. */
  readonly victimOut: number;
}

/** Runs front-run `a`, the victim and the back-run on `pool`; null if the victim would revert. */
export function simulateSandwich(pool: Pool, victim: VictimSwap, frontIn: number): Sandwich | null {
  // Sizes the pool cannot carry (non-finite, or a reserve overflowing) make no sandwich.
  if (!(Number.isFinite(frontIn) && Number.isFinite(victim.amountIn))) return null;
  try {
    return sandwichOn(pool, victim, frontIn);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

function sandwichOn(pool: Pool, victim: VictimSwap, frontIn: number): Sandwich | null {
  const front = swapExactIn(pool, victim.tokenIn, frontIn);
  const v = swapExactIn(front.pool, victim.tokenIn, victim.amountIn);
  if (v.amountOut < victim.minAmountOut) return null;
  const back = swapExactIn(v.pool, otherToken(victim.tokenIn), front.amountOut);
  return { frontIn, frontOut: front.amountOut, backOut: back.amountOut, profitInTokenIn: back.amountOut - frontIn, victimOut: v.amountOut };
}

/**
 * One constant-product swap on reserves (`reserveIn`, `reserveOut`) seen from its input token, as
 * numbers: `swapExactIn`'s arithmetic, operation for operation, without its objects. Writes the new
 * reserves and the output into `out` (`[reserveIn, reserveOut, amountOut]`) and returns false
 * where `swapExactIn` throws its RangeError (an input not finite and ≥ 0, or a reserve overflowing).
 */
function swapOnReserves(reserveIn: number, reserveOut: number, fee: number, amountIn: number, out: Float64Array): boolean {
  if (!(Number.isFinite(amountIn) && amountIn >= 0)) return false;
  if (amountIn === 0) {
    out[0] = reserveIn;
    out[1] = reserveOut;
    out[2] = 0;
    return true;
  }
  const effectiveIn = (1 - fee) * amountIn;
  const newReserveIn = reserveIn + amountIn;
  const newReserveOut = (reserveOut * reserveIn) / (reserveIn + effectiveIn);
  if (!(Number.isFinite(newReserveIn) && newReserveOut > 0)) return false;
  out[0] = newReserveIn;
  out[1] = newReserveOut;
  out[2] = (reserveOut * effectiveIn) / (reserveIn + effectiveIn);
  return true;
}

const swapped = new Float64Array(3);

/**
 * `simulateSandwich(pool, victim, frontIn)?.profitInTokenIn ?? -Infinity` (a sandwich's profit is
 * never −∞: the back-run's output is ≥ 0 or NaN and the front-run finite, so −∞ stands for null): the same three
 * swaps in the same floating-point operations, allocation-free (`optimalSandwich` runs a few hundred
 * per victim; their pool and result objects were most of a sandwicher's garbage, bench/README.md).
 */
export function sandwichProfit(pool: Pool, victim: VictimSwap, frontIn: number): number {
  if (!(Number.isFinite(frontIn) && Number.isFinite(victim.amountIn))) return -Infinity;
  const x = victim.tokenIn === 'X';
  // Front-run and victim pay tokenIn: reserves as (in, out) = (tokenIn's, the other's).
  if (!swapOnReserves(x ? pool.reserveX : pool.reserveY, x ? pool.reserveY : pool.reserveX, pool.fee, frontIn, swapped)) return -Infinity;
  const frontOut = swapped[2]!;
  if (!swapOnReserves(swapped[0]!, swapped[1]!, pool.fee, victim.amountIn, swapped)) return -Infinity;
  if (swapped[2]! < victim.minAmountOut) return -Infinity;
  // The back-run pays the other token: (in, out) swap roles.
  if (!swapOnReserves(swapped[1]!, swapped[0]!, pool.fee, frontOut, swapped)) return -Infinity;
  return swapped[2]! - frontIn;
}

/**
 * The most profitable sandwich of `victim` on `pool` (Zhou, Qin, Torres, Le, Gervais 2021,
 * "High-Frequency Trading on Decentralized On-Chain Exchanges", §V: the attacker front-runs as far
 * as the victim's slippage limit allows). The victim's output falls monotonically with the
 * front-run, so the largest admissible front-run `a_max` is found by bisection; the profit is
 * unimodal on [0, a_max] (price-impact gain against two fees), so golden-section search finds
 * its maximum. Null when the victim would revert anyway or no front-run pays.
 */
export function optimalSandwich(pool: Pool, victim: VictimSwap): Sandwich | null {
  if (!simulateSandwich(pool, victim, 0)) return null;
  const reserveIn = victim.tokenIn === 'X' ? pool.reserveX : pool.reserveY;
  let lo = 0;
  let hi = reserveIn * 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (sandwichProfit(pool, victim, mid) !== -Infinity) lo = mid;
    else hi = mid;
  }
  const aMax = lo;
  const profit = (a: number) => sandwichProfit(pool, victim, a);
  const phi = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [0, aMax];
  for (let i = 0; i < 100 && b - a > 1e-12 * Math.max(1, b); i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (profit(c) < profit(d)) a = c;
    else b = d;
  }
  const best = [(a + b) / 2, aMax].map((x) => simulateSandwich(pool, victim, x)).filter((s): s is Sandwich => s !== null);
  const top = best.reduce<Sandwich | null>((m, s) => (!m || s.profitInTokenIn > m.profitInTokenIn ? s : m), null);
  return top && top.profitInTokenIn > 0 ? top : null;
}
