import { defineMechanism } from './defineMechanism.js';
import { validateAllocationFor, validateBids } from './validateBids.js';
import { winnerTakeAllAllocation } from './selectWinner.js';
import {
  committeeFloor,
  committeeParamsSchema,
  observeBestBids,
  validateCommitteeParams,
  type CommitteeParams,
} from './committee.js';
import { nonNegativeFinite, requireParam } from './paramChecks.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/** Parameters of `mev-burn`: the committee's (see `committeeParamsSchema`). */
export const mevBurnParamsSchema = committeeParamsSchema;
/** Parameters of `mev-burn`. */
export type MevBurnParams = CommitteeParams;

/**
 * Allocation given a floor already set: bids below `floor` are invalid; the highest valid bid
 * wins, ties broken uniformly with one draw from `source`. For callers (e.g. committee agents)
 * that compute the floor themselves.
 */
export function allocateWithFloor(bids: readonly Bid[], floor: number, source: Source): Allocation {
  validateBids(bids);
  requireParam(nonNegativeFinite, 'floor', floor);
  return winnerTakeAllAllocation(bids, source, floor, 1, (bid) => bid.amount >= floor);
}

/**
 * mev-burn / mev-smoothing allocation. The committee observes the bids at `deadlineMs` with
 * per-member latency and exponential jitter (`observeBestBids`, drawing first), the floor is set
 * by `floorRule` (`committeeFloor`), then the proposer picks the highest bid at or above the
 * floor (`allocateWithFloor`, one more draw). With latency noise only, every observation is an
 * actual bid, so floor ≤ highest bid and the slot is always sold when there are bids.
 */
export function allocateMevBurn(
  bids: readonly Bid[],
  params: CommitteeParams,
  source: Source,
): Allocation {
  validateBids(bids);
  validateCommitteeParams(params);
  const latencies = Array.from({ length: params.committeeSize }, () => params.memberLatencyMs);
  const { deadlineMs, latencyJitterMs } = params;
  const observed = observeBestBids(bids, latencies, deadlineMs, latencyJitterMs, source);
  return allocateWithFloor(bids, committeeFloor(observed, params.floorRule), source);
}

/**
 * The winner pays its bid b_w; the floor part is `floorTo` (burned or to the committee), the
 * excess b_w − floor goes to the proposer. Throws if the winning bid is below the floor.
 */
export function splitAtFloor(
  bids: readonly Bid[],
  allocation: Allocation,
  floorTo: 'burned' | 'toCommittee',
): Payments {
  validateBids(bids);
  validateAllocationFor(bids, allocation);
  const w = allocation.winnerIndex;
  const perBidder = bids.map((_, i) => (i === w ? bids[i]!.amount : 0));
  if (w === null) return { perBidder, toProposer: 0, burned: 0, toCommittee: 0, rebateToUser: 0 };
  const bid = bids[w]!.amount;
  if (bid < allocation.floor) {
    throw new RangeError(`winning bid ${bid} is below the committee floor ${allocation.floor}`);
  }
  const floorPart = allocation.floor;
  return {
    perBidder,
    toProposer: bid - floorPart,
    burned: floorTo === 'burned' ? floorPart : 0,
    toCommittee: floorTo === 'toCommittee' ? floorPart : 0,
    rebateToUser: 0,
  };
}

/** mev-burn payments: burned = floor, proposer's take = b_w − floor (so burn + take = b_w). */
export function payMevBurn(
  bids: readonly Bid[],
  allocation: Allocation,
  params: CommitteeParams,
): Payments {
  validateCommitteeParams(params);
  return splitAtFloor(bids, allocation, 'burned');
}

/** The `mev-burn` mechanism. */
export const mevBurn = defineMechanism({
  name: 'mev-burn',
  // Feedback: bids are gossiped to the committee in public; the floor depends on every bid seen.
  reveals: 'all-bids',
  counterfactualFrom: 'all-bids',
  losersPay: false,
  summary: 'a committee sets a floor from the bids it observed; the top bid above it wins; the floor is burned.',
  params: mevBurnParamsSchema,
  validateParams: validateCommitteeParams,
  allocate: allocateMevBurn,
  pay: payMevBurn,
});
