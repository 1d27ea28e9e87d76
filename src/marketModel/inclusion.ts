import type { Bundle } from '../market/orders/types.js';
import type { Tally } from './columns.js';
import type { ModelRuntime } from './runtime.js';
import type { WorldState } from './types.js';

/**
 * Whether an included cross-rollup bundle fails to land (`rollups[].inclusionFailureProbability`,
 * the per-rollup failures F_A, F_B of Silva & Livshits 2024, arXiv:2410.11552): a split leg fails
 * with its rollup's probability f_r; an atomic bundle draws once per rollup it touches and lands only
 * if every draw succeeds, i.e. with Π (1 − f_r) — on all its rollups or on none. Draws come from the
 * stream `inclusion`, created only when some rollup has f_r > 0 (runs without are unchanged), and
 * each cross-rollup bundle consumes exactly one draw per rollup it touches, whatever the outcome.
 * Failures are counted in the tally: `legInclusionFailures` (split legs) and `atomicFailures`
 * (atomic bundles, on every rollup whose draw failed).
 */
export function inclusionFailure(rt: ModelRuntime, world: WorldState): (bundle: Bundle, tally: readonly Tally<'execute'>[]) => boolean {
  const f = world.config.rollups.map((r) => r.inclusionFailureProbability);
  if (f.every((p) => p === 0)) return () => false;
  const draws = rt.dist('inclusion');
  return (bundle, tally) => {
    if (bundle.kind !== 'cross-rollup') return false;
    const rollups = [...new Set(bundle.legs.map((l) => l.rollup))].sort((a, b) => a - b);
    // Fixed draw count: one per rollup, even after a failure (Bernoulli(0) still consumes a draw).
    const failed = rollups.filter((r) => draws.bernoulli(f[r]!));
    const atomic = rollups.length > 1;
    for (const r of failed) {
      if (atomic) tally[r]!.atomicFailures++;
      else tally[r]!.legInclusionFailures++;
    }
    return failed.length > 0;
  };
}
