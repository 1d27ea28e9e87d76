import { runMechanism } from '../market/mechanisms/runMechanism.js';
import { observeBestBids } from '../market/mechanisms/committee.js';
import { misreadDrawCount, observeBestBidsDrawn } from '../market/mechanisms/observeBestBids.js';
import {
  attestedFloor,
  isFlagged,
  leastUnflaggedCommitteeReport,
  naiveReport,
  settleReport,
  strategicReport,
  type ReportSettlement,
} from '../market/revenueSharing/reporting.js';
import { blockMechanism } from './bidding.js';
import { firstPriceRevenue } from './fixedFractionValue.js';
import type { Bid, Source } from '../market/mechanisms/types.js';
import { bernoulliOf, type Distributions } from '../engine/distributions.js';
import type { RandomStream } from '../engine/randomStreams.js';
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

/** Each member's base latency (all the same): built once per run (`DetectorScratch.latencies`), not every slot. */
function memberLatencies(scratch: DetectorScratch, committee: CommitteeDetector): readonly number[] {
  return (scratch.latencies ??= new Array<number>(committee.committeeSize).fill(committee.memberLatencyMs));
}

/** A builder's bid as the detectors see it: overwritten in place each slot (`builderBidsInto`). */
interface ScratchBid {
  bidderId: string;
  amount: number;
  timeMs: number;
}

/** Per-run scratch lists of the detectors (refilled each slot; read only within `reportSharedRevenue`). */
interface DetectorScratch {
  /** `visibleBySize[k]`: the relay's shown bids when it showed k (one list per size, so none is ever cut: a `length =` is a V8 runtime call). */
  readonly visibleBySize: Bid[][];
  readonly colluding: boolean[];
  readonly observed: number[];
  /** One bid object per builder, reused every slot. */
  readonly bidPool: ScratchBid[];
  /** `bidsBySize[k]`: the first k objects of `bidPool`, the slot's bids when the block had k. */
  readonly bidsBySize: Bid[][];
  /**
   * The detectors' streams, each looked up where it was before, on first use (a stream is created
   * by its first lookup, and the checkpoint lists the streams created), then kept: a `Map` lookup
   * per detector and slot saved. Reset when the runtime changes.
   */
  streams: DetectorStreams;
  /** The committee's uniforms of one slot (`observeCommittee`), refilled each slot. */
  uniforms: Float64Array;
  /** The committee members' base latencies (`memberLatencies`). Per run, like the rest: keyed by the run's world, not by the config object, which a library user may edit between two runs. */
  latencies: number[] | null;
}

interface DetectorStreams {
  readonly rt: ModelRuntime | null;
  relay: Distributions | null;
  bound: Source | null;
  committee: Distributions | null;
  /** The committee's stream itself, for its bulk draws (the one `committee` draws from). */
  committeeStream: RandomStream | null;
  audit: Distributions | null;
}

const NO_STREAMS: DetectorStreams = { rt: null, relay: null, bound: null, committee: null, committeeStream: null, audit: null };

/** The scratch's stream handles for `rt` (fresh, all unset, when the run's runtime is not the one they came from). */
function streamsOf(scratch: DetectorScratch, rt: ModelRuntime): DetectorStreams {
  if (scratch.streams.rt !== rt) scratch.streams = { rt, relay: null, bound: null, committee: null, committeeStream: null, audit: null };
  return scratch.streams;
}

const scratchByRun = new WeakMap<WorldState, DetectorScratch>();

function detectorScratch(state: WorldState): DetectorScratch {
  let scratch = scratchByRun.get(state);
  if (scratch === undefined) scratchByRun.set(state, (scratch = { visibleBySize: [], colluding: [], observed: [], bidPool: [], bidsBySize: [], streams: NO_STREAMS, uniforms: new Float64Array(0), latencies: null }));
  return scratch;
}

/** The list of `size` entries in `bySize` (made on first use filled with `fill`, kept for the run; no closure per call). */
function listOfSize<T>(bySize: T[][], size: number, fill: T): T[] {
  while (bySize.length <= size) bySize.push(new Array<T>(bySize.length).fill(fill));
  return bySize[size]!;
}

/**
 * `builderBids(state, bidsY, bidTimesMs)` with the run's reused bid objects: the same fields, values
 * and order, and no allocation per slot. Valid until the next slot's report (nothing keeps them:
 * the relay's bound and the committee only read them).
 */
function builderBidsInto(state: WorldState, scratch: DetectorScratch, bidsY: readonly number[], bidTimesMs: readonly number[] | undefined): readonly Bid[] {
  const pool = scratch.bidPool;
  while (pool.length < bidsY.length) pool.push({ bidderId: '', amount: 0, timeMs: 0 });
  for (let i = 0; i < bidsY.length; i++) {
    const b = pool[i]!;
    b.bidderId = state.builders[i]!.id;
    b.amount = bidsY[i]!;
    b.timeMs = bidTimesMs?.[i] ?? state.config.builders[i]!.bidTimeMs;
  }
  const bids = listOfSize(scratch.bidsBySize, bidsY.length, pool[0]!);
  for (let i = 0; i < bids.length; i++) bids[i] = pool[i]!; // the pool's first k objects, in order (cheap: one store per builder)
  return bids;
}

/**
 * The public relay's bound: the block auction's revenue over the bids the relay showed, each shown
 * with probability `publicShare` (one draw per bid, in order, from `reporting/public-bids`), 0 when
 * none was. First-price takes its one tie-break draw without building its outcome (`firstPriceRevenue`).
 */
function publicBound(state: WorldState, streams: DetectorStreams, rt: ModelRuntime, bids: readonly Bid[], publicShare: number, visibleBySize: Bid[][]): number {
  const relay = (streams.relay ??= rt.dist('reporting/public-bids'));
  const all = listOfSize(visibleBySize, bids.length, bids[0]!);
  let shown = 0;
  for (let i = 0; i < bids.length; i++) if (relay.bernoulli(publicShare)) all[shown++] = bids[i]!;
  if (shown === 0) return 0;
  const visible = listOfSize(visibleBySize, shown, bids[0]!);
  for (let i = 0; i < shown; i++) visible[i] = all[i]!;
  const mechanism = blockMechanism(state);
  const source = (streams.bound ??= rt.dist('reporting/public-bound').source);
  return mechanism.name === 'first-price' ? firstPriceRevenue(mechanism, visible, source) : runMechanism(mechanism, visible, source).payments.toProposer;
}

/**
 * The committee's draws, from `reporting/committee`: which members collude (one draw each), then what
 * each observed (`observeBestBids`), into the scratch lists. With the misreading (3 uniforms per
 * member and bid) the slot's draws are taken in one bulk `fill` (the same numbers in the same order)
 * and read from the array. A colluding member attests the report, never what it saw
 * (`attestedFloor`, `leastUnflaggedCommitteeReport`): its draws are taken, its observation is left
 * unworked (NaN).
 */
function observeCommittee(rt: ModelRuntime, bids: readonly Bid[], committee: CommitteeDetector, scratch: DetectorScratch): void {
  const { committeeSize, colludingFraction, deadlineMs, latencyJitterMs, valueNoiseLogSd } = committee;
  const colluding = scratch.colluding;
  // Entries overwritten in place, the list cut only when longer: `length = 0` would drop its storage.
  if (colluding.length > committeeSize) colluding.length = committeeSize;
  const latencies = memberLatencies(scratch, committee);
  if (!(valueNoiseLogSd > 0)) {
    const draw = (scratch.streams.committee ??= rt.dist('reporting/committee'));
    for (let j = 0; j < committeeSize; j++) colluding[j] = draw.bernoulli(colludingFraction);
    observeBestBids(bids, latencies, deadlineMs, latencyJitterMs, draw.source, valueNoiseLogSd, scratch.observed, colluding);
    return;
  }
  const stream = (scratch.streams.committeeStream ??= rt.streams.stream('reporting/committee'));
  const count = committeeSize + misreadDrawCount(committeeSize, bids.length, latencyJitterMs);
  if (scratch.uniforms.length < count) scratch.uniforms = new Float64Array(count);
  const uniforms = scratch.uniforms;
  stream.fill(uniforms, count);
  for (let j = 0; j < committeeSize; j++) colluding[j] = bernoulliOf(uniforms[j]!, colludingFraction);
  observeBestBidsDrawn(bids, latencies, deadlineMs, latencyJitterMs, uniforms, committeeSize, valueNoiseLogSd, scratch.observed, colluding);
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
  const bids = publicBids?.enabled || committee?.enabled ? builderBidsInto(state, scratch, block?.bidsY ?? NO_BIDS, block?.bidTimesMs) : NO_BIDS_OF;

  const streams = streamsOf(scratch, rt);
  const publicBoundY = publicBids?.enabled ? publicBound(state, streams, rt, bids, publicBids.publicShare, scratch.visibleBySize) : 0;
  const { observed, colluding } = scratch;
  if (committee?.enabled) observeCommittee(rt, bids, committee, scratch);
  const audited = stakeBound?.enabled ? (streams.audit ??= rt.dist('reporting/audit')).bernoulli(stakeBound.auditProbability) : false;
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

const NO_BIDS: readonly number[] = [];
const NO_BIDS_OF: readonly Bid[] = [];
const NO_BOUNDS: readonly number[] = [];
/** Module scratch of `flaggedBounds` (refilled per call; `settleReport` only reads it). */
const oneBound: number[] = [0];
const twoBounds: number[] = [0, 0];

/** The bounds that flagged the report, public relay's first: a module scratch list, valid until the next call. */
function flaggedBounds(flagPublic: boolean, publicBoundY: number, flagCommittee: boolean, committeeFloorY: number): readonly number[] {
  if (flagPublic && flagCommittee) {
    twoBounds[0] = publicBoundY;
    twoBounds[1] = committeeFloorY;
    return twoBounds;
  }
  if (!flagPublic && !flagCommittee) return NO_BOUNDS;
  oneBound[0] = flagPublic ? publicBoundY : committeeFloorY;
  return oneBound;
}
