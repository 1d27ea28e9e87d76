import { slotYears } from '../../engine/clock.js';
import type { Phase } from '../../engine/simulation.js';
import { gbmStep } from '../../market/reference/gbm.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';
import { emptyStats } from '../world.js';

/** Phase 1: the reference price takes one GBM step (with optional jumps); slot stats reset. */
export function exogenousPhase(rt: ModelRuntime): Phase<WorldState> {
  const d = rt.dist('reference');
  const interval = rt.dist('reference/interval');
  return {
    name: 'exogenous',
    run(state, ctx) {
      const ref = state.config.reference;
      const slot = slotYears(ctx.clock);
      const dt = ref.blockIntervals === 'exponential' ? interval.exponential(1 / slot) : slot;
      let logJump = 0;
      if (ref.jumps.ratePerYear > 0) {
        const jumps = d.poisson(ref.jumps.ratePerYear * dt);
        for (let j = 0; j < jumps; j++) logJump += d.normal(ref.jumps.meanLog, ref.jumps.sdLog);
      }
      state.refPriceYPerX = gbmStep(state.refPriceYPerX, ref, dt, d.normal(), logJump);
      for (let r = 0; r < state.stats.length; r++) state.stats[r] = emptyStats();
    },
  };
}
