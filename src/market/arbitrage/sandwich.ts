import { swapExactIn } from '../amm/swapExactIn.js';
import { otherToken } from '../amm/otherToken.js';
import type { Pool, Token } from '../amm/types.js';
import { boundsOf, profitOrder, type SandwichBounds } from './sandwichBounds.js';
import { profitAt, runSandwich, sandwichAmounts, termsOf, type SandwichTerms } from './sandwichTerms.js';

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

/** The sandwich `runSandwich` just ran at `frontIn`. */
function lastSandwich(frontIn: number): Sandwich {
  const backOut = sandwichAmounts[2]!;
  return { frontIn, frontOut: sandwichAmounts[0]!, backOut, profitInTokenIn: backOut - frontIn, victimOut: sandwichAmounts[1]! };
}

/**
 * `simulateSandwich(pool, victim, frontIn)?.profitInTokenIn ?? -Infinity` (a sandwich's profit is
 * never −∞: the back-run's output is ≥ 0 or NaN and the front-run finite, so −∞ stands for null):
 * the same three swaps in the same floating-point operations, on numbers (`runSandwich`). The
 * model calls only optimalSandwich; this is exported so that a test can hold its step to simulateSandwich.
 */
export function sandwichProfit(pool: Pool, victim: VictimSwap, frontIn: number): number {
  if (!Number.isFinite(victim.amountIn)) return Number.NEGATIVE_INFINITY;
  return profitAt(termsOf(pool, victim), frontIn);
}

/**
 * The most profitable sandwich of `victim` on `pool` (Zhou, Qin, Torres, Le, Gervais 2021,
 * "High-Frequency Trading on Decentralized On-Chain Exchanges", §V: the attacker front-runs as far
 * as the victim's slippage limit allows). The victim's output falls monotonically with the
 * front-run, so the largest admissible front-run `a_max` is found by bisection; the profit is
 * unimodal on [0, a_max] (price-impact gain against two fees), so golden-section search finds
 * its maximum. Null when the victim would revert anyway or no front-run pays. Every step runs on
 * numbers (`runSandwich`, equal to `simulateSandwich` bit for bit).
 *
 * The closed forms of `sandwichBounds.ts` skip the evaluations whose outcome they certify (a victim
 * no front-run can profit from, bisection steps far from the slippage limit, golden-section steps
 * far from the optimum): the search takes the same steps and returns the same sandwich bit for bit.
 */
export function optimalSandwich(pool: Pool, victim: VictimSwap): Sandwich | null {
  if (!Number.isFinite(victim.amountIn)) return null;
  const t = termsOf(pool, victim);
  if (!runSandwich(t, 0)) return null;
  const bounds = boundsOf(t);
  if (bounds !== null && bounds.neverPays) return null;
  const aMax = largestAdmissibleFront(t, bounds);
  const mid = goldenSectionMidpoint(t, aMax, bounds);
  // The better of the search's midpoint and a_max (the midpoint on a tie), if it pays.
  const atMid = runSandwich(t, mid) ? lastSandwich(mid) : null;
  const atMax = runSandwich(t, aMax) ? lastSandwich(aMax) : null;
  const top = atMax && (!atMid || atMax.profitInTokenIn > atMid.profitInTokenIn) ? atMax : atMid;
  return top && top.profitInTokenIn > 0 ? top : null;
}

/**
 * The largest front-run the victim's slippage limit admits, by bisection from [0, 1000·R_in]; a
 * step whose midpoint `bounds` certify on one side of the limit takes that side without running it.
 */
function largestAdmissibleFront(t: SandwichTerms, bounds: SandwichBounds | null): number {
  const admissibleTo = bounds !== null ? bounds.admissibleTo : -1;
  const revertsFrom = bounds !== null ? bounds.revertsFrom : Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = t.reserveIn * 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (mid <= admissibleTo) lo = mid;
    else if (mid >= revertsFrom) hi = mid;
    else if (runSandwich(t, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The midpoint of the bracket golden-section search leaves around the most profitable front-run in
 * [0, aMax]; a step whose comparison `bounds` certify (profitOrder) takes it without running either
 * point, and a point equal to one the last step ran (a new c is often the old d, to the bit) reuses its profit.
 */
function goldenSectionMidpoint(t: SandwichTerms, aMax: number, bounds: SandwichBounds | null): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = 0;
  let b = aMax;
  // The two points the last step ran, and their profits (NaN: none; a point is never NaN here).
  let ranC = Number.NaN;
  let profitC = 0;
  let ranD = Number.NaN;
  let profitD = 0;
  for (let i = 0; i < 100 && b - a > 1e-12 * Math.max(1, b); i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    let order = bounds !== null ? profitOrder(bounds, c, d) : -1;
    if (order === -1) {
      const pc = c === ranC ? profitC : c === ranD ? profitD : profitAt(t, c);
      const pd = d === ranC ? profitC : d === ranD ? profitD : profitAt(t, d);
      ranC = c;
      profitC = pc;
      ranD = d;
      profitD = pd;
      order = pc < pd ? 1 : 0;
    }
    if (order === 1) a = c;
    else b = d;
  }
  return (a + b) / 2;
}
