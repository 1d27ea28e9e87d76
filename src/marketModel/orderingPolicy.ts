import { rollupsOf } from '../market/orders/positions.js';
import type { Bundle, UserSwap } from '../market/orders/types.js';
import type { RollupState, WorldState } from './types.js';

/**
 * Who places a bundle in the block, by the rules of the rollups it acts on:
 * - `fcfs`: a first-come-first-served rollup — its place is arrival time, not for sale (carried
 *   unsold by every block, paying nothing);
 * - `priority-fee`: a rollup whose sequencer orders by priority fee (OP Stack, Base) — the rollup
 *   itself sells the place to the highest fee and keeps the fee (`priorityFee.ts`);
 * - `block`: whoever sells the block — builders, or the proposer's own auction.
 * A bundle touching an fcfs rollup is fcfs whatever its other rollups do.
 */
export type Placement = 'fcfs' | 'priority-fee' | 'block';

/** The placement of a bundle (see `Placement`). */
export function placementOf(world: WorldState, b: Bundle): Placement {
  const rollups = rollupsOf(b.target);
  if (rollups.some((r) => world.config.rollups[r]!.ordering === 'fcfs')) return 'fcfs';
  if (rollups.some((r) => world.config.rollups[r]!.ordering === 'priority-fee')) return 'priority-fee';
  return 'block';
}

/**
 * True when the bundle's place is set by its rollups' own rule (fcfs or priority fee), so neither
 * builders nor the proposer's auction sell it.
 */
export function placedByRollup(world: WorldState, b: Bundle): boolean {
  return placementOf(world, b) !== 'block';
}

/**
 * The pending swaps a searcher may target on a rollup: public ones only, none at all where the
 * rollup encrypts contents, and for a sandwich (which must go ahead of its victim) none where the
 * rollup orders first-come-first-served. A priority-fee rollup orders by fee, not time: a sandwich's
 * front-run outbids its victim's (zero) priority fee, so sandwiches remain possible there.
 */
export function visibleTargets(world: WorldState, rollup: RollupState, needsFront: boolean): UserSwap[] {
  const ordering = world.config.rollups[rollup.index]!.ordering;
  if (ordering === 'encrypted' || (needsFront && ordering === 'fcfs')) return [];
  return rollup.pending.filter((tx) => !tx.isPrivate);
}
