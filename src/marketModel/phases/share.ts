import type { Phase } from '../../engine/simulation.js';
import { sharesAmong } from '../../market/revenueSharing/sharesAmong.js';
import { sharedMembers } from '../membership.js';
import { reportSharedRevenue } from '../reporting.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

/** Cost per slot of running rollup r's own sequencer (Y). */
export function ownSequencerCostY(state: WorldState, r: number): number {
  const cost = state.config.revenueSharing.governance.ownSequencerCostY;
  return typeof cost === 'number' ? cost : (cost[state.rollups[r]!.id] ?? 0);
}

/**
 * Phase 7b (revenue sharing, DESIGN.md §6): the shared block's proposer reports its revenue, the
 * detectors check the report, and the rollups in the shared sequencer are paid their split of the
 * settled report (the configured rule over the members, after the proposer's cut) plus what a
 * forfeited bond pays back. A rollup running its own sequencer keeps its own block's revenue. Under
 * governance each rollup adds this slot to its epoch's tally: what it received against its other
 * option (a member: v({r}) − cost; outside: the share of v(M ∪ {r}) it would have had).
 */
export function sharePhase(rt: ModelRuntime): Phase<WorldState> {
  let active: boolean | undefined; // the config never changes during a run: decide once
  return {
    name: 'share',
    run(state) {
      const { rule, proposerCut, reporting, governance } = state.config.revenueSharing;
      active ??= rule !== undefined || governance.enabled || reporting.delta !== 0 || Object.values(reporting.detection).some((d) => d?.enabled);
      if (!active) return;
      const n = state.rollups.length;
      const members = sharedMembers(state);
      const p = state.refPriceYPerX;
      const feesByRollup = state.rollups.map((r) => (r.gasToken === 'X' ? state.stats[r.index]!.feesGas * p : state.stats[r.index]!.feesGas));
      if (members.length > 0) {
        const block = state.blocks.find((b) => b.rollups.includes(members[0]!));
        const trueY = block?.payments ? block.payments.toProposerY : members.reduce((a, r) => a + state.stats[r]!.proposerRevenueY, 0);
        const report = reportSharedRevenue(state, rt, block, trueY);
        const shares = rule ? (state.splitShares ?? sharesAmong(rule, members, n, { feesByRollup })) : members.map(() => 0);
        for (const r of members) {
          const s = state.stats[r]!;
          const share = rule ? shares[r]! : 0;
          s.revenueShareY = share * ((1 - proposerCut) * report.settledY + report.fromBondY);
          s.hiddenY = share * report.hiddenY;
          s.recoveredY = share * report.recoveredY;
          s.trueRevenueY = trueY;
          s.reportedRevenueY = report.reportedY;
          s.settledRevenueY = report.settledY;
          s.lied = report.lied;
          s.flagPublicBids = report.flags.publicBids;
          s.flagCommittee = report.flags.committee;
          s.flagAudit = report.flags.audit;
          s.publicBoundY = report.publicBoundY;
          s.committeeFloorY = report.committeeFloorY;
          s.slashedY = report.slashedY;
          s.fromBondY = report.fromBondY;
          s.overpaidY = report.overpaidY;
        }
      }
      for (const r of state.rollups) {
        if (state.governance.member[r.index]) continue;
        const s = state.stats[r.index]!;
        s.revenueShareY = s.proposerRevenueY;
      }
      if (governance.enabled) tallyEpoch(state, members, feesByRollup);
    },
  };
}

/** Adds this slot to each rollup's epoch tally (governance). */
function tallyEpoch(state: WorldState, members: readonly number[], feesByRollup: readonly number[]): void {
  const { rule, proposerCut } = state.config.revenueSharing;
  const g = state.governance;
  for (const { index: r } of state.rollups) {
    const s = state.stats[r]!;
    const cost = ownSequencerCostY(state, r);
    if (g.member[r]) {
      s.alternativeY = s.standaloneValueY - cost;
      g.receivedY[r]! += s.revenueShareY;
    } else {
      const wouldBe = state.wouldBe[r]!;
      const withR = [...members, r].sort((a, b) => a - b);
      const share = wouldBe.share ?? (rule ? sharesAmong(rule, withR, state.rollups.length, { feesByRollup })[r]! : 0);
      s.alternativeY = share * (1 - proposerCut) * wouldBe.revenueY;
      s.ownSequencerCostY = cost;
      g.receivedY[r]! += s.revenueShareY - cost;
    }
    g.alternativeY[r]! += s.alternativeY;
  }
}
