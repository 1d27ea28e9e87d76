import { trySwapExactIn } from './feasibleSwap.js';
import { otherToken } from '../market/amm/otherToken.js';
import type { SwapResult } from '../market/amm/types.js';
import type { Allocated, Bundle } from '../market/orders/types.js';
import { chargeDataFee, type BlockExecution } from './executeBundle.js';
import type { UnwindConfig } from '../agents/searchers/unwindVenue.js';
import type { OpenLeg, SearcherState, WorldState } from './types.js';

/** Where searcher `i` unwinds its lone legs (only cross-rollup searchers have any). */
function venueOf(world: WorldState, i: number): UnwindConfig {
  const c = world.config.searchers[i]!;
  return c.kind === 'cross-rollup' ? c.unwind : { venue: 'pool' };
}

/** A leg of a split opportunity (it has a leg group). */
const isSplitLeg = (b: Bundle): boolean => b.group !== undefined;

/**
 * After a block: every split cross-rollup opportunity with exactly one executed leg is a leg
 * failure on that leg's rollup. The searcher holds what the lone leg bought — and its price risk —
 * until it unwinds it where its `unwind.venue` says: at the CEX at once (`cex`), or in the same pool
 * at the start of the next block (`pool`) or of a later one (`hold`).
 */
export function settleLegRisk(x: BlockExecution, bundles: readonly Bundle[], executed: readonly Allocated[], legResults: ReadonlyMap<Allocated, SwapResult[]>): void {
  if (!bundles.some(isSplitLeg)) return; // no split opportunity this slot (no map built)
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
    const s = x.world.searchers[won.bundle.searcher]!;
    const open: OpenLeg = {
      rollup: leg.rollup,
      token,
      amount: out,
      deltaX: token === 'X' ? out : -leg.amountIn,
      deltaY: token === 'Y' ? out : -leg.amountIn,
      heldBlocks: 0,
    };
    const venue = venueOf(x.world, s.index);
    if (venue.venue === 'cex') unwindAtCex(x, s, open, venue.costBp);
    else s.openLegs.push(open);
  }
}

/**
 * Sells a lone leg's proceeds on the CEX at the reference price less `costBp`, booked in the
 * searcher's CEX account as a CEX-DEX arbitrageur's hedge is (`bookSearcherSwap`): the rollup tokens
 * stay in its on-chain inventory, so every rollup's supply is unchanged (conservation.ts counts the
 * CEX account as off-chain). With P the reference price and c = costBp/1e4, a leg that bought `a` X
 * for `b` Y nets a·P·(1 − c) − b; one that bought `a` Y for `b` X nets a·(1 − c) − b·P (in Y).
 */
function unwindAtCex(x: BlockExecution, s: SearcherState, leg: OpenLeg, costBp: number): void {
  const p = x.world.refPriceYPerX;
  const back = otherToken(leg.token);
  const got = (leg.token === 'X' ? leg.amount * p : leg.amount / p) * (1 - costBp / 1e4);
  s.cex[leg.token] -= leg.amount;
  s.cex[back] += got;
  bookLoss(x, s, leg, back === 'X' ? got : -leg.amount, back === 'Y' ? got : -leg.amount);
}

/**
 * Books the loss of a lone leg and its unwind — valued together at the reference price now, so it
 * includes the price risk borne in between — on the leg's rollup and the searcher's record.
 * Returns it (Y).
 */
function bookLoss(x: BlockExecution, s: SearcherState, leg: OpenLeg, unwindX: number, unwindY: number): number {
  const loss = lossOf(x, leg, unwindX, unwindY);
  x.tally[leg.rollup]!.legFailureLossY += loss;
  s.record.legFailureLossY += loss;
  return loss;
}

/** The lone leg and an unwind changing inventory by (unwindX, unwindY), valued at the reference price now, negated (Y). */
function lossOf(x: BlockExecution, leg: OpenLeg, unwindX: number, unwindY: number): number {
  return -((leg.deltaX + unwindX) * x.world.refPriceYPerX + (leg.deltaY + unwindY));
}

/**
 * Unwinds a searcher's lone legs: sells what each bought back into the same pool, as a plain
 * transaction at the top of the block. Under `unwind.venue: "hold"` a leg is kept instead while
 * unwinding now would lose (before the data fee) and fewer than `horizonSlots` blocks have passed.
 * A leg the pool cannot take now is held until a later block.
 */
export function unwindOpenLegs(x: BlockExecution, searcherIndex: number): void {
  const s = x.world.searchers[searcherIndex]!;
  const venue = venueOf(x.world, searcherIndex);
  const horizon = venue.venue === 'hold' ? venue.horizonSlots : 0;
  const held: OpenLeg[] = [];
  for (const leg of s.openLegs) {
    const rollup = x.world.rollups[leg.rollup]!;
    const res = trySwapExactIn(rollup.pool, leg.token, leg.amount);
    const back = otherToken(leg.token);
    const unwindX = res === null ? 0 : back === 'X' ? res.amountOut : -leg.amount;
    const unwindY = res === null ? 0 : back === 'Y' ? res.amountOut : -leg.amount;
    const age = leg.heldBlocks + 1;
    if (!res || (age < horizon && lossOf(x, leg, unwindX, unwindY) > 0)) {
      held.push({ ...leg, heldBlocks: age });
      continue;
    }
    rollup.pool = res.pool;
    const inv = s.onchain[leg.rollup]!;
    inv[leg.token] -= leg.amount;
    inv[back] += res.amountOut;
    chargeDataFee(x, leg.rollup, inv);
    bookLoss(x, s, leg, unwindX, unwindY);
  }
  s.openLegs = held;
}
