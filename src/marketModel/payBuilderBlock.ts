import type { Balances } from '../market/orders/types.js';
import type { Tally } from './columns.js';
import type { WinningBlock } from './slot.js';
import type { WorldState } from './types.js';

/**
 * Settles one block auction among builders. The winner received the searchers' bids for the
 * block's rollups (`received`, gas tokens); it pays the mechanism's price `p_w` out of them —
 * a fraction min(1, p_w / received) of each token — split between the proposer (its holdings, so
 * disposal moves prices), burn and committee in the proportions the mechanism reports. A price
 * above what it received, and every losing builder's payment (all-pay, Tullock), is settled in Y
 * off-chain. The proposer's revenue is attributed to rollups by their share of the winner's
 * receipts (evenly when it received nothing).
 */
export function payBuilderBlock(world: WorldState, block: WinningBlock, received: readonly Balances[], tally: Tally<'settle'>[]): void {
  const pay = block.payments!;
  const p = world.refPriceYPerX;
  const total = pay.perBidderY.reduce((a, x) => a + x, 0);
  const sP = total > 0 ? pay.toProposerY / total : 0;
  pay.perBidderY.forEach((paid, i) => void (world.builders[i]!.paidY += paid));
  const valueOf = (r: number) => received[r]!.X * p + received[r]!.Y;
  const receivedY = block.rollups.reduce((a, r) => a + valueOf(r), 0);
  if (block.builder !== null) {
    const builder = world.builders[block.builder]!;
    builder.wins++;
    builder.receivedY += receivedY;
    const f = receivedY > 0 ? Math.min(1, pay.perBidderY[block.builder]! / receivedY) : 0;
    for (const r of block.rollups) {
      const holdings = world.proposer.holdings[r]!;
      for (const t of ['X', 'Y'] as const) holdings[t] += sP * f * received[r]![t];
    }
  }
  for (const r of block.rollups) {
    const share = receivedY > 0 ? valueOf(r) / receivedY : 1 / block.rollups.length;
    tally[r]!.proposerRevenueY += pay.toProposerY * share;
    tally[r]!.burnedY += pay.burnedY * share;
  }
  world.validatorRevenueY[block.proposer]! += pay.toProposerY;
}
