import { searcherKind } from '../agents/searchers/registry.js';
import { hedgeOnCex } from './capital.js';
import { trySwapExactIn } from './feasibleSwap.js';
import { otherToken } from '../market/amm/otherToken.js';
import type { SwapResult, Token } from '../market/amm/types.js';
import type { Balances, Bundle, SwapLeg } from '../market/orders/types.js';
import type { Tally } from './columns.js';
import type { WorldState } from './types.js';
import { credit, debit, valueY } from './world.js';

/** What executing a block changes: the world, and the block's per-rollup statistics it returns. */
export interface BlockExecution {
  readonly world: WorldState;
  readonly tally: Tally<'execute'>[];
  /** Per rollup, the Timeboost express lane's controller this slot (null: none, or another ordering); absent: none anywhere. */
  readonly controllers?: readonly (number | null)[];
}

/**
 * Books one executed swap to a searcher: inventory on the leg's rollup, the CEX hedge at the
 * reference price when the searcher hedges, and the block's statistics. Returns the swap's profit
 * in Y at the reference price (what it received minus what it paid).
 */
export function bookSearcherSwap(x: BlockExecution, bundle: Bundle, leg: SwapLeg, res: SwapResult): number {
  const p = x.world.refPriceYPerX;
  const tokenOut: Token = otherToken(leg.tokenIn);
  const searcher = x.world.searchers[bundle.searcher]!;
  const inv = searcher.onchain[leg.rollup]!;
  debit(inv, leg.tokenIn, leg.amountIn);
  credit(inv, tokenOut, res.amountOut);
  const stats = x.tally[leg.rollup]!;
  // Sell what was received on the CEX for the token that was paid, at the reference price less the venue's costs (capital.ts).
  if (bundle.hedge) stats.cexHedgeCostY += hedgeOnCex(searcher.cex, x.world.config.searchers[bundle.searcher]!.cex, tokenOut, res.amountOut, p);
  const profitY = valueY(tokenOut, res.amountOut, p) - valueY(leg.tokenIn, leg.amountIn, p);
  chargeDataFee(x, leg.rollup, inv);
  // Each kind's swaps add to the statistics it names (src/agents/searchers/registry.ts).
  const books = searcherKind(bundle.kind).books;
  const tally = stats as unknown as Record<string, number>;
  if (books.swaps !== null) tally[books.swaps]!++;
  tally[books.profitY]! += profitY;
  if (x.controllers?.[leg.rollup] === bundle.searcher) stats.controllerProfitY += profitY;
  stats.arbVolumeY += valueY(leg.tokenIn, leg.amountIn, p);
  return profitY;
}

/**
 * Charges one swap's data fee (base fee × bytes per swap) in the rollup's gas token to `payer`
 * (searchers pay from inventory, users from the rollup's users' account; either may go negative: a
 * float topped up off-model) and moves it to the rollup's treasury.
 */
export function chargeDataFee(x: BlockExecution, rollupIndex: number, payer: Balances): number {
  const rollup = x.world.rollups[rollupIndex]!;
  const bytes = x.world.config.rollups[rollupIndex]!.feeModel.bytesPerSwap;
  const feeGas = rollup.baseFeePerByte * bytes;
  debit(payer, rollup.gasToken, feeGas);
  credit(rollup.treasury, rollup.gasToken, feeGas);
  const stats = x.tally[rollupIndex]!;
  stats.bytesUsed += bytes;
  stats.feesGas += feeGas;
  return feeGas;
}

/**
 * Executes a bundle's fixed legs all-or-nothing: simulated first on copies of the pools, applied
 * only if no leg falls short of its minimum output. Returns the swaps' results, or null if it
 * reverted (and nothing changed).
 */
export function executeLegs(x: BlockExecution, bundle: Bundle): SwapResult[] | null {
  const legs = bundle.legs;
  const rollups = x.world.rollups;
  // One leg (the usual bundle) simulates on the live pool: nothing to copy.
  const pools = legs.length > 1 ? rollups.map((r) => r.pool) : null;
  const results: SwapResult[] = [];
  for (const leg of legs) {
    const res = trySwapExactIn(pools ? pools[leg.rollup]! : rollups[leg.rollup]!.pool, leg.tokenIn, leg.amountIn);
    if (!res || res.amountOut < leg.minAmountOut) return null;
    if (pools) pools[leg.rollup] = res.pool;
    results.push(res);
  }
  for (let i = 0; i < legs.length; i++) {
    const leg = legs[i]!;
    rollups[leg.rollup]!.pool = results[i]!.pool;
    bookSearcherSwap(x, bundle, leg, results[i]!);
  }
  return results;
}
