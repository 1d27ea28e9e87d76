import type { Phase } from '../../engine/simulation.js';
import { swapExactIn } from '../../market/amm/index.js';
import { otherToken } from '../../market/amm/otherToken.js';
import { optimalArbAgainstPrice } from '../../market/arbitrage/index.js';
import { bookSearcherSwap, chargeDataFee, executeLegs } from '../executeBundle.js';
import type { Allocated, RollupState, UserSwap, WorldState } from '../types.js';
import { valueY } from '../world.js';

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

/**
 * Phase 6: the winning top-of-block bundles run first (an atomic cross-rollup bundle on all its
 * rollups or on none), then each rollup's user swaps in arrival order, each followed by the
 * backrun that won its position. Split cross-rollup opportunities with one leg in are counted as
 * leg failures on the rollup whose leg executed.
 */
export function executePhase(): Phase<WorldState> {
  return {
    name: 'execute',
    run(state) {
      const executed: Allocated[] = [];
      const backruns = new Map<number, Allocated>();
      for (const won of state.allocated) {
        if (won.bundle.target.kind === 'backrun') backruns.set(won.bundle.target.userId, won);
        else if (executeLegs(state, won.bundle)) executed.push(won);
      }
      for (const rollup of state.rollups) {
        for (const tx of rollup.pending) {
          const won = backruns.get(tx.id);
          if (executeUser(state, rollup, tx) && won && executeBackrun(state, rollup, won)) executed.push(won);
        }
        rollup.pending = [];
      }
      countLegFailures(state, executed);
      state.allocated = executed;
    },
  };
}

function countLegFailures(state: WorldState, executed: readonly Allocated[]): void {
  const legsIn = new Map<number, number[]>();
  for (const b of state.bundles) if (b.group !== undefined && !legsIn.has(b.group)) legsIn.set(b.group, []);
  for (const { bundle } of executed) if (bundle.group !== undefined) legsIn.get(bundle.group)!.push(bundle.legs[0]!.rollup);
  for (const rollups of legsIn.values()) if (rollups.length === 1) state.stats[rollups[0]!]!.legFailures++;
}
