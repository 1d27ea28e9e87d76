import type { Phase } from '../../engine/simulation.js';
import { ruleShares } from '../../market/revenueSharing/ruleShares.js';
import { coalitionValueOf } from '../coalitionValue.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

/**
 * Phase 5b (revenue sharing): after the real auction and before anything executes, the auction is
 * re-run on subsets of rollups to learn v(S) — every subset when there are at most `exactUpTo`
 * rollups, else each rollup alone and all together. Records each rollup's standalone value v({r})
 * and the surplus of sharing, v(N) − Σ v({r}). Does nothing unless `revenueSharing.counterfactuals`.
 */
export function counterfactualPhase(rt: ModelRuntime): Phase<WorldState> {
  const sharingSource = rt.dist('revenueSharing/drop-out').source;
  return {
    name: 'counterfactual',
    run(state) {
      state.coalitionValues = new Map();
      state.splitShares = null;
      const cfg = state.config.revenueSharing;
      const valueBased = cfg.rule !== undefined && cfg.rule.name !== 'fixed' && cfg.rule.name !== 'proportional-to-fees';
      if (!cfg.counterfactuals && !valueBased) return;
      const n = state.rollups.length;
      const all = (1 << n) - 1;
      const v = coalitionValueOf(state, rt);
      if (valueBased) {
        // Shares from v(S) are fixed now, on the pools the auctions saw; settle applies them to revenue.
        const game = (members: readonly number[]) => v(members.reduce((m, r) => m | (1 << r), 0));
        state.splitShares = ruleShares(cfg.rule!, { revenue: 1, proposerCut: 0, n, v: game, source: sharingSource });
      }
      if (n <= cfg.exactUpTo) for (let mask = 1; mask <= all; mask++) v(mask);
      let standalone = 0;
      for (const r of state.rollups) {
        const alone = v(1 << r.index);
        state.stats[r.index]!.standaloneValueY = alone;
        standalone += alone;
      }
      const surplus = v(all) - standalone;
      for (const r of state.rollups) {
        state.stats[r.index]!.coalitionValueY = v(all);
        state.stats[r.index]!.sharingSurplusY = surplus;
      }
    },
  };
}
