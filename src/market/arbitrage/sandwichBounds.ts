import type { SandwichTerms } from './sandwichTerms.js';

/**
 * Closed forms of a sandwich, with margins wide enough that where they decide, `runSandwich` (the
 * floating-point evaluation `optimalSandwich` searches on) would certainly decide the same: they let
 * the search skip evaluations whose outcome is known, never change one.
 *
 * Notation: x = reserveIn, y = reserveOut, γ = 1 − fee, v = victimIn, a = the front-run; the
 * floating-point inputs taken as exact reals. Front-run: x₁ = x + a, y₁ = xy/(x + γa),
 * f = yγa/(x + γa). Victim: x₂ = x₁ + v, D = x₁ + γv, y₂ = y₁x₁/D, victimOut = y₁γv/D. Back-run:
 * B = x₂γf/(y₂ + γf). Substituting, B = γ²a·x₂·D / (x·x₁ + γ²a·D), so the profit is
 *
 *   P(a) = B − a = a·n(a)/den(a),  n(a) = e₀ + e₁a,  den(a) = x² + q₁a + γ²a²  (> 0),
 *   e₀ = γ²(x + v)(x + γv) − x²,  e₁ = γ²(x + v) − x,  q₁ = x + γ²(x + γv).
 *
 * victimOut falls strictly as a grows. On the range `boundsOf` admits (reserves in [1e-30, 1e30],
 * γ ≥ 1/2, 1e-30 ≤ v ≤ x, minAmountOut ≥ 1e-200 and finite) and the front-runs the search
 * evaluates (0, or ≥ 3.8e-13 and ≤ 1000·x: its loops stop at a bracket of 1e-12), nothing overflows or becomes subnormal, so `runSandwich`
 * returns true exactly when its victimOut ≥ minAmountOut, and its victimOut and backOut are
 * within 10 u and 25 u of the formulas (u = 2⁻⁵³; see runSandwich).
 */
export interface SandwichBounds {
  readonly x: number;
  readonly e0: number;
  readonly e1: number;
  readonly q1: number;
  readonly gamma2: number;
  /** No front-run pays (see `neverPays`): the search need not run; the fronts below are then not certified. */
  readonly neverPays: boolean;
  /** Every front-run in [0, admissibleTo] certainly passes `runSandwich` (−1: none certified). */
  readonly admissibleTo: number;
  /** Every front-run ≥ revertsFrom certainly makes the victim revert in `runSandwich` (+∞: none certified). */
  readonly revertsFrom: number;
}

/** Relative margin on victimOut around minAmountOut for `admissibleTo`/`revertsFrom` (errors ≤ ~25 u ≈ 3e-15). */
const ETA = 1e-12;
/** Relative margin of `neverPays` on e₀/x² and e₁/x (errors ≤ ~30 u ≈ 4e-15). */
const NEVER_PAYS_MARGIN = 1e-6;
/** Margin of `profitOrder` on (P(d) − P(c))·den(c)·den(d), in units of d·den(c)·den(d) (errors ≤ ~700 u ≈ 8e-14). */
const ORDER_MARGIN = 1e-11;

/** The closed forms for `t`, or null outside the range where their margins are proven. */
export function boundsOf(t: SandwichTerms): SandwichBounds | null {
  const x = t.reserveIn;
  const y = t.reserveOut;
  const g = t.gamma;
  const v = t.victimIn;
  if (!(x >= 1e-30 && x <= 1e30 && y >= 1e-30 && y <= 1e30 && g >= 0.5 && g <= 1 && v >= 1e-30 && v <= x && t.minAmountOut >= 1e-200 && t.minAmountOut < Number.POSITIVE_INFINITY)) return null;
  const gamma2 = g * g;
  const w = t.victimEffectiveIn;
  const e0 = gamma2 * (x + v) * (x + w) - x * x;
  const e1 = gamma2 * (x + v) - x;
  const never = neverPays(x, e0, e1);
  return {
    x,
    e0,
    e1,
    q1: x + gamma2 * (x + w),
    gamma2,
    neverPays: never,
    admissibleTo: never ? -1 : certifiedFront(t, ETA),
    revertsFrom: never ? Number.POSITIVE_INFINITY : certifiedFront(t, -ETA),
  };
}

/**
 * True when no front-run pays (`SandwichBounds.neverPays`): P(a) > 0 ⇔ n(a) > 0, and n is linear with n(0) = e₀, so −e₀ ≥ m·x²
 * and −e₁ ≥ m·x (m = 1e-6; each computed within 30 u·x² and 8 u·x) give
 * 1 − B/a = −n(a)/den(a) ≥ m·x·(x + a)/den(a) ≥ m/(2 + a/x + v/x) ≥ m/1003 for a ≤ 1000·x: far
 * beyond runSandwich's 25 u on backOut, so its profit backOut − a is ≤ 0 at every front-run the
 * search evaluates, and `optimalSandwich` returns null.
 */
function neverPays(x: number, e0: number, e1: number): boolean {
  return -e0 >= NEVER_PAYS_MARGIN * x * x && -e1 >= NEVER_PAYS_MARGIN * x;
}

/**
 * How `runSandwich`'s profits at c ≤ d compare: 1 when P(c) < P(d) certainly, 0 when
 * P(c) > P(d) certainly, −1 when too close to call here (the caller evaluates both). Decides only
 * where both front-runs certainly pass (d ≤ admissibleTo) and lie where the error bounds hold
 * (c ≥ 1e-13: the search's never lie lower). Δ = d·n(d)·den(c) − c·n(c)·den(d) is
 * (P(d) − P(c))·den(c)·den(d); computed within ~300 u·d·den(c)·den(d) (e₀ and e₁ carry
 * 30 u·x² and 8 u·x, and x² + x·a ≤ den(a)), while runSandwich's profits are each within
 * 210 u·a of P (B ≤ 8a on this range): a margin of 1e-11·d·den(c)·den(d) leaves both far behind.
 */
export function profitOrder(b: SandwichBounds, c: number, d: number): number {
  if (!(c >= 1e-13 && c <= d && d <= b.admissibleTo)) return -1;
  const x2 = b.x * b.x;
  const denC = x2 + b.q1 * c + b.gamma2 * c * c;
  const denD = x2 + b.q1 * d + b.gamma2 * d * d;
  const delta = d * (b.e0 + b.e1 * d) * denC - c * (b.e0 + b.e1 * c) * denD;
  const margin = ORDER_MARGIN * d * denC * denD;
  return delta > margin ? 1 : delta < -margin ? 0 : -1;
}

/**
 * A front-run certified on one side of the victim's slippage limit. With `eta` > 0, one where
 * victimOut ≥ minAmountOut·(1 + eta/2) (−1 if none is found): victimOut falls with a, so at every
 * a up to it the real victimOut is above minAmountOut by more than runSandwich's 10 u and it passes.
 * With `eta` < 0, one where victimOut ≤ minAmountOut·(1 − |eta|/2) (+∞ if none): beyond it the
 * victim certainly reverts. The candidate solves victimOut(a) = minAmountOut·(1 + eta) (a
 * quadratic); the check that certifies it is a direct evaluation, so the root's own rounding
 * never matters.
 */
function certifiedFront(t: SandwichTerms, eta: number): number {
  const a = frontForVictimOut(t, t.minAmountOut * (1 + eta));
  const out = victimOutAt(t, a);
  if (eta > 0) return out >= t.minAmountOut * (1 + eta / 2) ? a : -1;
  return out <= t.minAmountOut * (1 + eta / 2) ? a : Number.POSITIVE_INFINITY;
}

/**
 * The front-run a ∈ [0, 1000·x] at which victimOut = `target`: (x + γa)(x + a + γv) = xy·γv/target,
 * γa² + (x + γ(x + γv))·a + x(x + γv) − K = 0, by the cancellation-free root 2(−C)/(B + √(B² − 4γC)).
 */
function frontForVictimOut(t: SandwichTerms, target: number): number {
  const x = t.reserveIn;
  const w = t.victimEffectiveIn;
  const c = x * (x + w) - (t.product * w) / target;
  if (!(c < 0)) return 0;
  const b = x + t.gamma * (x + w);
  return Math.min((-2 * c) / (b + Math.sqrt(b * b - 4 * t.gamma * c)), x * 1e3);
}

/** The victim's output after front-run `a`, as runSandwich computes it (within 10 u of the formula). */
function victimOutAt(t: SandwichTerms, a: number): number {
  const outAfter = t.product / (t.reserveIn + t.gamma * a);
  return (outAfter * t.victimEffectiveIn) / (t.reserveIn + a + t.victimEffectiveIn);
}
