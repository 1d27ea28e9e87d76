import { amountToSell } from '../../agents/proposer/disposeTokens.js';
import { trySwapExactIn, trySwapExactOut } from '../feasibleSwap.js';
import { otherToken } from '../../market/amm/otherToken.js';
import { nextBaseFee } from '../../market/fees/eip1559.js';
import { bidShares } from '../../market/orders/bidShares.js';
import type { Allocated, Balances, Bundle } from '../../market/orders/types.js';
import { slotTallies, zeroTally, type Tally } from '../columns.js';
import { chargeFinancing } from '../capital.js';
import { payBuilderBlock } from '../payBuilderBlock.js';
import { applyTickets } from '../tickets.js';
import type { AuctionOutcome, ExecutionOutcome, WinningBlock } from '../slot.js';
import type { RollupState, WorldState } from '../types.js';
import { credit, debit, zeroBalances } from '../world.js';
import { settleExpressLane, type ExpressLaneSale } from '../timeboost.js';

/**
 * The largest share of the pool's reserve of its gas token that a winner may buy to pay one bid.
 * A bid needing more (a pool too small for the bids made on it) is paid only up to what the winner
 * holds plus that much; the rest is recorded as unpaid (`unpaid_bid_gas`) instead of draining the
 * pool (a swap cannot take out all of a reserve).
 */
export const MAX_BID_PURCHASE_SHARE = 0.5;

/**
 * A bid is paid in the rollup's gas token. A payer short of it buys the shortfall on the rollup's
 * own pool (paying with the other token), which moves that pool's price: the feedback of bidding
 * on prices (DESIGN.md §2, the two-chain example of the workshop transcript). It buys at most
 * {@link MAX_BID_PURCHASE_SHARE} of the pool's reserve of the gas token; what that leaves short is
 * not paid (`unpaidBidGas`). Returns the amount paid, in the gas token.
 */
export function payBid(world: WorldState, rollup: RollupState, searcherIndex: number, amountGas: number, to: Balances, stats: Tally<'settle'>): number {
  const gas = rollup.gasToken;
  const balances = world.searchers[searcherIndex]!.onchain[rollup.index]!;
  const held = Math.max(0, balances[gas]);
  const shortfall = amountGas - held;
  let paid = amountGas;
  if (shortfall > 0) {
    const reserve = gas === 'X' ? rollup.pool.reserveX : rollup.pool.reserveY;
    let buy = Math.min(shortfall, MAX_BID_PURCHASE_SHARE * reserve);
    const res = trySwapExactOut(rollup.pool, gas, buy);
    if (res) rollup.pool = res.pool;
    else buy = 0; // the pool cannot sell it (an input too large to represent): nothing is bought
    debit(balances, otherToken(gas), res?.amountIn ?? 0);
    credit(balances, gas, buy);
    stats.bidPurchaseGas += buy;
    if (buy < shortfall) {
      paid = held + buy;
      stats.unpaidBidGas += amountGas - paid;
    }
  }
  debit(balances, gas, paid);
  credit(to, gas, paid);
  stats.winningBidGas += paid;
  stats.winningBidY += gas === 'X' ? paid * world.refPriceYPerX : paid;
  return paid;
}

/**
 * What a won bundle pays on each rollup, in that rollup's gas token: `paymentGas` (in `bidRollup`'s
 * gas token) on `bidRollup`, or, for a bid paid on both legs, each rollup's share of its value at the
 * reference price (bidShares.ts).
 */
function paymentParts(world: WorldState, bundle: Bundle, paymentGas: number): { rollup: number; gas: number }[] {
  if (bundle.bidSplit === undefined) return [{ rollup: bundle.bidRollup, gas: paymentGas }];
  const p = world.refPriceYPerX;
  const valueY = world.rollups[bundle.bidRollup]!.gasToken === 'X' ? paymentGas * p : paymentGas;
  return bidShares(bundle).map(({ rollup, share }) => ({ rollup, gas: world.rollups[rollup]!.gasToken === 'X' ? (share * valueY) / p : share * valueY }));
}

/** The proposer disposes of received gas tokens by its policy, selling into the rollup's pool. */
function dispose(world: WorldState, rollup: RollupState, stats: Tally<'settle'>): void {
  const gas = rollup.gasToken;
  const holdings = world.proposer.holdings[rollup.index]!;
  const sell = amountToSell(holdings[gas], world.config.proposer.disposal);
  if (sell <= 0) return;
  const res = trySwapExactIn(rollup.pool, gas, sell);
  if (!res) return; // the pool cannot take the sale this slot
  rollup.pool = res.pool;
  debit(holdings, gas, sell);
  credit(holdings, otherToken(gas), res.amountOut);
  stats.disposalSoldGas += sell;
}

/**
 * The order-flow auction's winner paid `collected` (its clearing price, in the gas token; `paidY` at
 * the reference price): `rebateFraction` of it goes to the users' account of the rollup — the user
 * whose swap was sold — and the rest to the proposer, the auctioneer (its holdings). Returns the
 * proposer's part in Y.
 */
function payOrderFlow(world: WorldState, rollup: RollupState, collected: Balances, paidY: number, stats: Tally<'settle'>): number {
  const m = world.config.mechanism;
  const fraction = m.name === 'order-flow-auction' ? m.rebateFraction : 0;
  const gas = rollup.gasToken;
  const rebate = fraction * collected[gas];
  credit(rollup.users, gas, rebate);
  credit(world.proposer.holdings[rollup.index]!, gas, collected[gas] - rebate);
  const rebateY = gas === 'X' ? rebate * world.refPriceYPerX : rebate;
  stats.userRebateY += rebateY;
  stats.ofaRevenueY += paidY;
  return paidY - rebateY;
}

/** Direct mode: searchers' payments to the proposer (`paidY`, Y per rollup) are its revenue. */
function creditDirect(world: WorldState, block: WinningBlock, paidY: readonly number[], tally: Tally<'settle'>[]): void {
  for (const r of block.rollups) {
    const stats = tally[r]!;
    stats.proposerRevenueY += paidY[r]!;
    world.validatorRevenueY[block.proposer]! += paidY[r]!;
  }
}

/** What a slot's executed bundles pay into, while they pay (`settleSlot`): every figure zero before the first. */
export interface SlotPayments {
  readonly tally: Tally<'settle'>[];
  /** Per rollup, what the winning builder received (builder mode). */
  readonly received: Balances[];
  /** Per rollup, direct-mode payments to the proposer, Y. */
  readonly toProposerY: number[];
  /** Per rollup, the order-flow auction's part for the proposer, Y. */
  readonly ofaToProposerY: number[];
}

/** Fresh zeroed payments for one settlement. */
function freshPayments(world: WorldState): SlotPayments {
  return { tally: world.rollups.map(() => zeroTally('settle')), received: world.rollups.map(zeroBalances), toProposerY: world.rollups.map(() => 0), ofaToProposerY: world.rollups.map(() => 0) };
}

/**
 * The zeroed payments of each slot's settlement for a run: the same arrays and objects every call,
 * zeroed in place (a slot's settlement tally is valid until the next slot settles; see `slotTallies`).
 */
export function slotPayments(): (world: WorldState) => SlotPayments {
  const tallies = slotTallies('settle');
  const received: Balances[] = [];
  const toProposerY: number[] = [];
  const ofaToProposerY: number[] = [];
  let pay: SlotPayments | null = null;
  return (world) => {
    const n = world.rollups.length;
    for (let r = 0; r < n; r++) {
      const b = (received[r] ??= zeroBalances());
      b.X = 0;
      b.Y = 0;
      toProposerY[r] = 0;
      ofaToProposerY[r] = 0;
    }
    const tally = tallies(n); // the same array every call
    return (pay ??= { tally, received, toProposerY, ofaToProposerY });
  };
}

/**
 * One part of an executed bundle's payment: `gas` of rollup `rollupIndex`'s gas token, to whom its
 * placement says (a partial-block auction's local part pays the proposer directly, as in direct
 * mode). Returns what was paid, Y at the reference price.
 */
function payPart(world: WorldState, pay: SlotPayments, proposers: readonly number[], won: Allocated, rollupIndex: number, gas: number): number {
  const { bundle, localBuild, payee } = won;
  const local = localBuild !== undefined;
  const rollup = world.rollups[rollupIndex]!;
  const stats = pay.tally[rollupIndex]!;
  const ofa = payee === 'ofa' ? zeroBalances() : null; // what the OFA collects, split below
  const to = ofa ?? (payee === 'rollup' ? rollup.treasury : world.builders.length > 0 && !local ? pay.received[rollupIndex]! : world.proposer.holdings[rollupIndex]!);
  const paid = gas > 0 ? payBid(world, rollup, bundle.searcher, gas, to, stats) : gas;
  const partY = rollup.gasToken === 'X' ? paid * world.refPriceYPerX : paid;
  if (payee === 'rollup') stats.priorityFeeY += partY;
  else if (ofa) pay.ofaToProposerY[rollupIndex]! += payOrderFlow(world, rollup, ofa, partY, stats);
  else if (local) {
    stats.localPartY += partY;
    stats.proposerRevenueY += partY;
    world.validatorRevenueY[proposers[rollupIndex]!]! += partY;
  } else {
    stats.auctionedPartY += partY;
    pay.toProposerY[rollupIndex]! += partY;
  }
  return partY;
}

/**
 * Phase 7 (apply): executed winners pay their bids in gas tokens — to the proposer directly, or to
 * the winning builder, who pays the mechanism's price on to the proposer (and burn, and committee);
 * a partial-block auction's local part pays the proposer directly (`local_part_y`, the block's own
 * sale `auctioned_part_y`); a priority fee goes to the treasury of the rollup it is paid on, never
 * to the proposer or a builder (`priority_fee_y`); an order-flow auction's price goes to the OFA
 * (`payOrderFlow`: the rebate to the user, the rest to the proposer; `ofa_revenue_y`), not through
 * a builder; execution tickets' ledgers take in the slot's purchases, draws and resale; the proposer
 * disposes of what it holds; each rollup's base fee moves toward its target. The express-lane
 * auctions cleared this slot (Timeboost rollups) are paid and their rounds recorded. Returns the
 * settlement's per-rollup statistics (`pay.tally`: a run passes its reused, zeroed `slotPayments`).
 */
export function settleSlot(world: WorldState, auction: AuctionOutcome, execution: ExecutionOutcome, expressLane: readonly (ExpressLaneSale | null)[] = [], slotStartMs = 0, pay: SlotPayments = freshPayments(world)): Tally<'settle'>[] {
  const { tally, received, toProposerY, ofaToProposerY } = pay;
  const viaBuilders = world.builders.length > 0;
  for (const won of execution.executed) {
    const bundle = won.bundle;
    let paidY = 0;
    // The usual bundle pays on its bid rollup alone: no parts built for it.
    if (bundle.bidSplit === undefined) paidY += payPart(world, pay, auction.proposers, won, bundle.bidRollup, won.paymentGas);
    else for (const part of paymentParts(world, bundle, won.paymentGas)) paidY += payPart(world, pay, auction.proposers, won, part.rollup, part.gas);
    const rec = world.searchers[bundle.searcher]!.record;
    rec.wins++;
    rec.paidY += paidY;
    rec.wonValueY += bundle.valueY;
  }
  for (const block of auction.blocks) {
    if (block.tickets) applyTickets(world, block.tickets);
    if (viaBuilders) payBuilderBlock(world, block, received, tally);
    else creditDirect(world, block, toProposerY, tally);
  }
  for (const r of world.rollups) {
    const y = ofaToProposerY[r.index]!;
    if (y === 0) continue;
    tally[r.index]!.proposerRevenueY += y;
    world.validatorRevenueY[auction.proposers[r.index]!]! += y;
  }
  settleExpressLane(world, expressLane, slotStartMs, tally);
  chargeFinancing(world, tally);
  for (const rollup of world.rollups) {
    const stats = tally[rollup.index]!;
    dispose(world, rollup, stats);
    stats.baseFeePerByte = rollup.baseFeePerByte;
    rollup.baseFeePerByte = nextBaseFee(rollup.baseFeePerByte, execution.tally[rollup.index]!.bytesUsed, world.config.rollups[rollup.index]!.feeModel);
  }
  return tally;
}
