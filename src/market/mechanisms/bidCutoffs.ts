// Whether a committee member's view of a bid arrives by the deadline given its jitter draw, read from
// per-bid cut-offs kept from call to call (observeBestBids.ts).

/**
 * Whether a bid sent at `baseMs` (its time plus the member's latency) arrives by the deadline given
 * the jitter's uniform `u`: read from the bid's cut-off (`setCutoff`) outside a narrow band around
 * it, by the delay's logarithm inside.
 */
export function arrivesInTime(cutoffs: BidCutoffs, i: number, baseMs: number, u: number, deadlineMs: number, jitterMs: number): boolean {
  if (!(cutoffs.baseMs[i] === baseMs)) setCutoff(cutoffs, i, baseMs, deadlineMs, jitterMs); // members of one latency share it
  if (u < cutoffs.lo[i]!) return true;
  if (u > cutoffs.hi[i]!) return false;
  return baseMs + -jitterMs * Math.log(1 - u) <= deadlineMs;
}

/**
 * `arrivesInTime` as 1 or 0, without a branch on the draw outside the band (where the bid is
 * on time iff u < lo): whether a bid is seen is a coin flip per (member, bid).
 */
export function arrivesInTimeBit(cutoffs: BidCutoffs, i: number, baseMs: number, u: number, deadlineMs: number, jitterMs: number): number {
  if (!(cutoffs.baseMs[i] === baseMs)) setCutoff(cutoffs, i, baseMs, deadlineMs, jitterMs); // members of one latency share it
  const lo = cutoffs.lo[i]!;
  const hi = cutoffs.hi[i]!;
  if (+(u >= lo) & +(u <= hi)) return +(baseMs + -jitterMs * Math.log(1 - u) <= deadlineMs); // rare: inside the band
  return +(u < lo); // outside it (a NaN draw: late, as the logarithm says)
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
export interface BidCutoffs {
  baseMs: Float64Array;
  lo: Float64Array;
  hi: Float64Array;
  deadlineMs: number;
  jitterMs: number;
}

let cutoffScratch: BidCutoffs = { baseMs: new Float64Array(0), lo: new Float64Array(0), hi: new Float64Array(0), deadlineMs: Number.NaN, jitterMs: Number.NaN };

/**
 * Scratch cut-offs for `count` bids. An entry depends only on its base, the deadline and the
 * jitter's mean, so entries are kept from call to call while those two are the same (a bid's base
 * is compared before its entry is read; NaN bases match none): the builders bid at the same times
 * every slot, so their cut-offs are computed once per run, not once per slot.
 */
export function bidCutoffs(count: number, deadlineMs: number, jitterMs: number): BidCutoffs {
  let c = cutoffScratch;
  if (c.baseMs.length < count) c = cutoffScratch = { baseMs: new Float64Array(count), lo: new Float64Array(count), hi: new Float64Array(count), deadlineMs: Number.NaN, jitterMs: Number.NaN };
  if (!(c.deadlineMs === deadlineMs && c.jitterMs === jitterMs)) {
    for (let i = 0; i < c.baseMs.length; i++) c.baseMs[i] = Number.NaN; // a loop: `fill` is a builtin call, dearer for a few bids
    c.deadlineMs = deadlineMs;
    c.jitterMs = jitterMs;
  }
  return c;
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
