import { trySwapExactIn } from './feasibleSwap.js';
import { otherToken } from '../market/amm/otherToken.js';
import type { SwapResult } from '../market/amm/types.js';
import type { Allocated, Bundle } from '../market/orders/types.js';
import { chargeDataFee, type BlockExecution } from './executeBundle.js';

/**
 * After a block: every split cross-rollup opportunity with exactly one executed leg is a leg
 * failure on that leg's rollup. The searcher holds what the lone leg bought — and its price risk —
 * until it unwinds it at the start of the next block.
 */
export function settleLegRisk(x: BlockExecution, bundles: readonly Bundle[], executed: readonly Allocated[], legResults: ReadonlyMap<Allocated, SwapResult[]>): void {
  const legsIn = new Map<number, Allocated[]>();
  for (const b of bundles) if (b.group !== undefined && !legsIn.has(b.group)) legsIn.set(b.group, []);
  for (const won of executed) if (won.bundle.group !== undefined) legsIn.get(won.bundle.group)?.push(won);
  for (const legs of legsIn.values()) {
    if (legs.length !== 1) continue;
    const won = legs[0]!;
    const leg = won.bundle.legs[0]!;
    const res = legResults.get(won);
    if (!res) continue;
    x.tally[leg.rollup]!.legFailures++;
    const token = otherToken(leg.tokenIn);
    const out = res[0]!.amountOut;
    x.world.searchers[won.bundle.searcher]!.openLegs.push({
      rollup: leg.rollup,
      token,
      amount: out,
      deltaX: token === 'X' ? out : -leg.amountIn,
      deltaY: token === 'Y' ? out : -leg.amountIn,
    });
  }
}

/**
 * Unwinds a searcher's lone legs: sells what each bought back into the same pool, as a plain
 * transaction at the top of the block. The leg failure's loss — the lone leg and its unwind valued
 * together at the reference price now, so it includes the price risk borne in between — is booked
 * on the leg's rollup.
 */
export function unwindOpenLegs(x: BlockExecution, searcherIndex: number): void {
  const s = x.world.searchers[searcherIndex]!;
  const p = x.world.refPriceYPerX;
  const held: typeof s.openLegs = [];
  for (const leg of s.openLegs) {
    const rollup = x.world.rollups[leg.rollup]!;
    const res = trySwapExactIn(rollup.pool, leg.token, leg.amount);
    if (!res) {
      held.push(leg); // the pool cannot take it now: held until a later block
      continue;
    }
    rollup.pool = res.pool;
    const back = otherToken(leg.token);
    const inv = s.onchain[leg.rollup]!;
    inv[leg.token] -= leg.amount;
    inv[back] += res.amountOut;
    chargeDataFee(x, leg.rollup, inv);
    const netX = leg.deltaX + (back === 'X' ? res.amountOut : -leg.amount);
    const netY = leg.deltaY + (back === 'Y' ? res.amountOut : -leg.amount);
    const loss = -(netX * p + netY);
    x.tally[leg.rollup]!.legFailureLossY += loss;
    s.record.legFailureLossY += loss;
  }
  s.openLegs = held;
}
