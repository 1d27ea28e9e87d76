import type { EventBus } from '../../engine/eventBus.js';
import type { Phase } from '../../engine/simulation.js';
import { spotPrice } from '../../market/amm/index.js';
import type { SlotEvent } from '../slotRecord.js';
import type { WorldState } from '../types.js';

/** Searcher ids of the bundles executed on `rollup`, in execution order, joined by ';'. */
function winnersOn(state: WorldState, rollup: number): string {
  let out = '';
  for (const e of state.trace) {
    if (e.rollup !== rollup || e.searcher === undefined || e.kind === 'unwind' || e.kind === 'sandwich-back') continue;
    out += (out ? ';' : '') + state.searchers[e.searcher]!.id;
  }
  return out;
}

function builderOf(state: WorldState, rollup: number): string {
  const block = state.blocks.find((b) => b.rollups.includes(rollup));
  return block?.builder == null ? '' : state.builders[block.builder]!.id;
}

/** Phase 8: the slot's state and flows go onto the bus as one `slot` event. */
export function recordPhase(bus: EventBus<SlotEvent>): Phase<WorldState> {
  return {
    name: 'record',
    run(state, ctx) {
      bus.emit({
        type: 'slot',
        slot: ctx.slot,
        timeMs: ctx.endMs,
        refPriceYPerX: state.refPriceYPerX,
        // Stats spread last: a spread followed by more properties gives every object its own
        // hidden class in V8, which once made this phase a third of the run time (bench/README.md).
        rollups: state.rollups.map((r) => ({
          rollup: r.id,
          gasToken: r.gasToken,
          fee: r.pool.fee,
          poolPriceYPerX: spotPrice(r.pool),
          reserveX: r.pool.reserveX,
          reserveY: r.pool.reserveY,
          proposerHoldingGas: state.proposer.holdings[r.index]![r.gasToken],
          proposer: state.config.validators[state.proposers[r.index]!]!.id,
          builder: builderOf(state, r.index),
          winner: winnersOn(state, r.index),
          member: state.governance.member[r.index]!,
          ...state.stats[r.index]!,
        })),
      });
    },
  };
}
