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
 * What a sandwich's three swaps need of the pool and the victim, computed once per victim (each the
 * same value `swapExactIn` computes per swap): reserves seen from the victim's input token, γ = 1 −
 * fee, the front-run's R_out·R_in and the victim's γ·amountIn.
 */
interface SandwichTerms {
  readonly reserveIn: number;
  readonly reserveOut: number;
  readonly gamma: number;
  /** reserveOut · reserveIn, the front-run's numerator. */
  readonly product: number;
  /** The victim's swap is one `swapExactIn` accepts (its input finite and ≥ 0). */
  readonly victimValid: boolean;
  readonly victimIn: number;
  /** γ · victimIn. */
  readonly victimEffectiveIn: number;
  readonly minAmountOut: number;
}

function termsOf(pool: Pool, victim: VictimSwap): SandwichTerms {
  const x = victim.tokenIn === 'X';
  const reserveIn = x ? pool.reserveX : pool.reserveY;
  const reserveOut = x ? pool.reserveY : pool.reserveX;
  const gamma = 1 - pool.fee;
  const victimIn = victim.amountIn;
  return {
    reserveIn,
    reserveOut,
    gamma,
    product: reserveOut * reserveIn,
    victimValid: Number.isFinite(victimIn) && victimIn >= 0,
    victimIn,
    victimEffectiveIn: gamma * victimIn,
    minAmountOut: victim.minAmountOut,
  };
}

/** The amounts of the last sandwich `runSandwich` ran: [frontOut, victimOut, backOut]. Module scratch: the search is not re-entrant (it calls nothing that searches). */
const amounts = new Float64Array(3);

/**
 * Runs front-run `frontIn`, the victim and the back-run on numbers: `swapExactIn`'s arithmetic,
 * operation for operation, without its objects (a search runs a few hundred per victim). Writes
 * the three outputs into `amounts` and returns true, or returns false where `simulateSandwich`
 * returns null (the victim reverts, or a swap throws `swapExactIn`'s RangeError: an input not
 * finite and ≥ 0, a reserve overflowing or underflowing). Returns a boolean, not the profit: a
 * number returned from a call that is not inlined is a heap allocation.
 */
function runSandwich(t: SandwichTerms, frontIn: number): boolean {
  if (!(Number.isFinite(frontIn) && frontIn >= 0 && t.victimValid)) return false;
  // Front-run: tokenIn's reserve grows by frontIn, the other's falls to R_out·R_in / (R_in + γ·a).
  let inAfter = t.reserveIn;
  let outAfter = t.reserveOut;
  let frontOut = 0;
  if (frontIn !== 0) {
    const effectiveIn = t.gamma * frontIn;
    inAfter = t.reserveIn + frontIn;
    outAfter = t.product / (t.reserveIn + effectiveIn);
    if (!(Number.isFinite(inAfter) && outAfter > 0)) return false;
    frontOut = (t.reserveOut * effectiveIn) / (t.reserveIn + effectiveIn);
  }
  // The victim, in the same direction.
  let victimOut = 0;
  if (t.victimIn !== 0) {
    const effectiveIn = t.victimEffectiveIn;
    const inNext = inAfter + t.victimIn;
    const outNext = (outAfter * inAfter) / (inAfter + effectiveIn);
    if (!(Number.isFinite(inNext) && outNext > 0)) return false;
    victimOut = (outAfter * effectiveIn) / (inAfter + effectiveIn);
    inAfter = inNext;
    outAfter = outNext;
  }
  if (victimOut < t.minAmountOut) return false;
  // The back-run pays the other token: (in, out) swap roles.
  if (!(Number.isFinite(frontOut) && frontOut >= 0)) return false;
  let backOut = 0;
  if (frontOut !== 0) {
    const effectiveIn = t.gamma * frontOut;
    if (!(Number.isFinite(outAfter + frontOut) && (inAfter * outAfter) / (outAfter + effectiveIn) > 0)) return false;
    backOut = (inAfter * effectiveIn) / (outAfter + effectiveIn);
  }
  amounts[0] = frontOut;
  amounts[1] = victimOut;
  amounts[2] = backOut;
  return true;
}

/** The sandwich `runSandwich` just ran at `frontIn`. */
function lastSandwich(frontIn: number): Sandwich {
  const backOut = amounts[2]!;
  return { frontIn, frontOut: amounts[0]!, backOut, profitInTokenIn: backOut - frontIn, victimOut: amounts[1]! };
}

/** A sandwich's profit at `frontIn`, or −∞ where it has none (`runSandwich` fails). */
function profitAt(t: SandwichTerms, frontIn: number): number {
  return runSandwich(t, frontIn) ? amounts[2]! - frontIn : Number.NEGATIVE_INFINITY;
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
 */
export function optimalSandwich(pool: Pool, victim: VictimSwap): Sandwich | null {
  if (!Number.isFinite(victim.amountIn)) return null;
  const t = termsOf(pool, victim);
  if (!runSandwich(t, 0)) return null;
  const aMax = largestAdmissibleFront(t);
  const mid = goldenSectionMidpoint(t, aMax);
  // The better of the search's midpoint and a_max (the midpoint on a tie), if it pays.
  const atMid = runSandwich(t, mid) ? lastSandwich(mid) : null;
  const atMax = runSandwich(t, aMax) ? lastSandwich(aMax) : null;
  const top = atMax && (!atMid || atMax.profitInTokenIn > atMid.profitInTokenIn) ? atMax : atMid;
  return top && top.profitInTokenIn > 0 ? top : null;
}

/** The largest front-run the victim's slippage limit admits, by bisection from [0, 1000·R_in]. */
function largestAdmissibleFront(t: SandwichTerms): number {
  let lo = 0;
  let hi = t.reserveIn * 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (runSandwich(t, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The midpoint of the bracket golden-section search leaves around the most profitable front-run in [0, aMax]. */
function goldenSectionMidpoint(t: SandwichTerms, aMax: number): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = 0;
  let b = aMax;
  for (let i = 0; i < 100 && b - a > 1e-12 * Math.max(1, b); i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (profitAt(t, c) < profitAt(t, d)) a = c;
    else b = d;
  }
  return (a + b) / 2;
}
