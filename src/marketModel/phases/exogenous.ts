import { slotYears } from '../../engine/clock.js';
import type { SlotContext } from '../../engine/simulation.js';
import { gbmStep } from '../../market/reference/gbm.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

/** The reference price's range, Y per X (the config's initial price must lie in it too). */
export const MIN_PRICE = 1e-100;
export const MAX_PRICE = 1e100;

/**
 * Phase 1 (decide): the reference price after one GBM step (with optional jumps) over the slot, or
 * over an exponential block interval. Returns the new price; the slot step applies it.
 */
export function referencePriceStep(rt: ModelRuntime): (world: WorldState, ctx: SlotContext) => number {
  const d = rt.dist('reference');
  const interval = rt.dist('reference/interval');
  return (world, ctx) => {
    const ref = world.config.reference;
    const slot = slotYears(ctx.clock);
    const dt = ref.blockIntervals === 'exponential' ? interval.exponential(1 / slot) : slot;
    let logJump = 0;
    if (ref.jumps.ratePerYear > 0) {
      const jumps = d.poisson(ref.jumps.ratePerYear * dt);
      for (let j = 0; j < jumps; j++) logJump += d.normal(ref.jumps.meanLog, ref.jumps.sdLog);
    }
    // Kept within [1e-100, 1e100] Y per X: volatility at the config's bounds over a long run could
    // otherwise carry the price out of floating point (it sticks at a bound until it moves back).
    return Math.min(MAX_PRICE, Math.max(MIN_PRICE, gbmStep(world.refPriceYPerX, ref, dt, d.normal(), logJump)));
  };
}
