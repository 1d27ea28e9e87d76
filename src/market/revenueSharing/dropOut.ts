import { fraction, positiveInteger, requireParam } from '../mechanisms/paramChecks.js';
import type { Source } from '../mechanisms/types.js';
import { requireRollupCount, toValueTable, type CoalitionGame } from './coalitionValue.js';

/** Parameters of the drop-out estimator. */
export interface DropOutParams {
  /** Number of sampling rounds, an integer ≥ 1. Each costs n + 1 evaluations of v. */
  readonly rounds: number;
  /** Fixed keep probability in [0, 1]; absent means a fresh q ~ U(0,1) each round (Shapley). */
  readonly q?: number | undefined;
}

/** Estimates per rollup, in numéraire, with their Monte-Carlo standard errors. */
export interface DropOutEstimate {
  /** Mean marginal contribution of each rollup over the rounds. */
  readonly estimate: number[];
  /** sqrt(sample variance / rounds) per rollup; NaN when rounds = 1. */
  readonly standardError: number[];
}

/**
 * Evaluates v on the kept set T with rollup `flip` toggled (flip = −1: T itself). A table is read
 * by bitmask; a function is called on the member list (never on ∅, whose value is 0).
 */
function evaluator(n: number, game: CoalitionGame): (kept: boolean[], flip: number) => number {
  if (typeof game !== 'function') {
    const table = toValueTable(n, game);
    return (kept, flip) => {
      let mask = 0;
      for (let j = 0; j < n; j++) if (kept[j] !== (j === flip)) mask |= 1 << j;
      return table[mask]!;
    };
  }
  return (kept, flip) => {
    const members: number[] = [];
    for (let j = 0; j < n; j++) if (kept[j] !== (j === flip)) members.push(j);
    if (members.length === 0) return 0;
    const value = game(members);
    if (!Number.isFinite(value)) {
      throw new RangeError(`v({${members.join(',')}}) is ${value}: values must be finite`);
    }
    return value;
  };
}

/**
 * Random drop-out estimator (DESIGN.md §6). Each round: draw q ~ U(0,1) from `source` (or use the
 * fixed `params.q`), then keep each rollup j independently iff `source() < q` (n draws, in rollup
 * order), giving a kept set T. For every rollup i, with S = T ∖ {i} (each *other* rollup kept
 * w.p. q), record the marginal contribution v(S ∪ {i}) − v(S); the estimate is its mean.
 *
 * Why q ~ U(0,1) gives the Shapley value: P(S | q) = q^k (1−q)^(n−1−k) with k = |S|, and the
 * Beta integral ∫₀¹ q^k (1−q)^(n−1−k) dq = B(k+1, n−k) = k!(n−1−k)!/n! is exactly the Shapley
 * weight (Shapley 1953), so E[marginal] = φ_i: unbiased. Equivalently P(|S| = k) =
 * C(n−1, k) · k!(n−1−k)!/n! = 1/n, uniform over sizes, and given its size S is uniform — the
 * random-order definition. This is Owen's (1972, "Multilinear extensions of games", Mgmt. Sci.
 * 18(5)) formula φ_i = ∫₀¹ ∂f/∂x_i(q, …, q) dq, integrated by Monte Carlo.
 * With a fixed q it estimates the Banzhaf-type value φ^B_i(q) (see `banzhaf`), which is not
 * efficient: Σ_i φ^B_i(q) ≠ v(N) in general.
 *
 * `v` may be a function (any n; v is called on at most n + 1 coalitions per round) or a table.
 * Throws a RangeError naming `rounds` or `q` when they are out of range.
 */
export function dropOut(
  n: number,
  v: CoalitionGame,
  params: DropOutParams,
  source: Source,
): DropOutEstimate {
  requireRollupCount(n);
  requireParam(positiveInteger, 'rounds', params.rounds);
  if (params.q !== undefined) requireParam(fraction, 'q', params.q);
  const value = evaluator(n, v);
  const mean = new Array<number>(n).fill(0);
  const sumSquares = new Array<number>(n).fill(0); // Welford's M2 (Welford 1962, Technometrics 4)
  const kept = new Array<boolean>(n).fill(false);
  for (let round = 1; round <= params.rounds; round++) {
    const q = params.q ?? source();
    for (let j = 0; j < n; j++) kept[j] = source() < q;
    const valueOfT = value(kept, -1);
    for (let i = 0; i < n; i++) {
      const flipped = value(kept, i); // T without i if i ∈ T, else T with i
      const marginal = kept[i] ? valueOfT - flipped : flipped - valueOfT;
      const delta = marginal - mean[i]!;
      mean[i]! += delta / round;
      sumSquares[i]! += delta * (marginal - mean[i]!);
    }
  }
  const rounds = params.rounds;
  const standardError = sumSquares.map((m2) =>
    rounds > 1 ? Math.sqrt(m2 / (rounds - 1) / rounds) : Number.NaN,
  );
  return { estimate: mean, standardError };
}
