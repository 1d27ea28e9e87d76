import { nonNegativeFinite, requireParam } from './paramChecks.js';
import type { Bid, Source } from './types.js';
import { arrivesInTime, arrivesInTimeBit, bidCutoffs, type BidCutoffs } from './bidCutoffs.js';

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
 * A member with `unread[j]` true takes its draws as any other, but its observation is not worked
 * out: its entry is NaN (the revenue report's colluding members attest the proposer's report, so
 * what they saw is never read; their misreadings' logarithms, cosines and exponentials are saved).
 */
export function observeBestBids(
  bids: readonly Bid[],
  memberLatenciesMs: readonly number[],
  deadlineMs: number,
  latencyJitterMs: number,
  source: Source,
  valueLogSd = 0,
  out: number[] = [],
  unread: readonly boolean[] | null = null,
): number[] {
  checkObservationParams(memberLatenciesMs, latencyJitterMs, valueLogSd);
  if (valueLogSd > 0) {
    const uniforms = drawnUniforms(source, misreadDrawCount(memberLatenciesMs.length, bids.length, latencyJitterMs));
    return observeBestBidsDrawn(bids, memberLatenciesMs, deadlineMs, latencyJitterMs, uniforms, 0, valueLogSd, out, unread);
  }
  const observed = out;
  // Entries overwritten in place, the list cut only when longer: `length = 0` would drop its storage.
  if (observed.length > memberLatenciesMs.length) observed.length = memberLatenciesMs.length;
  const cutoffs = latencyJitterMs > 0 ? bidCutoffs(bids.length, deadlineMs, latencyJitterMs) : null;
  observeExactly(bids, memberLatenciesMs, deadlineMs, latencyJitterMs, cutoffs, source, observed, unread);
  return observed;
}

/**
 * `observeBestBids` with the misreading (σ = `valueLogSd` > 0) from uniforms already drawn: its
 * `misreadDrawCount` draws, in its order, are `uniforms[offset]` on. The same observations as
 * `observeBestBids` given a source that draws those uniforms. For a caller that takes its draws in
 * bulk (the revenue report's committee, `RandomStream.fill`).
 */
export function observeBestBidsDrawn(
  bids: readonly Bid[],
  memberLatenciesMs: readonly number[],
  deadlineMs: number,
  latencyJitterMs: number,
  uniforms: Float64Array,
  offset: number,
  valueLogSd: number,
  out: number[] = [],
  unread: readonly boolean[] | null = null,
): number[] {
  checkObservationParams(memberLatenciesMs, latencyJitterMs, valueLogSd);
  if (!(valueLogSd > 0)) throw new RangeError(`observeBestBidsDrawn: valueLogSd must be > 0 (got ${valueLogSd})`);
  // Entries overwritten in place, the list cut only when longer: `length = 0` would drop its storage.
  if (out.length > memberLatenciesMs.length) out.length = memberLatenciesMs.length;
  return observeMisread(bids, memberLatenciesMs, deadlineMs, latencyJitterMs, valueLogSd, uniforms, offset, out, unread);
}

/** Throws a RangeError naming the first invalid latency, jitter or misreading σ. */
function checkObservationParams(latencies: readonly number[], jitterMs: number, sd: number): void {
  for (let j = 0; j < latencies.length; j++) {
    // The name is built only for the message (this runs every slot, once per member).
    if (!(Number.isFinite(latencies[j]) && latencies[j]! >= 0)) requireParam(nonNegativeFinite, `memberLatenciesMs[${j}]`, latencies[j]!);
  }
  requireParam(nonNegativeFinite, 'latencyJitterMs', jitterMs);
  requireParam(nonNegativeFinite, 'valueLogSd', sd);
}

/** Uniforms a misreading committee draws: per (member, bid) the jitter's (when `jitterMs` > 0), then Box–Muller's two. */
export function misreadDrawCount(members: number, bids: number, jitterMs: number): number {
  return members * bids * (jitterMs > 0 ? 3 : 2);
}

let uniformScratch = new Float64Array(0);

/** `count` draws of `source`, in order, in a module scratch array (valid until the next call). */
function drawnUniforms(source: Source, count: number): Float64Array {
  if (uniformScratch.length < count) uniformScratch = new Float64Array(count);
  for (let k = 0; k < count; k++) uniformScratch[k] = source();
  return uniformScratch;
}

/** `observeBestBids` without the misreading: each member's best amount among the bids it saw. */
function observeExactly(bids: readonly Bid[], latencies: readonly number[], deadlineMs: number, jitterMs: number, cutoffs: BidCutoffs | null, source: Source, observed: number[], unread: readonly boolean[] | null): void {
  // Plain loops, not a `map` closure: this runs every slot, once per (member, bid).
  for (let j = 0; j < latencies.length; j++) {
    const latencyMs = latencies[j]!;
    let best = 0;
    for (let i = 0; i < bids.length; i++) {
      const bid = bids[i]!;
      const baseMs = (bid.timeMs ?? 0) + latencyMs;
      const onTime = cutoffs !== null ? arrivesInTime(cutoffs, i, baseMs, source(), deadlineMs, jitterMs) : baseMs + 0 <= deadlineMs;
      if (onTime && bid.amount * 1 > best) best = bid.amount * 1;
    }
    observed[j] = unread !== null && unread[j] === true ? Number.NaN : best;
  }
}

/**
 * The misreading from drawn uniforms: member j's draws are the `stride` (3 with the jitter, else 2)
 * uniforms per bid from offset + j·bids·stride on — lateness, then Box–Muller's 1 − u1 and u2 —
 * whether or not the bid is seen. All are drawn already, so each member reads only those of the
 * bids that can still raise its best (`bestMisreadOf`), and an unread member none.
 */
function observeMisread(bids: readonly Bid[], latencies: readonly number[], deadlineMs: number, jitterMs: number, sd: number, uniforms: Float64Array, offset: number, observed: number[], unread: readonly boolean[] | null): number[] {
  const cutoffs = jitterMs > 0 ? bidCutoffs(bids.length, deadlineMs, jitterMs) : null;
  const m = misreadScratch(bids, sd);
  const perMember = bids.length * (cutoffs !== null ? 3 : 2);
  const read = readMembers(latencies.length, unread, observed);
  for (let t = 0; t < read.count; t++) {
    const j = read.members[t]!;
    observed[j] = bestMisreadOf(bids, m, latencies[j]!, deadlineMs, jitterMs, cutoffs, uniforms, offset + j * perMember);
  }
  return observed;
}

/** The members whose observation is worked out, in order (`members[0..count)`): a module scratch, valid until the next call. */
let readScratch = { members: new Int32Array(0), count: 0 };

/**
 * The indices of the members not `unread`, with every member's observation set to NaN first (the
 * read ones are then overwritten). Listed without a branch per member: which members collude is a
 * coin flip per member, a branch on it mispredicted about as often as taken.
 */
function readMembers(members: number, unread: readonly boolean[] | null, observed: number[]): { members: Int32Array; count: number } {
  const r = readScratch.members.length < members ? (readScratch = { members: new Int32Array(members), count: 0 }) : readScratch;
  let count = 0;
  for (let j = 0; j < members; j++) {
    observed[j] = Number.NaN;
    r.members[count] = j;
    count += unread === null ? 1 : +(unread[j] !== true);
  }
  r.count = count;
  return r;
}


/** The bids' order by amount, largest first (computed once per call: the bids are every member's), and the noise bounds of `noiseBound` for `sd`. */
interface MisreadScratch {
  order: Int32Array;
  sd: number;
  /** `noiseBound`'s bounds by (cosine surely negative, radius ≤ 2): [radius 3, radius 2, 1⁺, 1⁺]. */
  readonly bounds: Float64Array;
}

let misreadScratchOf: MisreadScratch = { order: new Int32Array(0), sd: Number.NaN, bounds: new Float64Array(4) };

function misreadScratch(bids: readonly Bid[], sd: number): MisreadScratch {
  let m = misreadScratchOf;
  const n = bids.length;
  if (m.order.length < n) m = misreadScratchOf = { order: new Int32Array(n), sd: m.sd, bounds: m.bounds };
  if (!(m.sd === sd)) {
    m.sd = sd;
    m.bounds[0] = Math.exp(sd * 3) * NOISE_BOUND_SLACK;
    m.bounds[1] = Math.exp(sd * 2) * NOISE_BOUND_SLACK;
    m.bounds[2] = NOISE_BOUND_SLACK;
    m.bounds[3] = NOISE_BOUND_SLACK;
  }
  // Insertion sort of the indices by amount, largest first. Any order gives the same maximum; this
  // one lets most bids be skipped (NaN amounts compare false and stay where they are: still an order).
  for (let k = 0; k < n; k++) {
    const a = bids[k]!.amount;
    let p = k;
    while (p > 0 && bids[m.order[p - 1]!]!.amount < a) {
      m.order[p] = m.order[p - 1]!;
      p--;
    }
    m.order[p] = k;
  }
  return m;
}

/**
 * One member's best misread amount, max over the bids it saw of fl(amount · fl(exp(σZ))) with Z by
 * Box–Muller, and 0 when none beats 0 — the maximum, whatever order the bids are taken in (only
 * `>` updates it, from 0; a NaN never does). Taken from the largest amount down, a bid whose amount
 * times `noiseBound` does not beat the best so far cannot beat it with its noise either, so its
 * logarithm, cosine and exponential are not worked out (its lateness, read from the cut-offs, is:
 * one branch on both tests). Its draws start at `at`.
 */
function bestMisreadOf(bids: readonly Bid[], m: MisreadScratch, latencyMs: number, deadlineMs: number, jitterMs: number, cutoffs: BidCutoffs | null, uniforms: Float64Array, at: number): number {
  const stride = cutoffs !== null ? 3 : 2;
  let best = 0;
  for (let k = 0; k < bids.length; k++) {
    const i = m.order[k]!;
    const d = at + i * stride + stride - 2; // this bid's 1 − u1, then u2
    const amount = bids[i]!.amount;
    const u1 = 1 - uniforms[d]!;
    const u2 = uniforms[d + 1]!;
    const baseMs = (bids[i]!.timeMs ?? 0) + latencyMs;
    // One branch on both conditions (each a coin flip): lateness is a pure function of the draw, so
    // working it out when the bound already rules the bid out changes nothing but the time.
    const onTime = cutoffs !== null ? arrivesInTimeBit(cutoffs, i, baseMs, uniforms[d - 1]!, deadlineMs, jitterMs) : +(baseMs + 0 <= deadlineMs);
    if (!(+(amount * noiseBound(m, u1, u2) > best) & onTime)) continue;
    const noise = Math.exp(m.sd * boxMuller(u1, u2));
    if (amount * noise > best) best = amount * noise;
  }
  return best;
}

/** Slack on the bounds' exponentials: 1e-12 relative, far above exp's error (under an ulp, 2.2e-16). */
const NOISE_BOUND_SLACK = 1 + 1e-12;
/** u1 ≥ this gives −2·ln u1 < 4, so Box–Muller's radius ≤ 2 (e⁻² = 0.135335283…; 3.5e-5 relative margin, far above log's rounding). */
const RADIUS_TWO_U1 = 0.13534;
/** u1 ≥ this gives −2·ln u1 < 9, radius ≤ 3 (e^−4.5 = 0.0111089965…; 9e-5 relative margin). */
const RADIUS_THREE_U1 = 0.01111;

/**
 * An upper bound on the computed noise fl(exp(σ·fl(R·cos 2πu2))), R = fl(√(−2·ln u1)), without
 * computing it (Infinity when none is known). For u2 in [0.2500001, 0.7499999] the cosine is
 * negative (by at least 6e-7, far beyond its rounding), so Z ≤ 0 and the noise ≤ 1; else
 * Z ≤ R·1 ≤ 2 or 3 by u1's tier, and the noise ≤ fl(exp(2σ or 3σ)) with a 1e-12 slack (exp is
 * increasing and computed within an ulp; rounding the products is monotone). Then for an amount
 * a ≥ 0, fl(a·noise) ≤ fl(a·bound); a negative or NaN amount never beats the best (≥ 0) either way.
 * A u1 below both tiers (or not a number) has no bound: its noise is computed.
 */
function noiseBound(m: MisreadScratch, u1: number, u2: number): number {
  if (!(u1 >= RADIUS_THREE_U1)) return Infinity; // rare (1 %): predicted
  // Looked up rather than branched on: u2's side of the band is a coin flip per (member, bid).
  return m.bounds[(+(u2 >= 0.2500001) & +(u2 <= 0.7499999)) * 2 + +(u1 >= RADIUS_TWO_U1)]!;
}

/** One N(0, 1) draw by Box–Muller (cosine branch) from u1 ∈ (0, 1] and u2 ∈ [0, 1). */
function boxMuller(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
