import { positiveFinite, positiveInteger, requireParam } from '../mechanisms/paramChecks.js';
import { validateValues, type ContestEquilibrium } from './contestEquilibrium.js';

/**
 * Whether the symmetric n-player Tullock contest with exponent α has a symmetric pure equilibrium:
 * α ≤ n/(n − 1) (Pérez-Castrillo & Verdier 1992, "A general analysis of rent-seeking games";
 * for n = 2 this is Baye, Kovenock & de Vries 1994's R ≤ 2). It is the participation constraint
 * v/n − b* ≥ 0 at b* below; the FOC point is then the global best response because
 * b^α/(b^α + B) is concave beyond its inflection, which lies below b* whenever α < n/(n − 2).
 */
export function hasSymmetricPureEquilibrium(players: number, alpha: number): boolean {
  requireParam(positiveInteger, 'players', players);
  requireParam(positiveFinite, 'alpha', alpha);
  return players === 1 || alpha <= players / (players - 1);
}

/**
 * Symmetric pure equilibrium of the n-player Tullock contest with common value v and exponent α:
 * b* = α (n − 1) v / n² (from the FOC v α (n−1) / (n² b) = 1 at a symmetric profile),
 * x_i = 1/n, u_i = v (n − α (n − 1)) / n², revenue α (n − 1) v / n.
 * E.g. n = 3, α = 1, v = 1: b* = 2/9. Throws a RangeError if α > n/(n − 1) (no such equilibrium).
 */
export function tullockSymmetricEquilibrium(
  players: number,
  value: number,
  alpha: number,
): ContestEquilibrium {
  validateValues([value], 1);
  requireParam(positiveInteger, 'players', players);
  if (players < 2) throw new RangeError(`players must be >= 2, got ${players}`);
  if (!hasSymmetricPureEquilibrium(players, alpha)) {
    throw new RangeError(
      `alpha ${alpha} > n/(n-1) = ${players / (players - 1)}: no symmetric pure equilibrium`,
    );
  }
  const n = players;
  const bid = (alpha * (n - 1) * value) / (n * n);
  const all = <T>(x: T): T[] => Array.from({ length: n }, () => x);
  return {
    values: all(value),
    expectedBids: all(bid),
    winProbabilities: all(1 / n),
    expectedPayments: all(bid),
    payoffs: all(value / n - bid),
    revenue: n * bid,
  };
}

/**
 * Whether the two-player Tullock contest with values v1, v2 > 0 and exponent α has a pure
 * equilibrium: α ≤ 1 + (v_low / v_high)^α. This is the weaker player's participation constraint
 * u_low ≥ 0 at the interior solution below (the condition of Nti 1999, "Rent-seeking with
 * asymmetric valuations", Public Choice 98, as we read it; derived here and checked numerically
 * in the tests). It always holds for α ≤ 1; for v1 = v2 it is α ≤ 2.
 */
export function hasTwoPlayerPureEquilibrium(v1: number, v2: number, alpha: number): boolean {
  validateValues([v1, v2]);
  requireParam(positiveFinite, 'alpha', alpha);
  return alpha <= 1 + (Math.min(v1, v2) / Math.max(v1, v2)) ** alpha;
}

/**
 * Pure equilibrium of the two-player Tullock contest with exponent α (Nti 1999):
 *   b_i = α v1^α v2^α v_i / (v1^α + v2^α)², x_i = v_i^α / (v1^α + v2^α),
 * (the FOCs give b1/b2 = v1/v2; substituting b_i = c v_i solves for c). Computed with values
 * scaled by max(v1, v2) so that large α does not overflow. For α = 1 it is the essay's
 * b_i = v_i² v_j / (v_i + v_j)². Throws a RangeError if `hasTwoPlayerPureEquilibrium` is false.
 */
export function tullockTwoPlayerEquilibrium(
  v1: number,
  v2: number,
  alpha: number,
): ContestEquilibrium {
  if (!hasTwoPlayerPureEquilibrium(v1, v2, alpha)) {
    throw new RangeError(`alpha ${alpha} > 1 + (v_low/v_high)^alpha: no pure equilibrium`);
  }
  const top = Math.max(v1, v2);
  const r1 = (v1 / top) ** alpha;
  const r2 = (v2 / top) ** alpha;
  const c = (alpha * r1 * r2) / (r1 + r2) ** 2;
  const values = [v1, v2];
  const bids = values.map((v) => c * v);
  const winProbabilities = [r1 / (r1 + r2), r2 / (r1 + r2)];
  const payoffs = values.map((v, i) => v * winProbabilities[i]! - bids[i]!);
  return {
    values,
    expectedBids: bids,
    winProbabilities,
    expectedPayments: bids,
    payoffs,
    revenue: bids[0]! + bids[1]!,
  };
}
