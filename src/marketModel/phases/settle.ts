import { amountToSell } from '../../agents/proposer/disposeTokens.js';
import { swapExactIn, swapExactOut } from '../../market/amm/index.js';
import { otherToken } from '../../market/amm/otherToken.js';
import { nextBaseFee } from '../../market/fees/eip1559.js';
import type { Balances } from '../../market/orders/types.js';
import { zeroTally, type Tally } from '../columns.js';
import { payBuilderBlock } from '../payBuilderBlock.js';
import type { AuctionOutcome, ExecutionOutcome, WinningBlock } from '../slot.js';
import type { RollupState, WorldState } from '../types.js';
import { zeroBalances } from '../world.js';

/**
 * A bid is paid in the rollup's gas token. A payer short of it buys the shortfall on the rollup's
 * own pool (paying with the other token), which moves that pool's price: the feedback of bidding
 * on prices (DESIGN.md §2, the two-chain example of the workshop transcript).
 */
export function payBid(world: WorldState, rollup: RollupState, searcherIndex: number, amountGas: number, to: Balances, stats: Tally<'settle'>): void {
  const gas = rollup.gasToken;
  const balances = world.searchers[searcherIndex]!.onchain[rollup.index]!;
  const shortfall = amountGas - Math.max(0, balances[gas]);
  if (shortfall > 0) {
    const res = swapExactOut(rollup.pool, gas, shortfall);
    rollup.pool = res.pool;
    balances[otherToken(gas)] -= res.amountIn;
    balances[gas] += shortfall;
    stats.bidPurchaseGas += shortfall;
  }
  balances[gas] -= amountGas;
  to[gas] += amountGas;
  stats.winningBidGas += amountGas;
  stats.winningBidY += gas === 'X' ? amountGas * world.refPriceYPerX : amountGas;
}

/** The proposer disposes of received gas tokens by its policy, selling into the rollup's pool. */
function dispose(world: WorldState, rollup: RollupState, stats: Tally<'settle'>): void {
  const gas = rollup.gasToken;
  const holdings = world.proposer.holdings[rollup.index]!;
  const sell = amountToSell(holdings[gas], world.config.proposer.disposal);
  if (sell <= 0) return;
  const res = swapExactIn(rollup.pool, gas, sell);
  rollup.pool = res.pool;
  holdings[gas] -= sell;
  holdings[otherToken(gas)] += res.amountOut;
  stats.disposalSoldGas += sell;
}

/** Direct mode: searchers' payments are the proposer's revenue. */
function creditDirect(world: WorldState, block: WinningBlock, tally: Tally<'settle'>[]): void {
  for (const r of block.rollups) {
    const stats = tally[r]!;
    stats.proposerRevenueY += stats.winningBidY;
    world.validatorRevenueY[block.proposer]! += stats.winningBidY;
  }
}

/**
 * Phase 7 (apply): executed winners pay their bids in gas tokens — to the proposer directly, or to
 * the winning builder, who pays the mechanism's price on to the proposer (and burn, and committee);
 * the proposer disposes of what it holds; each rollup's base fee moves toward its target. Returns
 * the settlement's per-rollup statistics.
 */
export function settleSlot(world: WorldState, auction: AuctionOutcome, execution: ExecutionOutcome): Tally<'settle'>[] {
  const tally = world.rollups.map(() => zeroTally('settle'));
  const viaBuilders = world.builders.length > 0;
  const received = world.rollups.map(zeroBalances);
  for (const { bundle, paymentGas } of execution.executed) {
    const rollup = world.rollups[bundle.bidRollup]!;
    const to = viaBuilders ? received[rollup.index]! : world.proposer.holdings[rollup.index]!;
    if (paymentGas > 0) payBid(world, rollup, bundle.searcher, paymentGas, to, tally[rollup.index]!);
    const rec = world.searchers[bundle.searcher]!.record;
    rec.wins++;
    rec.paidY += rollup.gasToken === 'X' ? paymentGas * world.refPriceYPerX : paymentGas;
    rec.wonValueY += bundle.valueY;
  }
  for (const block of auction.blocks) {
    if (viaBuilders) payBuilderBlock(world, block, received, tally);
    else creditDirect(world, block, tally);
  }
  for (const rollup of world.rollups) {
    const stats = tally[rollup.index]!;
    dispose(world, rollup, stats);
    stats.baseFeePerByte = rollup.baseFeePerByte;
    rollup.baseFeePerByte = nextBaseFee(rollup.baseFeePerByte, execution.tally[rollup.index]!.bytesUsed, world.config.rollups[rollup.index]!.feeModel);
  }
  return tally;
}
