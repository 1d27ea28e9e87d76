import type { Bundle, UserSwap } from '../market/orders/types.js';
import type { RollupConfig } from '../config/schema.js';
import type { RollupState, WorldState } from './types.js';

/**
 * Orderings that place a transaction by its arrival time: `fcfs`, and `timeboost` (first come, first
 * served with the express lane's delay for everyone but its controller). Positions there are not
 * for sale, and no one sees a swap before it is sequenced, so no one can go ahead of it.
 */
export function ordersByArrival(ordering: RollupConfig['ordering']): boolean {
  return ordering === 'fcfs' || ordering === 'timeboost';
}

/**
 * Who places a bundle in the block, by the rules of the rollups it acts on:
 * - `fcfs`: a rollup ordered by arrival (`ordersByArrival`: `fcfs` or `timeboost`) — its place is
 *   arrival time (under Timeboost, delayed unless its searcher controls the express lane), not for
 *   sale (carried unsold by every block, paying nothing);
 * - `priority-fee`: a rollup whose sequencer orders by priority fee (OP Stack, Base) — the rollup
 *   itself sells the place to the highest fee and keeps the fee (`sellByPriorityFee`, phases/auction.ts);
 * - `ofa`: a backrun of a swap sent through the order-flow auction (`order-flow-auction`) — the OFA
 *   sells it, per user (`orderFlow.ts`);
 * - `block`: whoever sells the block — builders, or the proposer's own auction.
 * A bundle touching a rollup ordered by arrival is `fcfs` whatever its other rollups do, then priority-fee.
 */
export type Placement = 'fcfs' | 'priority-fee' | 'ofa' | 'block';

/** No swap sent through the order-flow auction (one shared, never-filled set for every other mechanism). */
const NO_OFA_USERS: ReadonlySet<number> = new Set<number>();

/** The ids of the swaps sent through the order-flow auction among the rollups' pending swaps. */
export function pendingOfaUsers(world: WorldState): ReadonlySet<number> {
  if (world.config.mechanism.name !== 'order-flow-auction') return NO_OFA_USERS;
  const ids = new Set<number>();
  for (const r of world.rollups) for (const tx of r.pending) if (tx.viaOfa === true) ids.add(tx.id);
  return ids;
}

/**
 * The placement of a bundle (see `Placement`). `ofaUsers`: the slot's swaps sent through the OFA
 * (by default read from the pending swaps, which execution empties: pass them after it).
 */
export function placementOf(world: WorldState, b: Bundle, ofaUsers?: ReadonlySet<number>): Placement {
  const t = b.target;
  const configs = world.config.rollups;
  // Loops rather than `rollupsOf(...).some(...)`: this runs for every bundle of every slot.
  let priorityFee = false;
  if (t.kind === 'top') {
    for (const r of t.rollups) if (ordersByArrival(configs[r]!.ordering)) return 'fcfs';
    for (const r of t.rollups) if (configs[r]!.ordering === 'priority-fee') priorityFee = true;
  } else {
    const ordering = configs[t.rollup]!.ordering;
    if (ordersByArrival(ordering)) return 'fcfs';
    priorityFee = ordering === 'priority-fee';
  }
  if (priorityFee) return 'priority-fee';
  if (t.kind === 'backrun' && isOfaUser(world, t.rollup, t.userId, ofaUsers)) return 'ofa';
  return 'block';
}

function isOfaUser(world: WorldState, rollup: number, userId: number, ofaUsers: ReadonlySet<number> | undefined): boolean {
  if (world.config.mechanism.name !== 'order-flow-auction') return false;
  if (ofaUsers !== undefined) return ofaUsers.has(userId);
  return world.rollups[rollup]!.pending.some((tx) => tx.id === userId && tx.viaOfa === true);
}

/**
 * True when the bundle's place is not the block seller's to sell: set by its rollups' own rule
 * (arrival order — fcfs, timeboost — or priority fee) or sold by the order-flow auction. Builders
 * leave such bundles out of their blocks' value and the proposer out of its sale (and out of a
 * partial-block auction's local part); every block carries them.
 */
export function placedOutsideBlock(world: WorldState, b: Bundle, ofaUsers?: ReadonlySet<number>): boolean {
  return placementOf(world, b, ofaUsers) !== 'block';
}

/**
 * The pending swaps a searcher may target on a rollup: public ones only, none at all where the
 * rollup encrypts contents, and for a sandwich (which must go ahead of its victim) none where the
 * rollup orders by arrival (`fcfs`, `timeboost`), nor a swap sent through the order-flow auction
 * (the OFA shows it to backrunners only). A priority-fee rollup orders by fee, not time: a
 * sandwich's front-run outbids its victim's (zero) priority fee, so sandwiches remain possible there.
 */
export function visibleTargets(world: WorldState, rollup: RollupState, needsFront: boolean): UserSwap[] {
  const ordering = world.config.rollups[rollup.index]!.ordering;
  if (ordering === 'encrypted' || (needsFront && ordersByArrival(ordering))) return [];
  return rollup.pending.filter((tx) => !tx.isPrivate && !(needsFront && tx.viaOfa === true));
}
