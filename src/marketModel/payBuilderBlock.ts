import type { Balances } from '../market/orders/types.js';
import type { Tally } from './columns.js';
import type { WinningBlock } from './slot.js';
import type { WorldState } from './types.js';

/**
 * Settles one block auction among builders. The winner received the searchers' bids for the
 * block's rollups (`received`, gas tokens); it pays the mechanism's price `p_w` out of them —
 * a fraction f = min(1, p_w / received) of each token — split between the proposer (its holdings, so
 * disposal moves prices), burn, committee and users (a rebate) in the proportions the mechanism
 * reports; the burned and committee parts go to the rollup's `burned` and `committee` accounts, the
 * rebate to its users' account, and the rest of what it received (1 − f of each token) stays in the
 * builder's holdings. A price above what it received, and every losing builder's payment (all-pay,
 * Tullock), is settled in Y off-chain: not rollup tokens. The proposer's revenue is attributed to
 * rollups by their share of the winner's receipts (evenly when it received nothing). Under execution
 * tickets (`block.tickets`) every payment is a ticket purchase for later slots, settled in Y
 * off-chain and burned: the holder keeps all it received (and a resale price is off-chain Y too).
 */
export function payBuilderBlock(world: WorldState, block: WinningBlock, received: readonly Balances[], tally: Tally<'settle'>[]): void {
  const pay = block.payments!;
  const p = world.refPriceYPerX;
  let total = 0;
  for (const x of pay.perBidderY) total += x;
  // Shares of the mechanism's payments by destination (Σ = 1 for every mechanism: types.ts).
  const sP = total > 0 ? pay.toProposerY / total : 0;
  const sB = total > 0 ? pay.burnedY / total : 0;
  const sC = total > 0 ? pay.toCommitteeY / total : 0;
  const sU = total > 0 ? pay.rebateToUserY / total : 0;
  for (let i = 0; i < pay.perBidderY.length; i++) world.builders[i]!.paidY += pay.perBidderY[i]!;
  let receivedY = 0;
  for (const r of block.rollups) receivedY += valueY(received[r]!, p);
  if (block.builder !== null) {
    const builder = world.builders[block.builder]!;
    builder.wins++;
    builder.receivedY += receivedY;
    const f = receivedY > 0 && block.tickets === undefined ? Math.min(1, pay.perBidderY[block.builder]! / receivedY) : 0;
    for (const r of block.rollups) {
      const rollup = world.rollups[r]!;
      const holdings = world.proposer.holdings[r]!;
      const kept = builder.holdings[r]!;
      // X then Y, written out: a loop over the token names indexes each account by a variable key (a slow keyed access per slot).
      const gotX = received[r]!.X;
      const paidX = f * gotX;
      holdings.X += sP * f * gotX;
      rollup.burned.X += sB * paidX;
      rollup.committee.X += sC * paidX;
      rollup.users.X += sU * paidX;
      kept.X += gotX - paidX;
      const gotY = received[r]!.Y;
      const paidY = f * gotY;
      holdings.Y += sP * f * gotY;
      rollup.burned.Y += sB * paidY;
      rollup.committee.Y += sC * paidY;
      rollup.users.Y += sU * paidY;
      kept.Y += gotY - paidY;
    }
  }
  for (const r of block.rollups) {
    const share = receivedY > 0 ? valueY(received[r]!, p) / receivedY : 1 / block.rollups.length;
    tally[r]!.proposerRevenueY += pay.toProposerY * share;
    tally[r]!.burnedY += pay.burnedY * share;
  }
  world.validatorRevenueY[block.proposer]! += pay.toProposerY;
}

/** What a rollup's receipts are worth, Y at `priceYPerX`. */
function valueY(b: Balances, priceYPerX: number): number {
  return b.X * priceYPerX + b.Y;
}
