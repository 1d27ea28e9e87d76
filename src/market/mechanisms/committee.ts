import { z } from 'zod';
import {
  finite,
  nonNegativeFinite,
  positiveInteger,
  requireOneOf,
  requireParam,
  zParam,
} from './paramChecks.js';

/** The members' observations (their own file: draws, cut-offs and the misreading's bounds). */
export { observeBestBids } from './observeBestBids.js';

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
  const leading = leadingDescending(observedBest, rank, null, 0);
  if (leading === null) return observedBest.slice().sort((a, b) => b - a)[rank - 1]!;
  return leading[rank - 1]!;
}

/**
 * `committeeFloor` of the attestations: `attestY` for each member with `replaced[j]`, its own
 * `observedBest[j]` otherwise; the same number, without copying the attestations into a list
 * (the dishonest-proposer detector takes this every slot).
 */
export function committeeFloorReplacing(observedBest: readonly number[], replaced: readonly boolean[], attestY: number, rule: FloorRule): number {
  const rank = floorRank(observedBest.length, rule);
  const leading = leadingDescending(observedBest, rank, replaced, attestY);
  if (leading === null) return committeeFloor(observedBest.map((o, j) => (replaced[j] ? attestY : o)), rule);
  return leading[rank - 1]!;
}

let sortScratch = new Float64Array(32);

/**
 * One step of a stable insertion sort by the comparator b − a that keeps only the leading `count`:
 * `x` goes into `lead[0..kept)` where the full sort would put it (past the entries it sorts before
 * — b − a < 0 with a = x, b = entry: strictly smaller ones), or nowhere when that is at or past
 * `count` (one comparison with the last kept entry tells); returns the new number kept.
 */
export function insertLeading(lead: Float64Array, kept: number, count: number, x: number): number {
  if (kept === count) {
    if (!(lead[count - 1]! - x < 0)) return kept; // sorts after the last kept entry
    kept--; // the last kept entry moves past `count`
  }
  let j = kept;
  while (j > 0 && lead[j - 1]! - x < 0) {
    lead[j] = lead[j - 1]!;
    j--;
  }
  lead[j] = x;
  return kept + 1;
}

/**
 * The first `count` entries of `values` sorted by the comparator b − a, in a scratch array (valid
 * until the next call), by a stable insertion sort that keeps only those entries: for finite values
 * that comparator is a consistent order, under which every stable sort — `Array.prototype.sort`
 * among them — gives the same array, ±0 ties included. A value goes where the full sort would put
 * it; if that is at or past `count` it changes none of the first `count` (one comparison with the
 * last kept entry tells). Null when a value is not finite (the comparator is then inconsistent, and
 * only the built-in sort says what comes out). No array per call: the committee's floor is taken
 * every slot, and the majority floor needs half of the sort. With `replaced`, entry k reads as
 * `replacement` where `replaced[k]` is true (`committeeFloorReplacing`).
 */
function leadingDescending(values: readonly number[], count: number, replaced: readonly boolean[] | null, replacement: number): Float64Array | null {
  if (sortScratch.length < count) sortScratch = new Float64Array(2 * count);
  const sorted = sortScratch;
  let kept = 0;
  for (let k = 0; k < values.length; k++) {
    const x = replaced !== null && replaced[k] ? replacement : values[k]!;
    if (!Number.isFinite(x)) return null;
    kept = insertLeading(sorted, kept, count, x);
  }
  return sorted;
}
