import type { Tally } from './columns.js';

/*
 * The `reporting` part of a run summary: what the shared block's proposer reported, and what each
 * detector made of it (revenue sharing, DESIGN.md §6). Accumulated from slot events.
 */

/** Flags of one detector: on lies (detections) and on honest reports (false alarms). */
export interface DetectorSummary {
  flagged_lies: number;
  /** flagged_lies ÷ lie_slots; null when the proposer never lied. */
  detection_rate: number | null;
  false_alarms: number;
  /** false_alarms ÷ honest slots; null when every report was a lie. */
  false_alarm_rate: number | null;
}

export interface ReportingSummary {
  /** Slots with a shared block, and those whose report was below the truth. */
  slots: number;
  lie_slots: number;
  true_revenue_y: number;
  reported_revenue_y: number;
  settled_revenue_y: number;
  /** The rollups' part of what was hidden, won back (flag corrections + bonds) and lost (Y). */
  hidden_y: number;
  recovered_y: number;
  lost_y: number;
  slashed_y: number;
  overpaid_y: number;
  /**
   * What lying earned the proposer, net: what it kept hidden, less what flags made it pay back
   * (including above the truth) and the bonds it forfeited — lost_y + bond repayments − slashed_y −
   * overpaid_y (Y).
   */
  proposer_net_gain_y: number;
  /** Per detector; null when the detector is not enabled. */
  public_bids: DetectorSummary | null;
  committee: DetectorSummary | null;
  audit: DetectorSummary | null;
  /** Flagged by at least one detector. */
  any: DetectorSummary;
}

type DetectorKey = 'public_bids' | 'committee' | 'audit' | 'any';

/** Running totals behind `ReportingSummary`. */
export interface ReportingTally {
  slots: number;
  lieSlots: number;
  trueY: number;
  reportedY: number;
  settledY: number;
  hiddenY: number;
  recoveredY: number;
  slashedY: number;
  fromBondY: number;
  overpaidY: number;
  flags: Record<DetectorKey, { lies: number; honest: number }>;
}

export const emptyTally = (): ReportingTally => ({
  slots: 0,
  lieSlots: 0,
  trueY: 0,
  reportedY: 0,
  settledY: 0,
  hiddenY: 0,
  recoveredY: 0,
  slashedY: 0,
  fromBondY: 0,
  overpaidY: 0,
  flags: { public_bids: { lies: 0, honest: 0 }, committee: { lies: 0, honest: 0 }, audit: { lies: 0, honest: 0 }, any: { lies: 0, honest: 0 } },
});

/**
 * Folds a slot's revenue report into the tally: `shares` are the share step's tallies per rollup,
 * `member` whether each rollup was in the shared sequencer (the report is read from the first member's).
 */
export function addReport(t: ReportingTally, shares: readonly Tally<'share'>[], member: readonly boolean[]): void {
  const k = member.indexOf(true);
  if (k < 0) return;
  const m = shares[k]!;
  t.slots++;
  if (m.lied) t.lieSlots++;
  t.trueY += m.trueRevenueY;
  t.reportedY += m.reportedRevenueY;
  t.settledY += m.settledRevenueY;
  t.slashedY += m.slashedY;
  t.fromBondY += m.fromBondY;
  t.overpaidY += m.overpaidY;
  for (const r of shares) {
    t.hiddenY += r.hiddenY;
    t.recoveredY += r.recoveredY;
  }
  const outcome = m.lied ? 'lies' : 'honest';
  // One count per flag raised (no record per slot).
  if (m.flagPublicBids) t.flags.public_bids[outcome]++;
  if (m.flagCommittee) t.flags.committee[outcome]++;
  if (m.flagAudit) t.flags.audit[outcome]++;
  if (m.flagPublicBids || m.flagCommittee || m.flagAudit) t.flags.any[outcome]++;
}

export function reportingSummary(t: ReportingTally, enabled: Record<'public_bids' | 'committee' | 'audit', boolean>): ReportingSummary {
  const honest = t.slots - t.lieSlots;
  const detector = (k: DetectorKey): DetectorSummary => ({
    flagged_lies: t.flags[k].lies,
    detection_rate: t.lieSlots > 0 ? t.flags[k].lies / t.lieSlots : null,
    false_alarms: t.flags[k].honest,
    false_alarm_rate: honest > 0 ? t.flags[k].honest / honest : null,
  });
  return {
    slots: t.slots,
    lie_slots: t.lieSlots,
    true_revenue_y: t.trueY,
    reported_revenue_y: t.reportedY,
    settled_revenue_y: t.settledY,
    hidden_y: t.hiddenY,
    recovered_y: t.recoveredY,
    lost_y: t.hiddenY - t.recoveredY,
    slashed_y: t.slashedY,
    overpaid_y: t.overpaidY,
    proposer_net_gain_y: t.hiddenY - t.recoveredY + (t.fromBondY ?? 0) - t.slashedY - t.overpaidY,
    public_bids: enabled.public_bids ? detector('public_bids') : null,
    committee: enabled.committee ? detector('committee') : null,
    audit: enabled.audit ? detector('audit') : null,
    any: detector('any'),
  };
}
