import type { Pool } from '../amm/types.js';
import type { VictimSwap } from './sandwich.js';

/**
 * What a sandwich's three swaps need of the pool and the victim, computed once per victim (each the
 * same value `swapExactIn` computes per swap): reserves seen from the victim's input token, γ = 1 −
 * fee, the front-run's R_out·R_in and the victim's γ·amountIn.
 */
export interface SandwichTerms {
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

/** The terms of sandwiching `victim` on `pool`. */
export function termsOf(pool: Pool, victim: VictimSwap): SandwichTerms {
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

/**
 * The amounts of the last sandwich `runSandwich` ran: [frontOut, victimOut, backOut], valid until
 * the next `runSandwich` call (read them at once). Module scratch: the search is not re-entrant
 * (it calls nothing that searches).
 */
export const sandwichAmounts = new Float64Array(3);

/**
 * Runs front-run `frontIn`, the victim and the back-run on numbers: `swapExactIn`'s arithmetic,
 * operation for operation, without its objects (a search runs a few hundred per victim). Writes
 * the three outputs into `sandwichAmounts` and returns true, or returns false where
 * `simulateSandwich` returns null (the victim reverts, or a swap throws `swapExactIn`'s RangeError:
 * an input not finite and ≥ 0, a reserve overflowing or underflowing). Returns a boolean, not the
 * profit: a number returned from a call that is not inlined is a heap allocation.
 *
 * Every operation below adds or multiplies or divides positive numbers (no cancellation), so on
 * ordinary magnitudes (no overflow, no subnormals) each output is its real-number formula to within
 * a few dozen units in the last place: victimOut within 10 u, backOut within 25 u (u = 2⁻⁵³,
 * counting one rounding per operation along each chain). `sandwichBounds.ts` relies on that.
 */
export function runSandwich(t: SandwichTerms, frontIn: number): boolean {
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
  sandwichAmounts[0] = frontOut;
  sandwichAmounts[1] = victimOut;
  sandwichAmounts[2] = backOut;
  return true;
}

/** A sandwich's profit at `frontIn`, or −∞ where it has none (`runSandwich` fails). */
export function profitAt(t: SandwichTerms, frontIn: number): number {
  return runSandwich(t, frontIn) ? sandwichAmounts[2]! - frontIn : Number.NEGATIVE_INFINITY;
}
