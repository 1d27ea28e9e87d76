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
import { firstPriceRevenue } from './coalitionValue.js';
import type { Bid } from '../market/mechanisms/types.js';
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

/** Per-run scratch lists of the detectors (refilled each slot; read only within `reportSharedRevenue`). */
interface DetectorScratch {
  readonly visible: Bid[];
  readonly colluding: boolean[];
  readonly observed: number[];
}

const scratchByRun = new WeakMap<WorldState, DetectorScratch>();

function detectorScratch(state: WorldState): DetectorScratch {
  let scratch = scratchByRun.get(state);
  if (scratch === undefined) scratchByRun.set(state, (scratch = { visible: [], colluding: [], observed: [] }));
  return scratch;
}

/**
 * The public relay's bound: the block auction's revenue over the bids the relay showed, each shown
 * with probability `publicShare` (one draw per bid, in order, from `reporting/public-bids`), 0 when
 * none was. First-price takes its one tie-break draw without building its outcome (`firstPriceRevenue`).
 */
function publicBound(state: WorldState, rt: ModelRuntime, bids: readonly Bid[], publicShare: number, visible: Bid[]): number {
  const relay = rt.dist('reporting/public-bids');
  let shown = 0;
  for (let i = 0; i < bids.length; i++) if (relay.bernoulli(publicShare)) visible[shown++] = bids[i]!;
  if (visible.length !== shown) visible.length = shown; // cut after filling: `length = 0` first would drop its storage
  if (visible.length === 0) return 0;
  const mechanism = blockMechanism(state);
  const source = rt.dist('reporting/public-bound').source;
  return mechanism.name === 'first-price' ? firstPriceRevenue(mechanism, visible, source) : runMechanism(mechanism, visible, source).payments.toProposer;
}

/** The committee's draws, from `reporting/committee`: which members collude (one draw each), then what each observed (`observeBestBids`), into the scratch lists. */
function observeCommittee(state: WorldState, rt: ModelRuntime, bids: readonly Bid[], committee: CommitteeDetector, scratch: DetectorScratch): void {
  const draw = rt.dist('reporting/committee');
  const colluding = scratch.colluding;
  // Entries overwritten in place, the list cut only when longer: `length = 0` would drop its storage.
  if (colluding.length > committee.committeeSize) colluding.length = committee.committeeSize;
  for (let j = 0; j < committee.committeeSize; j++) colluding[j] = draw.bernoulli(committee.colludingFraction);
  observeBestBids(bids, memberLatencies(state, committee), committee.deadlineMs, committee.latencyJitterMs, draw.source, committee.valueNoiseLogSd, scratch.observed);
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
  const scratch = detectorScratch(state);
  // Only the public-bid and committee detectors look at the bids.
  const bids = publicBids?.enabled || committee?.enabled ? builderBids(state, block?.bidsY ?? [], block?.bidTimesMs) : [];

  const publicBoundY = publicBids?.enabled ? publicBound(state, rt, bids, publicBids.publicShare, scratch.visible) : 0;
  const { observed, colluding } = scratch;
  if (committee?.enabled) observeCommittee(state, rt, bids, committee, scratch);
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
  const flagged = flaggedBounds(flagPublic, publicBoundY, flagCommittee, committeeFloorY);
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

const NO_BOUNDS: readonly number[] = [];

/** The bounds that flagged the report, public relay's first (a list only when one did). */
function flaggedBounds(flagPublic: boolean, publicBoundY: number, flagCommittee: boolean, committeeFloorY: number): readonly number[] {
  if (flagPublic && flagCommittee) return [publicBoundY, committeeFloorY];
  if (flagPublic) return [publicBoundY];
  if (flagCommittee) return [committeeFloorY];
  return NO_BOUNDS;
}
