import { z } from 'zod';
import {
  finite,
  nonNegativeFinite,
  positiveInteger,
  requireOneOf,
  requireParam,
  zParam,
} from './paramChecks.js';
import type { Bid, Source } from './types.js';

/**
 * How the committee's members' observed best bids become one floor.
 * - `majority` (default): a block is accepted only if a strict majority of members attest to it,
 *   and a member attests only if the winning bid is at least its own observed best bid — the
 *   attester rule of Drake's "MEV burn—a simple design" (ethresear.ch/t/15590: honest attesters
 *   set their floor to the top bid observed D seconds before the proposal and only attest above
 *   it), combined with a majority threshold. The effective floor is the ⌈n/2⌉-th largest observed
 *   bid: the median for odd n, the upper median for even n. The majority threshold is our
 *   modelling choice; the post leaves the fork-choice weight implicit.
 * - `min`: one attesting member suffices (the floor is the smallest observation; most lenient).
 * - `max`: every member must attest (the floor is the largest observation; strictest).
 */
export const floorRules = ['majority', 'min', 'max'] as const;
/** One of `floorRules`. */
export type FloorRule = (typeof floorRules)[number];

/**
 * Committee parameters shared by mev-burn and mev-smoothing. Times are in ms on the slot clock of
 * `Bid.timeMs`. Defaults are modelling choices, not protocol constants.
 */
export const committeeParamsSchema = z.strictObject({
  committeeSize: zParam(positiveInteger, 'committeeSize')
    .default(16)
    .describe('Number of committee members that observe bids and set the floor; integer >= 1.'),
  memberLatencyMs: zParam(nonNegativeFinite, 'memberLatencyMs')
    .default(100)
    .describe('Base one-way latency from any bidder to any committee member, in ms; finite, >= 0.'),
  latencyJitterMs: zParam(nonNegativeFinite, 'latencyJitterMs')
    .default(50)
    .describe('Mean of the exponential extra delay drawn per (member, bid), in ms; finite, >= 0 (0 = no noise).'),
  deadlineMs: zParam(finite, 'deadlineMs')
    .default(1500)
    .describe('Observation deadline on the slot clock, in ms since the auction opened (Drake\'s "D seconds" before the proposal); finite.'),
  floorRule: z
    .enum(floorRules)
    .default('majority')
    .describe('How members\' observed best bids become the floor: majority (the ⌈n/2⌉-th largest), min or max.'),
});
/** Committee parameters of `mev-burn` and `mev-smoothing`. */
export type CommitteeParams = z.output<typeof committeeParamsSchema>;

/** Throws a RangeError naming the first invalid committee parameter. */
export function validateCommitteeParams<P extends CommitteeParams>(params: P): P {
  requireParam(positiveInteger, 'committeeSize', params.committeeSize);
  requireParam(nonNegativeFinite, 'memberLatencyMs', params.memberLatencyMs);
  requireParam(nonNegativeFinite, 'latencyJitterMs', params.latencyJitterMs);
  requireParam(finite, 'deadlineMs', params.deadlineMs);
  requireOneOf('floorRule', params.floorRule, floorRules);
  return params;
}

/**
 * Each member's best observed bid at the deadline: member j sees bid i iff
 * timeMs_i + latency_j + jitter_ij ≤ deadlineMs, with jitter_ij ~ Exponential(mean
 * `latencyJitterMs`) drawn by inversion, −mean·ln(1 − u). Draws one uniform per (member, bid),
 * member-major, only when `latencyJitterMs` > 0. A member that sees no bid observes 0.
 *
 * With `valueLogSd` = σ > 0 a member also misreads each amount it sees as amount·exp(σZ),
 * Z ~ N(0, 1) by Box–Muller from two more uniforms per (member, bid) (drawn after the jitter's,
 * whether or not the bid is seen, so the stream's use does not depend on the amounts).
 *
 * Returns one observation per member, written into `out` when given (its old entries dropped).
 */
export function observeBestBids(
  bids: readonly Bid[],
  memberLatenciesMs: readonly number[],
  deadlineMs: number,
  latencyJitterMs: number,
  source: Source,
  valueLogSd = 0,
  out: number[] = [],
): number[] {
  for (let j = 0; j < memberLatenciesMs.length; j++) {
    // The name is built only for the message (this runs every slot, once per member).
    if (!(Number.isFinite(memberLatenciesMs[j]) && memberLatenciesMs[j]! >= 0)) requireParam(nonNegativeFinite, `memberLatenciesMs[${j}]`, memberLatenciesMs[j]!);
  }
  requireParam(nonNegativeFinite, 'latencyJitterMs', latencyJitterMs);
  requireParam(nonNegativeFinite, 'valueLogSd', valueLogSd);
  const cutoffs = bidCutoffs(bids.length);
  // Plain loops, not a `map` closure: this runs every slot, once per (member, bid).
  const observed = out;
  // Entries overwritten in place, the list cut only when longer: `length = 0` would drop its storage.
  if (observed.length > memberLatenciesMs.length) observed.length = memberLatenciesMs.length;
  for (let j = 0; j < memberLatenciesMs.length; j++) {
    const latencyMs = memberLatenciesMs[j]!;
    let best = 0;
    for (let i = 0; i < bids.length; i++) {
      const bid = bids[i]!;
      const baseMs = (bid.timeMs ?? 0) + latencyMs;
      let onTime: boolean;
      if (latencyJitterMs > 0) {
        const u = source();
        if (!(cutoffs.baseMs[i] === baseMs)) setCutoff(cutoffs, i, baseMs, deadlineMs, latencyJitterMs); // members of one latency share it
        if (u < cutoffs.lo[i]!) onTime = true;
        else if (u > cutoffs.hi[i]!) onTime = false;
        else onTime = baseMs + -latencyJitterMs * Math.log(1 - u) <= deadlineMs;
      } else onTime = baseMs + 0 <= deadlineMs;
      if (valueLogSd > 0) {
        // The misreading's two uniforms are drawn whether or not the bid is seen; a late bid's is never read, so not computed.
        const u1 = 1 - source();
        const u2 = source();
        if (!onTime) continue;
        const noise = Math.exp(valueLogSd * boxMuller(u1, u2));
        if (bid.amount * noise > best) best = bid.amount * noise;
      } else if (onTime && bid.amount * 1 > best) best = bid.amount * 1;
    }
    observed[j] = best;
  }
  return observed;
}

/**
 * Per bid, the draws u whose lateness is known without its logarithm: with J(u) = −mean·ln(1 − u)
 * the delay, the bid is on time iff fl(base + fl(J(u))) ≤ deadline, base = bid time + latency. J is
 * increasing and convex with J(0) = 0, so with u* the real cut-off (J(u*) = deadline − base = S),
 * u < (1 − 1e-7)·u* gives J(u) ≤ (1 − 1e-7)·S and u > (1 + 1e-7)·u* gives J(u) ≥ (1 + 1e-7)·S. The
 * computed delay is within 1e-15·J + 1e-15·mean of J, and when S ≥ 1e-6·(|deadline| + mean) the
 * band 1e-7·S exceeds that and the sum's rounding by orders of magnitude: outside [lo, hi] the
 * floating-point comparison cannot go the other way. Inside the band, or with S too small, the
 * comparison is computed as before. A base past the deadline is late for every draw (J ≥ 0).
 */
interface BidCutoffs {
  baseMs: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
}

let cutoffScratch: BidCutoffs = { baseMs: new Float64Array(0), lo: new Float64Array(0), hi: new Float64Array(0) };

/** Scratch cut-offs for `count` bids, none set yet (NaN bases match no base). */
function bidCutoffs(count: number): BidCutoffs {
  if (cutoffScratch.baseMs.length < count) cutoffScratch = { baseMs: new Float64Array(count), lo: new Float64Array(count), hi: new Float64Array(count) };
  for (let i = 0; i < count; i++) cutoffScratch.baseMs[i] = Number.NaN; // a loop: `fill` is a builtin call, dearer for a few bids
  return cutoffScratch;
}

/** Relative half-width of the band of draws around a cut-off whose lateness is computed exactly. */
const CUTOFF_BAND = 1e-7;

function setCutoff(c: BidCutoffs, i: number, baseMs: number, deadlineMs: number, jitterMs: number): void {
  c.baseMs[i] = baseMs;
  const slackMs = deadlineMs - baseMs;
  if (baseMs > deadlineMs) {
    c.lo[i] = -Infinity; // every draw is late
    c.hi[i] = -Infinity;
  } else if (Number.isFinite(slackMs) && slackMs >= 1e-6 * (Math.abs(deadlineMs) + jitterMs)) {
    const cutoff = -Math.expm1(-slackMs / jitterMs); // u*: 1 − exp(−S/mean), without cancellation
    c.lo[i] = cutoff * (1 - CUTOFF_BAND);
    c.hi[i] = cutoff * (1 + CUTOFF_BAND);
  } else {
    c.lo[i] = -Infinity; // every draw computed
    c.hi[i] = Infinity;
  }
}

/** One N(0, 1) draw by Box–Muller (cosine branch) from u1 ∈ (0, 1] and u2 ∈ [0, 1). */
function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * Rank r of the floor among the n observations sorted from largest: majority ⌈n/2⌉, min n, max 1.
 * The floor F satisfies F ≥ a iff at least r members observed ≥ a.
 */
export function floorRank(committeeSize: number, rule: FloorRule): number {
  requireParam(positiveInteger, 'committeeSize', committeeSize);
  if (rule === 'max') return 1;
  if (rule === 'min') return committeeSize;
  return Math.ceil(committeeSize / 2);
}

/** The committee's floor: the `floorRank`-th largest observed best bid (see `floorRules`). */
export function committeeFloor(observedBest: readonly number[], rule: FloorRule): number {
  const rank = floorRank(observedBest.length, rule);
  const sorted = sortedDescending(observedBest);
  if (sorted === null) return observedBest.slice().sort((a, b) => b - a)[rank - 1]!;
  return sorted[rank - 1]!;
}

let sortScratch = new Float64Array(32);

/**
 * `values` sorted by the comparator b − a into a scratch array (valid until the next call), by a
 * stable insertion sort: for finite values that comparator is a consistent order, under which every
 * stable sort — `Array.prototype.sort` among them — gives the same array, ±0 ties included. Null
 * when a value is not finite (the comparator is then inconsistent, and only the built-in sort says
 * what comes out). No array per call: the committee's floor is taken every slot.
 */
function sortedDescending(values: readonly number[]): Float64Array | null {
  if (sortScratch.length < values.length) sortScratch = new Float64Array(2 * values.length);
  const sorted = sortScratch;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    if (!Number.isFinite(x)) return null;
    let j = k;
    // Shift past the entries x sorts before (b − a < 0 with a = x, b = entry): strictly smaller ones.
    while (j > 0 && sorted[j - 1]! - x < 0) {
      sorted[j] = sorted[j - 1]!;
      j--;
    }
    sorted[j] = x;
  }
  return sorted;
}
