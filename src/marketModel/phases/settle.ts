import type { Phase } from '../../engine/simulation.js';
import { swapExactIn, swapExactOut } from '../../market/amm/index.js';
import { otherToken } from '../../market/amm/otherToken.js';
import { nextBaseFee } from '../../market/fees/eip1559.js';
import { amountToSell } from '../../agents/proposer/disposeTokens.js';
import type { RollupState, WinningBlock, WorldState } from '../types.js';
import type { Balances } from '../../market/orders/types.js';
import { zeroBalances } from '../world.js';
import { payBuilderBlock } from '../payBuilderBlock.js';

/**
 * A bid is paid in the rollup's gas token. A payer short of it buys the shortfall on the rollup's
 * own pool (paying with the other token), which moves that pool's price: the feedback of bidding
 * on prices (DESIGN.md §2, the two-chain example of the workshop transcript).
 */
export function payBid(state: WorldState, rollup: RollupState, searcherIndex: number, amountGas: number, to: Balances): void {
  const gas = rollup.gasToken;
  const balances = state.searchers[searcherIndex]!.onchain[rollup.index]!;
  const stats = state.stats[rollup.index]!;
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
  stats.winningBidY += gas === 'X' ? amountGas * state.refPriceYPerX : amountGas;
}

/** The proposer disposes of received gas tokens by its policy, selling into the rollup's pool. */
function dispose(state: WorldState, rollup: RollupState): void {
  const gas = rollup.gasToken;
  const holdings = state.proposer.holdings[rollup.index]!;
  const sell = amountToSell(holdings[gas], state.config.proposer.disposal);
  if (sell <= 0) return;
  const res = swapExactIn(rollup.pool, gas, sell);
  rollup.pool = res.pool;
  holdings[gas] -= sell;
  holdings[otherToken(gas)] += res.amountOut;
  state.stats[rollup.index]!.disposalSoldGas += sell;
}

/** Direct mode: searchers' payments are the proposer's revenue. */
function creditDirect(state: WorldState, block: WinningBlock): void {
  for (const r of block.rollups) {
    const stats = state.stats[r]!;
    stats.proposerRevenueY += stats.winningBidY;
    state.validatorRevenueY[block.proposer]! += stats.winningBidY;
  }
}

/**
 * Phase 7: executed winners pay their bids in gas tokens — to the proposer directly, or to the
 * winning builder, who pays the mechanism's price on to the proposer (and burn, and committee);
 * the proposer disposes of what it holds; each rollup's base fee moves toward its target.
 */
export function settlePhase(): Phase<WorldState> {
  return {
    name: 'settle',
    run(state) {
      const viaBuilders = state.builders.length > 0;
      const received = state.rollups.map(zeroBalances);
      for (const { bundle, paymentGas } of state.allocated) {
        const rollup = state.rollups[bundle.bidRollup]!;
        const to = viaBuilders ? received[rollup.index]! : state.proposer.holdings[rollup.index]!;
        if (paymentGas > 0) payBid(state, rollup, bundle.searcher, paymentGas, to);
        const rec = state.searchers[bundle.searcher]!.record;
        rec.wins++;
        rec.paidY += rollup.gasToken === 'X' ? paymentGas * state.refPriceYPerX : paymentGas;
        rec.wonValueY += bundle.valueY;
      }
      for (const block of state.blocks) {
        if (viaBuilders) payBuilderBlock(state, block, received);
        else creditDirect(state, block);
      }
      for (const rollup of state.rollups) {
        dispose(state, rollup);
        const stats = state.stats[rollup.index]!;
        stats.baseFeePerByte = rollup.baseFeePerByte;
        rollup.baseFeePerByte = nextBaseFee(rollup.baseFeePerByte, stats.bytesUsed, state.config.rollups[rollup.index]!.feeModel);
      }
    },
  };
}
