import { tullockEquilibrium } from './tullock.js';
import {
  hasSymmetricPureEquilibrium,
  hasTwoPlayerPureEquilibrium,
  tullockSymmetricEquilibrium,
  tullockTwoPlayerEquilibrium,
} from './tullockGeneralAlpha.js';

/** Pure bids for a Tullock contest, and whether they are an equilibrium or the fallback. */
export interface TullockBids {
  /** One bid per value, numéraire, each below its bidder's value. */
  readonly bids: readonly number[];
  /** False when no implemented equilibrium covers the values and `bids` is the fallback. */
  readonly isEquilibrium: boolean;
}

/**
 * Complete-information Tullock bids for n ≥ 2 values > 0 and exponent α, from the closed forms
 * implemented here: α = 1, the unique equilibrium for any values (`tullockEquilibrium`; Hillman &
 * Riley 1989, Stein 2002); α ≠ 1, the two-player pure equilibrium (Nti 1999) when
 * α ≤ 1 + (v_low/v_high)^α, or the symmetric one (Pérez-Castrillo & Verdier 1992) when all values
 * are equal and α ≤ n/(n − 1). Otherwise (heterogeneous values with n ≥ 3, or α beyond those
 * bounds, where the equilibria are mixed or have no closed form) the fallback is the α = 1
 * equilibrium of the same values, flagged `isEquilibrium: false`: not an equilibrium of the
 * α contest, but defined for all values. Throws a RangeError for invalid values or α.
 */
export function tullockBids(values: readonly number[], alpha: number): TullockBids {
  const n = values.length;
  const first = values[0]!;
  if (alpha !== 1 && n === 2 && hasTwoPlayerPureEquilibrium(first, values[1]!, alpha)) {
    const eq = tullockTwoPlayerEquilibrium(first, values[1]!, alpha);
    return { bids: eq.expectedBids, isEquilibrium: true };
  }
  if (alpha !== 1 && values.every((v) => v === first) && hasSymmetricPureEquilibrium(n, alpha)) {
    const eq = tullockSymmetricEquilibrium(n, first, alpha);
    return { bids: eq.expectedBids, isEquilibrium: true };
  }
  return { bids: tullockEquilibrium(values).bids, isEquilibrium: alpha === 1 };
}

/**
 * Why `tullockBids` falls back for every value profile of `players` bidders, or null if some
 * profiles are covered (`players` undefined: a reason if that holds for any number of bidders).
 * Null for α = 1 and for fewer than 2 players. Otherwise, for α > 2 never null: neither closed
 * form applies (2 players need α ≤ 1 + (v_low/v_high)^α ≤ 2, n equal players α ≤ n/(n − 1) ≤ 2).
 * For other α ≠ 1, null only with exactly 2 players — which still falls back when 1 < α ≤ 2 and
 * v_low/v_high < (α − 1)^(1/α); with more, only equal values (measure zero) are covered.
 */
export function tullockFallbackReason(alpha: number, players?: number): string | null {
  if (alpha === 1 || (players !== undefined && players < 2)) return null;
  if (alpha > 2) {
    return (
      `tullock with alpha ${alpha} > 2: neither implemented pure equilibrium exists for any ` +
      'values (2 players need alpha <= 1 + (v_low/v_high)^alpha <= 2, n equal players ' +
      'alpha <= n/(n-1) <= 2), and mixed equilibria are not implemented'
    );
  }
  if (players === 2) return null;
  return (
    `tullock with alpha ${alpha} != 1 has a known equilibrium for ${players ?? 'more than 2'} ` +
    'players only when all values are equal; heterogeneous values have one only with exactly 2 ' +
    'players (or with alpha = 1)'
  );
}
