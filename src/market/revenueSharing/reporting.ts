import { committeeFloorReplacing, floorRank, insertLeading, type FloorRule } from '../mechanisms/committee.js';

/**
 * Checking what a shared sequencer's proposer reports of its revenue (DESIGN.md §6). Each detector
 * turns what it can observe into a lower bound L on the true revenue and flags a report r̂ with
 * r̂ < (1 − tolerance)·L. Pure functions; the model draws the observations.
 */

/** Relative slack so that a report equal to its bound, summed in another order, is not flagged. */
const FLOAT_SLACK = 1e-9;

/** True when `reportY` is below (1 − tolerance) × `boundY` (beyond float noise). */
export function isFlagged(reportY: number, boundY: number, tolerance: number): boolean {
  return reportY < (1 - tolerance) * boundY * (1 - FLOAT_SLACK);
}

/**
 * The committee's attested floor when the colluding members attest the proposer's report instead
 * of what they observed: the `floorRule` order statistic of the honest observations together with
 * `reportY` once per colluder — `committeeFloorReplacing(observed, colluding, reportY, rule)`, the
 * same number bit for bit. The colluders' attestations are one value, so only the honest ones are
 * sorted: with g of them at or above the report and c colluders, the r-th largest attestation is
 * the r-th largest honest one if r ≤ g, the report if r ≤ g + c, else the (r − c)-th largest honest
 * one. The k-th largest honest one is the first (by index) with exactly k − 1 values above it
 * (`withRankAbove`): a stable sort puts the entries equal to it in index order, and the first of
 * them at rank k exactly when k − 1 are above — so the same entry, ±0 included; when entries tie
 * across rank k none has, and the same stable partial sort as `committeeFloorReplacing`'s picks it.
 * A report of ±0 (which would tie a 0 of the other sign) and non-finite values take
 * `committeeFloorReplacing` itself. Every slot of the dishonest-proposer scenario takes this floor.
 */
export function attestedFloor(observed: readonly number[], colluding: readonly boolean[], reportY: number, rule: FloorRule): number {
  const rank = floorRank(observed.length, rule);
  if (!(Number.isFinite(reportY) && reportY !== 0)) return committeeFloorReplacing(observed, colluding, reportY, rule);
  if (honestScratch.length < observed.length) honestScratch = new Float64Array(2 * observed.length);
  const honest = honestScratch;
  let count = 0;
  let colluders = 0;
  let atOrAbove = 0;
  let notFinite = 0;
  // Counted without a branch per member: whether a member colludes is a coin flip, a branch on it
  // mispredicted about as often as taken. A colluder's entry is written and then overwritten (or
  // left past `count`); its observation (NaN in the model) is never counted.
  for (let j = 0; j < observed.length; j++) {
    const c = +(colluding[j] === true);
    const h = 1 - c;
    const x = observed[j]!;
    honest[count] = x;
    count += h;
    colluders += c;
    atOrAbove += h & +(x >= reportY);
    notFinite |= h & +!(x - x === 0); // x − x is 0 exactly for finite x (NaN for ±∞ and NaN)
  }
  if (notFinite !== 0) return committeeFloorReplacing(observed, colluding, reportY, rule);
  if (rank > atOrAbove && rank <= atOrAbove + colluders) return reportY;
  const k = rank <= atOrAbove ? rank : rank - colluders;
  const v = withRankAbove(honest, count, k - 1);
  return v === v ? v : rankedDescending(honest, count, k);
}

/**
 * The first of the first `count` values with exactly `above` values strictly greater than it, NaN
 * when none has (ties at the rank). Counts without a data-dependent branch per pair: cheaper than
 * an insertion sort's unpredictable shifts for the committee's dozen values.
 */
function withRankAbove(values: Float64Array, count: number, above: number): number {
  for (let i = 0; i < count; i++) {
    const x = values[i]!;
    let greater = 0;
    for (let j = 0; j < count; j++) greater += +(values[j]! > x);
    if (greater === above) return x;
  }
  return Number.NaN;
}

let honestScratch = new Float64Array(32);
let leadScratch = new Float64Array(32);

/**
 * The `rank`-th of the first `count` (finite) values sorted by the comparator b − a with a stable
 * sort, keeping only the leading `rank` (insertion: shift past the strictly smaller ones).
 */
function rankedDescending(values: Float64Array, count: number, rank: number): number {
  if (leadScratch.length < rank) leadScratch = new Float64Array(2 * rank);
  const lead = leadScratch;
  let kept = 0;
  for (let k = 0; k < count; k++) kept = insertLeading(lead, kept, rank, values[k]!);
  return lead[rank - 1]!;
}

/**
 * The smallest report the committee does not flag. Not being flagged is upward-closed in the report
 * (raising r̂ raises the floor by at most r̂ itself), so the least safe report is 0 or
 * (1 − tolerance) times one of the honest observations: the first of those, in increasing order,
 * that passes.
 */
export function leastUnflaggedCommitteeReport(observed: readonly number[], colluding: readonly boolean[], rule: FloorRule, tolerance: number): number {
  const candidates = [0, ...observed.filter((_, j) => !colluding[j]).map((o) => (1 - tolerance) * o)].sort((a, b) => a - b);
  for (const r of candidates) {
    if (!isFlagged(r, attestedFloor(observed, colluding, r, rule), tolerance)) return r;
  }
  return candidates[candidates.length - 1]!;
}

/**
 * A strategic proposer's report: the least report no enabled detector flags (`safeReportsY`, one per
 * detector; none means any report is safe), never above the truth. Under a stake bound a lie that
 * hides `hiddenY` from the rollups costs the bond with probability `auditProbability`, so the
 * proposer lies only if hiddenY > auditProbability × bondY (its expected gain, hiddenY − a·B, is
 * then positive); else, or when the lie would hide nothing from the rollups, it reports the truth.
 */
export function strategicReport(
  trueY: number,
  safeReportsY: readonly number[],
  rollupsPart: number,
  stake: { bondY: number; auditProbability: number } | null,
): number {
  const safe = Math.min(trueY, Math.max(0, ...safeReportsY));
  const hiddenY = rollupsPart * (trueY - safe);
  if (!(hiddenY > 0)) return trueY; // nothing to gain (e.g. the proposer's cut is everything)
  return stake === null || hiddenY > stake.auditProbability * stake.bondY ? safe : trueY;
}

/** A naive dishonest proposer reports (1 − δ) of its revenue. */
export function naiveReport(trueY: number, delta: number): number {
  return (1 - delta) * trueY;
}

/** What one slot's report cost the rollups, and what the detectors won back (Y, the rollups' part). */
export interface ReportSettlement {
  /** The revenue the split is applied to: the report, raised to the largest flagged bound. */
  readonly settledY: number;
  /** Hidden from the rollups by the report: part × (true − report), ≥ 0. */
  readonly hiddenY: number;
  /** Won back: by raising the report to the flagged bounds (capped at the hidden), then from the bond. */
  readonly recoveredY: number;
  /** Bond forfeited on a proven lie (the part beyond what was hidden is burned). */
  readonly slashedY: number;
  /** Of `recoveredY`, what came out of the forfeited bond. */
  readonly fromBondY: number;
  /** Paid to the rollups above the truth when a flagged bound exceeded it (value noise): part × (settled − true). */
  readonly overpaidY: number;
}

/**
 * Settles a report: the rollups are paid their part (`rollupsPart`, 1 − the proposer's cut) of the
 * report raised to the largest bound that flagged it (a flag is a proof the revenue was at least
 * that); a lie proven by audit (`audited`) forfeits `bondY`, from which the rollups recover what is
 * still hidden.
 */
export function settleReport(
  trueY: number,
  reportY: number,
  flaggedBoundsY: readonly number[],
  rollupsPart: number,
  audit: { audited: boolean; bondY: number },
): ReportSettlement {
  let settledY = reportY;
  for (const b of flaggedBoundsY) settledY = Math.max(settledY, b); // Math.max(reportY, ...flaggedBoundsY), without the spread call
  const hiddenY = rollupsPart * Math.max(0, trueY - reportY);
  const stillHidden = rollupsPart * Math.max(0, trueY - settledY);
  const lied = reportY < trueY * (1 - FLOAT_SLACK);
  const slashedY = lied && audit.audited ? audit.bondY : 0;
  const fromBond = Math.min(stillHidden, slashedY);
  return {
    settledY,
    hiddenY,
    recoveredY: hiddenY - stillHidden + fromBond,
    slashedY,
    fromBondY: fromBond,
    overpaidY: rollupsPart * Math.max(0, settledY - trueY),
  };
}
