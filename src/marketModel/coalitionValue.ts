import { buildBlock, builderBidY } from '../agents/builders/buildBlock.js';
import { runMechanism } from '../market/mechanisms/runMechanism.js';
import { allocateBundles, type PaymentRule } from '../market/orders/allocateBundles.js';
import { rollupsOf } from '../market/orders/positions.js';
import type { ModelRuntime } from './runtime.js';
import type { WorldState } from './types.js';
import type { Bundle } from '../market/orders/types.js';
import { touchesFcfs } from './phases/build.js';

const inMask = (b: Bundle, mask: number) => rollupsOf(b.target).every((r) => (mask >> r) & 1);

/**
 * The revenue of this slot's auction had only the rollups in `mask` (a bitmask over rollup
 * indices) shared the sequencer: v(S), DESIGN.md §6. With builders, each builder re-builds its block
 * from the bundles it saw that act only on S (an atomic bundle spanning a rollup outside S drops
 * out) and bids for it; the mechanism runs on those bids. Without builders, the proposer sells S's
 * positions to the searchers. Counterfactuals read the pools before execution, draw only from their
 * own streams (`counterfactual/<mask>`) and change nothing: the real outcome is the same with or
 * without them. v(S) is what the proposer would have received (Y): the winning bid under
 * first-price; under a burning mechanism the burn is not revenue the rollups could share, so it is
 * left out, as it is from the real revenue that is split.
 */
export function counterfactualValue(state: WorldState, rt: ModelRuntime, mask: number): number {
  if (mask === 0) return 0;
  const source = rt.dist(`counterfactual/${mask}`).source;
  if (state.builders.length === 0) {
    const bundles = state.bundles.filter((b) => inMask(b, mask) && !touchesFcfs(state, b));
    return allocateBundles(bundles, state.config.mechanism.name as PaymentRule, source).reduce((a, w) => a + w.bundle.bidY * (w.bundle.bidGas > 0 ? w.paymentGas / w.bundle.bidGas : 0), 0);
  }
  const pools = state.rollups.map((r) => r.pool);
  const bids = state.candidates.map((c, i) => {
    const block = buildBlock(c.seen.filter((b) => inMask(b, mask)), pools, source);
    const cfg = state.config.builders[i]!;
    return { bidderId: state.builders[i]!.id, amount: builderBidY(block.valueByRollupY.reduce((a, v) => a + v, 0), cfg.margin, cfg.costY), timeMs: cfg.bidTimeMs };
  });
  return runMechanism(state.config.mechanism, bids, source).payments.toProposer;
}

/** v(S) for this slot, computed on first use and remembered until the slot ends. */
export function coalitionValueOf(state: WorldState, rt: ModelRuntime): (mask: number) => number {
  return (mask) => {
    let v = state.coalitionValues.get(mask);
    if (v === undefined) {
      v = counterfactualValue(state, rt, mask);
      state.coalitionValues.set(mask, v);
    }
    return v;
  };
}
