import { runMechanism } from '../market/mechanisms/runMechanism.js';
import { observeBestBids } from '../market/mechanisms/committee.js';
import {
  attestedFloor,
  isFlagged,
  leastUnflaggedCommitteeReport,
  naiveReport,
  settleReport,
  strategicReport,
  type ReportSettlement,
} from '../market/revenueSharing/reporting.js';
import { blockMechanism, builderBids } from './bidding.js';
import type { ModelRuntime } from './runtime.js';
import type { WinningBlock } from './slot.js';
import type { WorldState } from './types.js';

/** One slot's report of the shared block's revenue and what the detectors made of it. */
export interface ReportOutcome extends ReportSettlement {
  readonly trueY: number;
  readonly reportedY: number;
  readonly lied: boolean;
  readonly flags: { readonly publicBids: boolean; readonly committee: boolean; readonly audit: boolean };
  readonly publicBoundY: number;
  readonly committeeFloorY: number;
}

type CommitteeDetector = NonNullable<WorldState['config']['revenueSharing']['reporting']['detection']['committee']>;

/**
 * Each member's base latency (all the same): built once per run, not every slot. Keyed by the run's
 * world, not by the config object, which a library user may edit between two runs.
 */
const latenciesByRun = new WeakMap<WorldState, readonly number[]>();

function memberLatencies(state: WorldState, committee: CommitteeDetector): readonly number[] {
  let latencies = latenciesByRun.get(state);
  if (latencies === undefined) {
    latencies = new Array<number>(committee.committeeSize).fill(committee.memberLatencyMs);
    latenciesByRun.set(state, latencies);
  }
  return latencies;
}

/**
 * The shared block's proposer reports its revenue `trueY` (DESIGN.md §6): honestly, as (1 − δ)·trueY,
 * or strategically; the enabled detectors check the report. Each detector draws from its own stream
 * every slot, whether or not the proposer lies, so runs that differ only in δ see the same
 * committees, public relays and audits (common random numbers).
 */
export function reportSharedRevenue(state: WorldState, rt: ModelRuntime, block: WinningBlock | undefined, trueY: number, proposers: readonly number[]): ReportOutcome {
  const { reporting, proposerCut } = state.config.revenueSharing;
  const { publicBids, committee, stakeBound } = reporting.detection;
  const part = 1 - proposerCut;
  // Only the public-bid and committee detectors look at the bids.
  const bids = publicBids?.enabled || committee?.enabled ? builderBids(state, block?.bidsY ?? [], block?.bidTimesMs) : [];

  let publicBoundY = 0;
  if (publicBids?.enabled) {
    const relay = rt.dist('reporting/public-bids');
    const visible = bids.filter(() => relay.bernoulli(publicBids.publicShare));
    publicBoundY = visible.length > 0 ? runMechanism(blockMechanism(state), visible, rt.dist('reporting/public-bound').source).payments.toProposer : 0;
  }
  let observed: number[] = [];
  const colluding: boolean[] = [];
  if (committee?.enabled) {
    const draw = rt.dist('reporting/committee');
    // Plain loops (every slot): `Array.from({ length })` takes V8's slow generic path.
    for (let j = 0; j < committee.committeeSize; j++) colluding.push(draw.bernoulli(committee.colludingFraction));
    observed = observeBestBids(bids, memberLatencies(state, committee), committee.deadlineMs, committee.latencyJitterMs, draw.source, committee.valueNoiseLogSd);
  }
  const audited = stakeBound?.enabled ? rt.dist('reporting/audit').bernoulli(stakeBound.auditProbability) : false;
  const proposer = block?.proposer ?? proposers[0]!;
  const validator = state.config.validators[proposer]!;
  const bondY = stakeBound?.enabled ? validator.stake * stakeBound.stakeValueY : 0;

  const dishonest = reporting.delta !== 0 && (reporting.dishonestValidators?.includes(validator.id) ?? true);
  let reportedY = trueY;
  if (dishonest && reporting.delta === 'strategic') {
    const safe: number[] = [];
    if (publicBids?.enabled) safe.push((1 - publicBids.tolerance) * publicBoundY);
    if (committee?.enabled) safe.push(leastUnflaggedCommitteeReport(observed, colluding, committee.floorRule, committee.tolerance));
    reportedY = strategicReport(trueY, safe, part, stakeBound?.enabled ? { bondY, auditProbability: stakeBound.auditProbability } : null);
  } else if (dishonest) reportedY = naiveReport(trueY, reporting.delta as number);

  const committeeFloorY = committee?.enabled ? attestedFloor(observed, colluding, reportedY, committee.floorRule) : 0;
  const flagPublic = publicBids?.enabled === true && isFlagged(reportedY, publicBoundY, publicBids.tolerance);
  const flagCommittee = committee?.enabled === true && isFlagged(reportedY, committeeFloorY, committee.tolerance);
  const flagged: number[] = [];
  if (flagPublic) flagged.push(publicBoundY);
  if (flagCommittee) flagged.push(committeeFloorY);
  const settlement = settleReport(trueY, reportedY, flagged, part, { audited, bondY });
  const lied = reportedY < trueY * (1 - 1e-9);
  // Field by field rather than `{ ...settlement, trueY, … }` (a V8 slow path, bench/README.md) or Object.assign (4× a literal's cost): every slot.
  return {
    settledY: settlement.settledY,
    hiddenY: settlement.hiddenY,
    recoveredY: settlement.recoveredY,
    slashedY: settlement.slashedY,
    fromBondY: settlement.fromBondY,
    overpaidY: settlement.overpaidY,
    trueY,
    reportedY,
    lied,
    flags: { publicBids: flagPublic, committee: flagCommittee, audit: lied && audited },
    publicBoundY,
    committeeFloorY,
  };
}
