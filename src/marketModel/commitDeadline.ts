import type { SlotContext } from '../engine/simulation.js';
import type { Bundle } from '../market/orders/types.js';
import { timingOf } from './aheadOfTime.js';
import type { WorldState } from './types.js';

/**
 * When this slot's block is committed to (ms on the simulated clock): a block auction's
 * `bidDeadlineMs` after the slot starts, with builders; otherwise never before the slot's end
 * (+∞). User swaps arriving later wait for the next block; bundles arriving later are not in it
 * (their searcher may bid again next slot, on what then exists).
 */
export function commitCutoffMs(world: WorldState, ctx: SlotContext): number {
  const deadline = world.builders.length > 0 ? timingOf(world).commitDeadlineMs : null;
  return deadline === null ? Number.POSITIVE_INFINITY : ctx.startMs + deadline;
}

/**
 * Decide: the bundles that reach the builders before they commit, and those that arrive too late
 * for this block (the searcher may bid again next slot, on what then exists).
 */
export function commitDeadline(world: WorldState, ctx: SlotContext, bundles: readonly Bundle[]): { onTime: readonly Bundle[]; late: readonly Bundle[] } {
  const cutoff = commitCutoffMs(world, ctx);
  if (cutoff === Number.POSITIVE_INFINITY) return { onTime: bundles, late: [] };
  return { onTime: bundles.filter((b) => b.arrivalMs <= cutoff), late: bundles.filter((b) => b.arrivalMs > cutoff) };
}
