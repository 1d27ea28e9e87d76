import type { Phase } from '../../engine/simulation.js';
import { swapExactIn } from '../../market/amm/index.js';
import type { SwapResult, Token } from '../../market/amm/types.js';
import type { Bundle, RollupState, UserSwap, WorldState } from '../types.js';
import { valueY } from '../world.js';

const other = (t: Token): Token => (t === 'X' ? 'Y' : 'X');

/** Applies one user swap if it meets the user's minimum output; records volume and surplus. */
function executeUser(state: WorldState, rollup: RollupState, tx: UserSwap): void {
  const stats = state.stats[rollup.index]!;
  const p = state.refPriceYPerX;
  stats.userCount++;
  const res = swapExactIn(rollup.pool, tx.tokenIn, tx.amountIn);
  if (res.amountOut < tx.minAmountOut) {
    stats.userFailed++;
    return;
  }
  rollup.pool = res.pool;
  const inY = valueY(tx.tokenIn, tx.amountIn, p);
  stats.userVolumeY += inY;
  // Surplus against the reference price: what the user got minus what it gave, both in Y.
  stats.userSurplusY += valueY(other(tx.tokenIn), res.amountOut, p) - inY;
}

/**
 * Applies a searcher's bundle; the searcher hedges each leg on the CEX at the reference price, so
 * its profit is realised at once. Returns false (and changes nothing) if any leg would revert.
 */
function executeBundle(state: WorldState, bundle: Bundle): boolean {
  const p = state.refPriceYPerX;
  const searcher = state.searchers[bundle.searcher]!;
  const results: SwapResult[] = [];
  const pools = state.rollups.map((r) => r.pool);
  for (const leg of bundle.legs) {
    const res = swapExactIn(pools[leg.rollup]!, leg.tokenIn, leg.amountIn);
    if (res.amountOut < leg.minAmountOut) return false;
    pools[leg.rollup] = res.pool;
    results.push(res);
  }
  bundle.legs.forEach((leg, i) => {
    const out = results[i]!.amountOut;
    const tokenOut = other(leg.tokenIn);
    const stats = state.stats[leg.rollup]!;
    state.rollups[leg.rollup]!.pool = pools[leg.rollup]!;
    searcher.onchain[leg.rollup]![leg.tokenIn] -= leg.amountIn;
    searcher.onchain[leg.rollup]![tokenOut] += out;
    // Hedge: sell what was received on the CEX for the token that was paid, at the reference price.
    searcher.cex[tokenOut] -= out;
    searcher.cex[leg.tokenIn] += tokenOut === 'X' ? out * p : out / p;
    stats.arbCount++;
    stats.arbVolumeY += valueY(leg.tokenIn, leg.amountIn, p);
    stats.arbProfitY += valueY(tokenOut, out, p) - valueY(leg.tokenIn, leg.amountIn, p);
  });
  return true;
}

/**
 * Phase 6: each rollup's block runs in order: the top-of-block winner's bundle, then the pending
 * user swaps in arrival order (the `auction` ordering policy's default placement).
 */
export function executePhase(): Phase<WorldState> {
  return {
    name: 'execute',
    run(state) {
      for (const rollup of state.rollups) {
        const winner = state.winners[rollup.index];
        if (winner && !executeBundle(state, winner)) state.winners[rollup.index] = null;
        for (const tx of rollup.pending) executeUser(state, rollup, tx);
        rollup.pending = [];
      }
    },
  };
}
