import { sharesAmong } from '../../market/revenueSharing/sharesAmong.js';
import { slotTallies, type Tally } from '../columns.js';
import { membersIn, sharedMask } from '../membership.js';
import { reportSharedRevenue } from '../reporting.js';
import type { ModelRuntime } from '../runtime.js';
import type { AuctionOutcome, CounterfactualOutcome, ExecutionOutcome, WinningBlock } from '../slot.js';
import type { WorldState } from '../types.js';

/** Cost per slot of running rollup r's own sequencer (Y). */
export function ownSequencerCostY(world: WorldState, r: number): number {
  const cost = world.config.revenueSharing.governance.ownSequencerCostY;
  const id = world.rollups[r]!.id;
  return typeof cost === 'number' ? cost : Object.hasOwn(cost, id) ? cost[id]! : 0;
}

/** What the share phase reads of the slot so far. */
export interface ShareInputs {
  readonly auction: AuctionOutcome;
  readonly counterfactual: CounterfactualOutcome;
  readonly execution: ExecutionOutcome;
  readonly settlement: readonly Tally<'settle'>[];
}

/**
 * Phase 7b (apply, revenue sharing, DESIGN.md §6): the shared block's proposer reports its revenue,
 * the detectors check the report, and the rollups in the shared sequencer are paid their split of
 * the settled report (the configured rule over the members, after the proposer's cut) plus what a
 * forfeited bond pays back. A rollup running its own sequencer keeps its own block's revenue. Under
 * governance each rollup adds this slot to its epoch's tally in the world: what it received against
 * its other option (a member: v({r}) − cost; outside: the share of v(M ∪ {r}) it would have had).
 * Returns the per-rollup statistics: per-run scratch zeroed in place, valid until the next slot's
 * share step (`slotTallies`).
 */
export function shareRevenue(rt: ModelRuntime): (world: WorldState, slot: ShareInputs) => Tally<'share'>[] {
  let active: boolean | undefined; // the config never changes during a run: decide once
  const tallies = slotTallies('share');
  const fees: number[] = [];
  return (world, slot) => {
    const tally = tallies(world.rollups.length);
    const { rule, proposerCut, reporting, governance } = world.config.revenueSharing;
    active ??= rule !== undefined || governance.enabled || reporting.delta !== 0 || Object.values(reporting.detection).some((d) => d?.enabled);
    if (!active) return tally;
    const n = world.rollups.length;
    const membersMask = sharedMask(world);
    const members = membersIn(membersMask, n);
    const feesByRollup = feesInto(fees, world, slot.execution);
    if (members.length > 0) {
      const block = blockOf(slot.auction.blocks, members[0]!);
      const trueY = sharedRevenueY(members, block, slot.settlement);
      const report = reportSharedRevenue(world, rt, block, trueY, slot.auction.proposers);
      const shares = rule ? (slot.counterfactual.splitShares ?? sharesAmong(rule, members, n, { feesByRollup })) : members.map(() => 0);
      for (let k = 0; k < members.length; k++) {
        const r = members[k]!;
        const s = tally[r]!;
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
    for (const r of world.rollups) {
      if (world.governance.member[r.index]) continue;
      tally[r.index]!.revenueShareY = slot.settlement[r.index]!.proposerRevenueY;
    }
    if (governance.enabled) tallyEpoch(world, membersMask, feesByRollup, slot.counterfactual, tally);
    return tally;
  };
}

/** Fees paid on each rollup this slot, in Y at the reference price, written into `fees` (per-run scratch: the rules read it and keep nothing). */
function feesInto(fees: number[], world: WorldState, execution: ExecutionOutcome): number[] {
  const p = world.refPriceYPerX;
  if (fees.length !== world.rollups.length) fees.length = 0;
  for (let r = 0; r < world.rollups.length; r++) {
    const gas = execution.tally[r]!.feesGas;
    fees[r] = world.rollups[r]!.gasToken === 'X' ? gas * p : gas;
  }
  return fees;
}

/** The first block carrying `rollup` (`blocks.find`, without a closure per slot). */
function blockOf(blocks: readonly WinningBlock[], rollup: number): WinningBlock | undefined {
  for (let k = 0; k < blocks.length; k++) if (blocks[k]!.rollups.includes(rollup)) return blocks[k];
  return undefined;
}

/**
 * The shared block's true revenue to its proposer (Y). With builders: the mechanism's payment to the
 * proposer, plus what it was paid outside the block's price — a partial-block auction's local part,
 * and the order-flow auction's price less the users' rebates. Without: the members' proposer revenue.
 * Sums in members' order from the same starting terms as `reduce` would (indexed loops: no iterator per slot).
 */
function sharedRevenueY(members: readonly number[], block: WinningBlock | undefined, settlement: readonly Tally<'settle'>[]): number {
  if (!block?.payments) {
    let trueY = 0;
    for (let k = 0; k < members.length; k++) trueY += settlement[members[k]!]!.proposerRevenueY;
    return trueY;
  }
  let ofaY = 0;
  for (let k = 0; k < members.length; k++) ofaY = ofaY + settlement[members[k]!]!.ofaRevenueY - settlement[members[k]!]!.userRebateY;
  let trueY = ofaY !== 0 ? block.payments.toProposerY + ofaY : block.payments.toProposerY;
  for (let k = 0; k < members.length; k++) trueY += settlement[members[k]!]!.localPartY;
  return trueY;
}

/** Adds this slot to each rollup's epoch tally (governance). */
function tallyEpoch(world: WorldState, membersMask: number, feesByRollup: readonly number[], cf: CounterfactualOutcome, tally: Tally<'share'>[]): void {
  const { rule, proposerCut } = world.config.revenueSharing;
  const g = world.governance;
  for (const { index: r } of world.rollups) {
    const s = tally[r]!;
    const cost = ownSequencerCostY(world, r);
    if (g.member[r]) {
      s.alternativeY = cf.tally[r]!.standaloneValueY - cost;
      g.receivedY[r]! += s.revenueShareY;
    } else {
      const wouldBe = cf.wouldBe[r]!;
      const withR = membersIn(membersMask | (1 << r), world.rollups.length);
      const share = wouldBe.share ?? (rule ? sharesAmong(rule, withR, world.rollups.length, { feesByRollup })[r]! : 0);
      s.alternativeY = share * (1 - proposerCut) * wouldBe.revenueY;
      s.ownSequencerCostY = cost;
      g.receivedY[r]! += s.revenueShareY - cost;
    }
    g.alternativeY[r]! += s.alternativeY;
  }
}
