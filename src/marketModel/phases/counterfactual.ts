import type { Phase } from '../../engine/simulation.js';
import { sharesAmong } from '../../market/revenueSharing/sharesAmong.js';
import { coalitionValueOf } from '../coalitionValue.js';
import { sharedMembers } from '../membership.js';
import type { ModelRuntime } from '../runtime.js';
import type { WorldState } from '../types.js';

const feeBased = new Set(['fixed', 'proportional-to-fees']);

/**
 * Phase 5b (revenue sharing): after the real auction and before anything executes, the auction is
 * re-run on subsets of rollups to learn v(S) — every subset when there are at most `exactUpTo`
 * rollups, else each rollup alone and all together, plus whatever the split rule asks for. Records
 * each rollup's standalone value v({r}) and the surplus of sharing, v(N) − Σ v({r}). A value-based
 * rule's shares among the shared sequencer's members are fixed here, on the pools the auctions saw;
 * under governance, so is the revenue v(M ∪ {r}) each rollup outside would have shared in, and its
 * value-based share of it. Does nothing unless counterfactuals, a value-based rule or governance
 * need it.
 */
export function counterfactualPhase(rt: ModelRuntime): Phase<WorldState> {
  const sharingSource = rt.dist('revenueSharing/drop-out').source;
  return {
    name: 'counterfactual',
    run(state) {
      state.coalitionValues = new Map();
      state.splitShares = null;
      const cfg = state.config.revenueSharing;
      const rule = cfg.rule;
      const valueBased = rule !== undefined && !feeBased.has(rule.name);
      if (!cfg.counterfactuals && !valueBased && !cfg.governance.enabled) return;
      const n = state.rollups.length;
      const all = (1 << n) - 1;
      const v = coalitionValueOf(state, rt);
      const members = sharedMembers(state);
      if (valueBased) state.splitShares = sharesAmong(rule, members, n, { v, source: sharingSource });
      if (cfg.governance.enabled) {
        const membersMask = members.reduce((m, r) => m | (1 << r), 0);
        state.wouldBe = state.rollups.map(({ index: r }) => {
          if (state.governance.member[r]) return null;
          const withR = [...members, r].sort((a, b) => a - b);
          const source = rt.dist(`revenueSharing/would-be/${state.rollups[r]!.id}`).source;
          return {
            revenueY: v(membersMask | (1 << r)),
            share: rule === undefined ? 0 : valueBased ? sharesAmong(rule, withR, n, { v, source })[r]! : null,
          };
        });
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
