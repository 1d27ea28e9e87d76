import type { Source } from '../mechanisms/types.js';
import {
  indicesByValueDescending,
  validateValues,
  type ContestEquilibrium,
} from './contestEquilibrium.js';

/** The all-pay equilibrium with the identities of the two active players. */
export interface AllPayEquilibrium extends ContestEquilibrium {
  /** Index of the strong player (highest value; lowest index among ties). */
  readonly strong: number;
  /** Index of the weak player (second-highest value). */
  readonly weak: number;
}

/**
 * Complete-information all-pay auction (Hillman & Riley 1989; Baye, Kovenock & de Vries 1996,
 * "The all-pay auction with complete information", Economic Theory 8). With v1 ≥ v2 the two
 * highest values, the equilibrium is mixed: player 1 bids U[0, v2]; player 2 bids 0 with
 * probability 1 − v2/v1 and otherwise U[0, v2] (CDF F2(b) = 1 − v2/v1 + b/v1 on [0, v2]). Then
 *   E[b1] = v2/2, E[b2] = v2²/(2 v1), revenue = (v2/2)(1 + v2/v1),
 *   P(1 wins) = 1 − v2/(2 v1), payoffs u1 = v1 − v2, u2 = 0.
 * Others bid 0. When v2 > v3 this is the unique equilibrium (BKdV 1996); when v2 = v3 there is a
 * continuum, and this is the one in which only the top two bid.
 */
export function allPayEquilibrium(values: readonly number[]): AllPayEquilibrium {
  validateValues(values);
  const [strong, weak] = indicesByValueDescending(values) as [number, number];
  const v1 = values[strong]!;
  const v2 = values[weak]!;
  const zero = values.map(() => 0);
  const expectedBids = [...zero];
  expectedBids[strong] = v2 / 2;
  expectedBids[weak] = (v2 * v2) / (2 * v1);
  const winProbabilities = [...zero];
  winProbabilities[strong] = 1 - v2 / (2 * v1);
  winProbabilities[weak] = v2 / (2 * v1);
  const payoffs = [...zero];
  payoffs[strong] = v1 - v2;
  return {
    values: [...values],
    expectedBids,
    winProbabilities,
    expectedPayments: expectedBids,
    payoffs,
    revenue: (v2 / 2) * (1 + v2 / v1),
    strong,
    weak,
  };
}

/** P(player's equilibrium bid ≤ bid) in `allPayEquilibrium` (1 for inactive players, b ≥ 0). */
export function allPayBidCdf(eq: AllPayEquilibrium, player: number, bid: number): number {
  if (bid < 0) return 0;
  const v1 = eq.values[eq.strong]!;
  const v2 = eq.values[eq.weak]!;
  if (player === eq.strong) return Math.min(bid / v2, 1);
  if (player === eq.weak) return 1 - v2 / v1 + Math.min(bid, v2) / v1;
  return 1;
}

/**
 * Player `player`'s equilibrium bid at quantile `u` ∈ [0, 1), the inverse of `allPayBidCdf`: the
 * strong player bids u·v2; the weak player bids 0 if u < 1 − v2/v1 (its atom at 0), else
 * (u − 1 + v2/v1)·v1 ∈ [0, v2); inactive players bid 0. With u uniform this draws the player's
 * marginal; BKdV's equilibrium is a product of the marginals, so independent draws per player
 * are equilibrium play.
 */
export function allPayEquilibriumBidAt(eq: AllPayEquilibrium, player: number, u: number): number {
  const v1 = eq.values[eq.strong]!;
  const v2 = eq.values[eq.weak]!;
  if (player === eq.strong) return u * v2;
  if (player !== eq.weak) return 0;
  const atom = 1 - v2 / v1;
  return u < atom ? 0 : (u - atom) * v1;
}

/**
 * One draw of every player's equilibrium bid (`allPayEquilibriumBidAt` of one uniform each). Uses
 * two draws from `source`, the strong player's first; inactive players bid 0.
 */
export function drawAllPayEquilibriumBids(eq: AllPayEquilibrium, source: Source): number[] {
  const bids = eq.values.map(() => 0);
  bids[eq.strong] = allPayEquilibriumBidAt(eq, eq.strong, source());
  bids[eq.weak] = allPayEquilibriumBidAt(eq, eq.weak, source());
  return bids;
}
