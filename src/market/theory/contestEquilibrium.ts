/**
 * The complete-information equilibrium outcome of a contest or auction with values v_i (DESIGN.md
 * §5 "Theory that must hold"). All amounts in numéraire; arrays in the order of the input values.
 * For a pure equilibrium `expectedBids` are the bids themselves; for a mixed one, their means.
 *
 * Invariants: Σ winProbabilities = 1; payoffs_i = v_i · winProbabilities_i − expectedPayments_i;
 * revenue = Σ expectedPayments.
 */
export interface ContestEquilibrium {
  /** The values v_i (each bidder's value for winning), numéraire. */
  readonly values: readonly number[];
  /** Expected bid of each player (its bid, in a pure equilibrium). */
  readonly expectedBids: readonly number[];
  /** x_i: probability that player i wins (its allocation). */
  readonly winProbabilities: readonly number[];
  /** Expected payment of each player. */
  readonly expectedPayments: readonly number[];
  /** Expected utility u_i = v_i x_i − p_i of each player. */
  readonly payoffs: readonly number[];
  /** Expected revenue Σ_i p_i. */
  readonly revenue: number;
}

/**
 * Checks a value profile: at least `minPlayers` values, each finite and > 0. Throws a RangeError
 * naming the first bad value.
 */
export function validateValues(values: readonly number[], minPlayers = 2): void {
  if (values.length < minPlayers) {
    throw new RangeError(`need at least ${minPlayers} values, got ${values.length}`);
  }
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || v <= 0) {
      throw new RangeError(`value ${i} is ${v}: must be a finite number > 0`);
    }
  });
}

/** Player indices sorted by value, highest first; ties keep index order (stable sort). */
export function indicesByValueDescending(values: readonly number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
}

/**
 * Index of the highest value other than at `except`, the lowest index among ties: entry 0 of
 * `indicesByValueDescending(values)`, or with `except` that entry 0, entry 1 (the stable sort puts
 * the next highest, lowest index first, there). A scan, without the sort's index array (hot: every
 * equilibrium bid asks for the top two). −1 when no index is left. Values must not be NaN.
 */
export function indexOfHighest(values: readonly number[], except = -1): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (i !== except && (best < 0 || values[i]! > values[best]!)) best = i;
  }
  return best;
}
