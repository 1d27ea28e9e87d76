import {
  indicesByValueDescending,
  validateValues,
  type ContestEquilibrium,
} from './contestEquilibrium.js';

/** The equilibrium bids of a winner-take-all auction, with the outcome bid. */
export interface WinnerTakeAllEquilibrium extends ContestEquilibrium {
  /** Equilibrium bid profile (pure), numéraire. */
  readonly bids: readonly number[];
}

function splitAmongTop(values: readonly number[]): number[] {
  const top = Math.max(...values);
  const tied = values.filter((v) => v === top).length;
  return values.map((v) => (v === top ? 1 / tied : 0));
}

function outcome(
  values: readonly number[],
  bids: number[],
  price: number,
): WinnerTakeAllEquilibrium {
  const winProbabilities = splitAmongTop(values);
  const expectedPayments = winProbabilities.map((x) => x * price);
  return {
    values: [...values],
    bids,
    expectedBids: bids,
    winProbabilities,
    expectedPayments,
    payoffs: values.map((v, i) => v * winProbabilities[i]! - expectedPayments[i]!),
    revenue: price,
  };
}

/**
 * Complete-information first-price outcome (the essay's Aside #1: "the highest-value bidder
 * always wins while paying the second highest bidder's value"): with v(1) ≥ v(2) the two highest
 * values, the highest-value player bids v(2) + `increment` (the essay's ε, ≥ 0), every other
 * player bids its own value (≤ v(2)), so the winner pays v(2) + ε and earns v(1) − v(2) − ε;
 * revenue v(2) + ε; fairness 0 for two players. With ε = 0 the top bids tie and the equilibrium
 * needs ties broken for the higher value; when v(1) = v(2) the tied players split (win probability
 * 1/k each, as the mechanism's uniform tie-breaking gives) and every payoff is 0.
 * Throws a RangeError unless 0 ≤ increment ≤ v(1) − v(2).
 */
export function firstPriceEquilibrium(
  values: readonly number[],
  increment = 0,
): WinnerTakeAllEquilibrium {
  validateValues(values);
  const [first, second] = indicesByValueDescending(values) as [number, number];
  const gap = values[first]! - values[second]!;
  if (!(increment >= 0 && increment <= gap)) {
    throw new RangeError(`increment must be in [0, v(1) - v(2)] = [0, ${gap}], got ${increment}`);
  }
  const price = values[second]! + increment;
  const bids = [...values];
  if (gap > 0) bids[first] = price;
  return outcome(values, bids, price);
}

/**
 * Second-price sealed bid (Vickrey 1961): truthful bidding b_i = v_i is weakly dominant; the
 * highest value wins and pays v(2). Same allocation and revenue as `firstPriceEquilibrium` with
 * ε = 0 (revenue equivalence under complete information). Tied top values split uniformly.
 */
export function secondPriceEquilibrium(values: readonly number[]): WinnerTakeAllEquilibrium {
  validateValues(values);
  const [, second] = indicesByValueDescending(values) as [number, number];
  return outcome(values, [...values], values[second]!);
}
