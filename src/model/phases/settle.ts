import type { Phase } from '../../engine/simulation.js';
import { swapExactIn, swapExactOut } from '../../market/amm/index.js';
import { otherToken } from '../../market/amm/otherToken.js';
import { nextBaseFee } from '../../market/fees/eip1559.js';
import { ruleShares } from '../../market/revenueSharing/ruleShares.js';
import { amountToSell } from '../../agents/proposer/disposeTokens.js';
import type { Balances, RollupState, WinningBlock, WorldState } from '../types.js';
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

/**
 * Revenue sharing: the slot's proposer revenue, less the proposer's cut, is paid to the rollups by
 * the configured rule (value-based shares were fixed in the counterfactual phase; fixed and
 * fee-proportional shares are computed here, once fees are known).
 */
function splitRevenueAmongRollups(state: WorldState): void {
  const { rule, proposerCut } = state.config.revenueSharing;
  if (!rule) return;
  const p = state.refPriceYPerX;
  const revenue = state.stats.reduce((a, s) => a + s.proposerRevenueY, 0);
  const feesByRollup = state.rollups.map((r) => (r.gasToken === 'X' ? state.stats[r.index]!.feesGas * p : state.stats[r.index]!.feesGas));
  const shares = state.splitShares ?? ruleShares(rule, { revenue, proposerCut, n: state.rollups.length, feesByRollup });
  shares.forEach((s, r) => (state.stats[r]!.revenueShareY = s * (1 - proposerCut) * revenue));
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
      splitRevenueAmongRollups(state);
      for (const rollup of state.rollups) {
        dispose(state, rollup);
        const stats = state.stats[rollup.index]!;
        stats.baseFeePerByte = rollup.baseFeePerByte;
        rollup.baseFeePerByte = nextBaseFee(rollup.baseFeePerByte, stats.bytesUsed, state.config.rollups[rollup.index]!.feeModel);
      }
    },
  };
}
