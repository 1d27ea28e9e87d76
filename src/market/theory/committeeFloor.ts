import type { FloorRule } from '../mechanisms/committee.js';
import {
  fraction,
  nonNegativeFinite,
  positiveInteger,
  requireParam,
} from '../mechanisms/paramChecks.js';

/** A bid as the committee theory sees it: its amount and the chance one member sees it in time. */
export interface SeenBid {
  /** Bid amount, numéraire, ≥ 0. */
  readonly amount: number;
  /** Probability q ∈ [0, 1] that a given member observes the bid by the deadline. */
  readonly seenProbability: number;
}

/**
 * Probability that one member sees a bid released at `bidTimeMs` by `deadlineMs` when its delay is
 * latency + Exponential(mean `jitterMeanMs`): q = 1 − exp(−(D − t − L)/μ) for D − t − L ≥ 0, else 0
 * (the exponential CDF). With μ = 0 the delay is exactly L, so q ∈ {0, 1}.
 */
export function seenProbability(
  bidTimeMs: number,
  latencyMs: number,
  jitterMeanMs: number,
  deadlineMs: number,
): number {
  requireParam(nonNegativeFinite, 'latencyMs', latencyMs);
  requireParam(nonNegativeFinite, 'jitterMeanMs', jitterMeanMs);
  const slack = deadlineMs - bidTimeMs - latencyMs;
  if (slack < 0) return 0;
  return jitterMeanMs === 0 ? 1 : 1 - Math.exp(-slack / jitterMeanMs);
}

/** P(Binomial(n, p) ≥ r), summed term by term (accurate for committees of a few hundred). */
export function binomialTail(n: number, p: number, r: number): number {
  requireParam(positiveInteger, 'n', n);
  requireParam(fraction, 'p', p);
  if (r <= 0) return 1;
  if (r > n) return 0;
  let term = (1 - p) ** n; // P(X = 0)
  let tail = 0;
  for (let k = 1; k <= n; k += 1) {
    term = p === 1 ? (k === n ? 1 : 0) : (term * (n - k + 1) * p) / (k * (1 - p));
    if (k >= r) tail += term;
  }
  return Math.min(tail, 1);
}

/** P(F ≥ a_k) for each distinct positive bid amount a_k, ascending; see `committeeFloorMoments`. */
export function committeeFloorSurvival(
  bids: readonly SeenBid[],
  committeeSize: number,
  rule: FloorRule,
): { level: number; probabilityAtLeast: number }[] {
  requireParam(positiveInteger, 'committeeSize', committeeSize);
  bids.forEach((b, i) => requireParam(fraction, `bids[${i}].seenProbability`, b.seenProbability));
  const r = rule === 'max' ? 1 : rule === 'min' ? committeeSize : Math.ceil(committeeSize / 2);
  const levels = [...new Set(bids.map((b) => b.amount).filter((a) => a > 0))].sort((a, b) => a - b);
  return levels.map((level) => {
    const missAll = bids
      .filter((b) => b.amount >= level)
      .reduce((prod, b) => prod * (1 - b.seenProbability), 1);
    return { level, probabilityAtLeast: binomialTail(committeeSize, 1 - missAll, r) };
  });
}

/**
 * Mean and variance of the committee floor F when each of n members independently sees bid i
 * with probability q_i (independently across bids) and observes the best bid it saw (0 if none).
 * The floor is the r-th largest observation — r = ⌈n/2⌉ for `majority` (strict-majority
 * attestation), n for `min`, 1 for `max` — so F ≥ a iff at least r members observed ≥ a, and a
 * member observes ≥ a with p(a) = 1 − Π_{i: amount_i ≥ a} (1 − q_i). With a_1 < … < a_K the
 * distinct positive amounts (a_0 = 0) and S_k = P(Binomial(n, p(a_k)) ≥ r) = P(F ≥ a_k):
 *   E[F] = Σ_k (a_k − a_{k−1}) S_k,  E[F²] = Σ_k (a_k² − a_{k−1}²) S_k
 * (F is supported on {0, a_1, …, a_K}, and P(F = a_k) = S_k − S_{k+1}).
 */
export function committeeFloorMoments(
  bids: readonly SeenBid[],
  committeeSize: number,
  rule: FloorRule,
): { mean: number; variance: number } {
  let mean = 0;
  let secondMoment = 0;
  let previous = 0;
  for (const { level, probabilityAtLeast } of committeeFloorSurvival(bids, committeeSize, rule)) {
    mean += (level - previous) * probabilityAtLeast;
    secondMoment += (level * level - previous * previous) * probabilityAtLeast;
    previous = level;
  }
  return { mean, variance: Math.max(0, secondMoment - mean * mean) };
}

/** E[F], the expected committee floor (see `committeeFloorMoments`). */
export function expectedCommitteeFloor(
  bids: readonly SeenBid[],
  committeeSize: number,
  rule: FloorRule,
): number {
  return committeeFloorMoments(bids, committeeSize, rule).mean;
}
