import type { Phase } from '../../engine/simulation.js';
import { drawUserSwap } from '../../agents/users/drawUserSwap.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';
import type { UserSwap } from '../../market/orders/types.js';

/**
 * Phase 2: users arrive on each rollup as a Poisson process: a Poisson count per slot, arrival
 * times uniform in the slot (the order statistics of a Poisson process), sorted by time.
 */
export function arrivalsPhase(rt: ModelRuntime): Phase<WorldState> {
  return {
    name: 'arrivals',
    run(state, ctx) {
      for (const rollup of state.rollups) {
        const users = state.config.rollups[rollup.index]!.users;
        const d = rt.dist(`users/${rollup.id}`);
        const n = d.poisson(users.arrivalsPerSlot);
        const times: number[] = [];
        for (let i = 0; i < n; i++) times.push(ctx.startMs + Math.floor(d.uniform(0, ctx.clock.slotMs)));
        times.sort((a, b) => a - b);
        const arrived: UserSwap[] = times.map((arrivalMs) =>
          drawUserSwap(d, users, rollup.pool, state.refPriceYPerX, { id: state.nextUserId++, rollup: rollup.index, arrivalMs }),
        );
        rollup.pending.push(...arrived);
      }
    },
  };
}
