import { sharesAmong } from '../../market/revenueSharing/sharesAmong.js';
import type { Bundle } from '../../market/orders/types.js';
import type { Source } from '../../engine/randomStreams.js';
import { coalitionValues } from '../coalitionValue.js';
import { slotTallies } from '../columns.js';
import { membersIn, sharedMask } from '../membership.js';
import type { ModelRuntime } from '../runtime.js';
import type { Candidate, CounterfactualOutcome, WouldBe } from '../slot.js';
import type { WorldState } from '../types.js';

const feeBased = new Set(['fixed', 'proportional-to-fees']);

/**
 * Phase 5b (decide, revenue sharing): after the real auction and before anything executes, the
 * auction is re-run on subsets of rollups to learn v(S) — every subset when there are at most
 * `exactUpTo` rollups, else each rollup alone and all together, plus whatever the split rule asks
 * for. Returns each rollup's standalone value v({r}) and the surplus of sharing, v(N) − Σ v({r}). A
 * value-based rule's shares among the shared sequencer's members are fixed here, on the pools the
 * auctions saw; under governance, so is the revenue v(M ∪ {r}) each rollup outside would have shared
 * in, and its value-based share of it. Computes nothing unless counterfactuals, a value-based rule or
 * governance need it. The outcome's lists and tallies are per-run scratch refilled each slot, valid
 * until the next slot's counterfactuals (`slotTallies`).
 */
export function runCounterfactuals(rt: ModelRuntime): (world: WorldState, bundles: readonly Bundle[], candidates: readonly Candidate[]) => CounterfactualOutcome {
  const sharingSource = rt.dist('revenueSharing/drop-out').source;
  const wouldBeSources: Source[] = []; // by rollup index (rollups never change during a run)
  const valuesFor = coalitionValues(rt);
  const tallies = slotTallies('counterfactual');
  const wouldBe: (WouldBe | null)[] = [];
  return (world, bundles, candidates) => {
    const tally = tallies(world.rollups.length);
    const cfg = world.config.revenueSharing;
    const rule = cfg.rule;
    const valueBased = rule !== undefined && !feeBased.has(rule.name);
    if (wouldBe.length !== world.rollups.length) wouldBe.length = 0;
    for (let r = 0; r < world.rollups.length; r++) wouldBe[r] = null;
    if (!cfg.counterfactuals && !valueBased && !cfg.governance.enabled) return { splitShares: null, wouldBe, tally };
    const n = world.rollups.length;
    const all = (1 << n) - 1;
    // Every coalition is asked below when n ≤ exactUpTo (the exact loop), whatever else asks first.
    const v = valuesFor(world, bundles, candidates, n <= cfg.exactUpTo);
    const membersMask = sharedMask(world);
    const members = membersIn(membersMask, n);
    const splitShares = valueBased ? sharesAmong(rule, members, n, { v, source: sharingSource }) : null;
    if (cfg.governance.enabled) {
      for (let r = 0; r < n; r++) {
        if (world.governance.member[r]) continue;
        const withR = membersIn(membersMask | (1 << r), n);
        const source = (wouldBeSources[r] ??= rt.dist(`revenueSharing/would-be/${world.rollups[r]!.id}`).source);
        wouldBe[r] = {
          revenueY: v(membersMask | (1 << r)),
          share: rule === undefined ? 0 : valueBased ? sharesAmong(rule, withR, n, { v, source })[r]! : null,
        };
      }
    }
    if (n <= cfg.exactUpTo) for (let mask = 1; mask <= all; mask++) v(mask);
    let standalone = 0;
    for (let r = 0; r < n; r++) {
      const alone = v(1 << r);
      tally[r]!.standaloneValueY = alone;
      standalone += alone;
    }
    const surplus = v(all) - standalone;
    for (let r = 0; r < n; r++) {
      tally[r]!.coalitionValueY = v(all);
      tally[r]!.sharingSurplusY = surplus;
    }
    return { splitShares, wouldBe, tally };
  };
}
