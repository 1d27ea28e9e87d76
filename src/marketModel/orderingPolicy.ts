import { rollupsOf } from '../market/orders/positions.js';
import type { Bundle, UserSwap } from '../market/orders/types.js';
import type { RollupState, WorldState } from './types.js';

/** True when the bundle acts on a first-come-first-served rollup: its place there is not for sale. */
export function touchesFcfs(world: WorldState, b: Bundle): boolean {
  return rollupsOf(b.target).some((r) => world.config.rollups[r]!.ordering === 'fcfs');
}

/**
 * The pending swaps a searcher may target on a rollup: public ones only, none at all where the
 * rollup encrypts contents, and for a sandwich (which must go ahead of its victim) none where the
 * rollup orders first-come-first-served.
 */
export function visibleTargets(world: WorldState, rollup: RollupState, needsFront: boolean): UserSwap[] {
  const ordering = world.config.rollups[rollup.index]!.ordering;
  if (ordering === 'encrypted' || (needsFront && ordering === 'fcfs')) return [];
  return rollup.pending.filter((tx) => !tx.isPrivate);
}
