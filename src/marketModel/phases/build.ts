import type { Phase } from '../../engine/simulation.js';
import { buildBlock, visibleBundles } from '../../agents/builders/buildBlock.js';
import { rollupsOf } from '../../market/orders/positions.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';
import type { Bundle } from '../../market/orders/types.js';

/** True when the bundle acts on a first-come-first-served rollup: its place there is not for sale. */
export function touchesFcfs(state: WorldState, b: Bundle): boolean {
  return rollupsOf(b.target).some((r) => state.config.rollups[r]!.ordering === 'fcfs');
}

/**
 * Phase 4: each builder assembles its block from the bundles it sees (exclusive flow, skill) on
 * the auctioned rollups; bundles on fcfs rollups are not sold — every block carries them in
 * arrival order (the rollup's rule, DESIGN.md §3). Skipped when no builders are configured.
 */
export function buildPhase(rt: ModelRuntime): Phase<WorldState> {
  const exclusiveIndex = (state: WorldState) =>
    state.searchers.map((s) => {
      const ex = s.config.exclusiveBuilder;
      return ex === undefined ? undefined : state.builders.findIndex((b) => b.id === ex);
    });
  let exclusive: (number | undefined)[] | null = null;
  return {
    name: 'build',
    run(state) {
      if (state.builders.length === 0) return;
      exclusive ??= exclusiveIndex(state);
      const forSale = state.bundles.filter((b) => !touchesFcfs(state, b));
      const pools = state.rollups.map((r) => r.pool);
      state.candidates = state.builders.map((b, i) => {
        const source = rt.dist(`builder/${b.id}`).source;
        const seen = visibleBundles(forSale, exclusive!, i, state.config.builders[i]!.skill, source);
        const block = buildBlock(seen, pools, source);
        return { included: block.included, valueByRollupY: block.valueByRollupY, seen };
      });
    },
  };
}
