import { sameSequencer } from '../membership.js';
import type { Phase } from '../../engine/simulation.js';
import { swapExactIn } from '../../market/amm/index.js';
import { otherToken } from '../../market/amm/otherToken.js';
import { optimalArbAgainstPrice } from '../../market/arbitrage/index.js';
import { bookSearcherSwap, chargeDataFee, executeLegs } from '../executeBundle.js';
import { executionPlan, itemTimeMs, type PlanItem } from '../executionPlan.js';
import type { ModelRuntime } from '../runtime.js';
import type { SwapResult } from '../../market/amm/types.js';
import type { RollupState, WorldState } from '../types.js';
import type { Allocated, Bundle, UserSwap } from '../../market/orders/types.js';
import { valueY } from '../world.js';
import { settleLegRisk, unwindOpenLegs } from '../legRisk.js';

/** Applies one user swap if it meets the user's minimum output; the user pays the data fee. */
function executeUser(state: WorldState, rollup: RollupState, tx: UserSwap): boolean {
  const stats = state.stats[rollup.index]!;
  const p = state.refPriceYPerX;
  stats.userCount++;
  const res = swapExactIn(rollup.pool, tx.tokenIn, tx.amountIn);
  if (res.amountOut < tx.minAmountOut) {
    stats.userFailed++;
    return false;
  }
  rollup.pool = res.pool;
  const feeGas = chargeDataFee(state, rollup.index, null);
  const inY = valueY(tx.tokenIn, tx.amountIn, p);
  stats.userVolumeY += inY;
  // Surplus against the reference price: what the user got, minus what it gave and the fee, in Y.
  stats.userSurplusY += valueY(otherToken(tx.tokenIn), res.amountOut, p) - inY - valueY(rollup.gasToken, feeGas, p);
  return true;
}

/** A won backrun sizes its trade on the pool it meets: the optimal trade back to the reference. */
function executeBackrun(state: WorldState, rollup: RollupState, won: Allocated): boolean {
  const trade = optimalArbAgainstPrice(rollup.pool, state.refPriceYPerX);
  if (trade.tokenIn === null || trade.profitY <= 0) return false; // reverts: nothing left to take
  const leg = { rollup: rollup.index, tokenIn: trade.tokenIn, amountIn: trade.amountIn, minAmountOut: trade.amountOut };
  const res = swapExactIn(rollup.pool, leg.tokenIn, leg.amountIn);
  rollup.pool = res.pool;
  bookSearcherSwap(state, won.bundle, leg, res);
  return true;
}

/** A sandwich's back-run sells everything its front-run bought. */
function executeSandwichBack(state: WorldState, won: Allocated, frontOut: number): void {
  const front = won.bundle.legs[0]!;
  const rollup = state.rollups[front.rollup]!;
  const leg = { rollup: front.rollup, tokenIn: otherToken(front.tokenIn), amountIn: frontOut, minAmountOut: 0 };
  const res = swapExactIn(rollup.pool, leg.tokenIn, leg.amountIn);
  rollup.pool = res.pool;
  bookSearcherSwap(state, won.bundle, leg, res);
}

/** What the items of one slot share while they execute. */
interface SlotExecution {
  /** Users whose swaps executed. */
  readonly done: Set<number>;
  /** Each executed sandwich front-run's output, for its back-run. */
  readonly fronts: Map<Allocated, number>;
  /** Each executed bundle's swap results (lone legs are unwound from these). */
  readonly legResults: Map<Allocated, SwapResult[]>;
  /** Draws whether an included split leg still fails to land (its rollups on separate sequencers). */
  readonly legFails: (bundle: Bundle) => boolean;
}

/** Runs one plan item; returns whether it executed. */
function run(state: WorldState, item: PlanItem, x: SlotExecution): boolean {
  const { done, fronts } = x;
  switch (item.kind) {
    case 'unwind':
      unwindOpenLegs(state, item.searcher);
      return true;
    case 'user': {
      const ok = executeUser(state, state.rollups[item.tx.rollup]!, item.tx);
      if (ok) done.add(item.tx.id);
      return ok;
    }
    case 'bundle': {
      if (item.won.bundle.group !== undefined && x.legFails(item.won.bundle)) return false;
      const res = executeLegs(state, item.won.bundle);
      if (res) x.legResults.set(item.won, res);
      return res !== null;
    }
    case 'backrun':
      return done.has(item.userId) && executeBackrun(state, state.rollups[item.won.bundle.bidRollup]!, item.won);
    case 'sandwich-front': {
      const res = executeLegs(state, item.won.bundle);
      if (res) fronts.set(item.won, res[0]!.amountOut);
      return res !== null;
    }
    case 'sandwich-back': {
      const frontOut = fronts.get(item.won);
      if (frontOut === undefined) return false;
      executeSandwichBack(state, item.won, frontOut);
      if (done.has(item.userId)) state.stats[item.won.bundle.bidRollup]!.sandwiches++;
      return true;
    }
  }
}

/**
 * Phase 6: the slot's executions in the order each rollup's policy gives them (see
 * `executionPlan`): unwinds of lone legs, top-of-block bundles, users with their sandwiches and
 * backruns. Only bundles that executed pay (settle). Under `separate` sequencing each executed
 * split leg still fails with `legFailureProbability`; lone legs are held and unwound next block.
 */
export function executePhase(rt: ModelRuntime): Phase<WorldState> {
  const legs = rt.dist('legs');
  return {
    name: 'execute',
    run(state, ctx) {
      const p = state.config.sequencing.legFailureProbability;
      const legFails = (b: Bundle) => p > 0 && !sameSequencer(state, state.searchers[b.searcher]!.rollups) && legs.bernoulli(p);
      const executed = new Set<Allocated>();
      const x: SlotExecution = { done: new Set(), fronts: new Map(), legResults: new Map(), legFails };
      state.trace = [];
      for (const item of executionPlan(state, ctx.startMs)) {
        if (!run(state, item, x)) continue;
        if (item.kind !== 'unwind' && item.kind !== 'user') executed.add(item.won);
        const rollup = item.kind === 'user' ? item.tx.rollup : item.kind === 'unwind' ? -1 : item.won.bundle.bidRollup;
        state.trace.push({
          rollup,
          kind: item.kind === 'bundle' ? (item.won.bundle.kind as 'cex-dex' | 'cross-rollup') : item.kind,
          timeMs: itemTimeMs(item, ctx.startMs),
          ...(item.kind === 'user' ? { userId: item.tx.id } : {}),
          ...('userId' in item ? { userId: item.userId } : {}),
          ...(item.kind === 'unwind' ? { searcher: item.searcher } : item.kind === 'user' ? {} : { searcher: item.won.bundle.searcher }),
        });
      }
      for (const r of state.rollups) r.pending = [];
      state.allocated = state.allocated.filter((a) => executed.has(a));
      settleLegRisk(state, x.legResults);
    },
  };
}
