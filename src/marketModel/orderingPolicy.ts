import { rollupsOf } from '../market/orders/positions.js';
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

/** True when the bundle acts on a rollup ordered by arrival (`ordersByArrival`): its place there is not for sale. */
export function touchesArrivalOrder(world: WorldState, b: Bundle): boolean {
  return rollupsOf(b.target).some((r) => ordersByArrival(world.config.rollups[r]!.ordering));
}

/**
 * The pending swaps a searcher may target on a rollup: public ones only, none at all where the
 * rollup encrypts contents, and for a sandwich (which must go ahead of its victim) none where the
 * rollup orders by arrival (`fcfs`, `timeboost`).
 */
export function visibleTargets(world: WorldState, rollup: RollupState, needsFront: boolean): UserSwap[] {
  const ordering = world.config.rollups[rollup.index]!.ordering;
  if (ordering === 'encrypted' || (needsFront && ordersByArrival(ordering))) return [];
  return rollup.pending.filter((tx) => !tx.isPrivate);
}
