import { searcherKinds } from '../agents/searchers/registry.js';
import type { SearcherKindColumn } from '../agents/searchers/searcherKind.js';
import { gapBps, inFeeBand } from '../market/metrics/priceGap.js';
import { compileReset, compileRow, compileZero } from './compiledRecords.js';
import type { RollupSlotRecord, RollupStateRecord, SlotEvent } from './slotRecord.js';

/*
 * The column registry (the spirit of Agents.jl's `adata`/`mdata` and Mesa's reporters): every column
 * of the per-slot table declared once — its name, unit, meaning, where its value comes from and how
 * it aggregates into summary.json. From this list come the zeroed statistics each apply step
 * returns, the table's rows, the per-rollup sums of the summary and docs/reference/outputs.md.
 */

/**
 * Where a column's value comes from: a statistic returned by one of the slot's steps (`auction`,
 * `counterfactual`, `execute`, `settle`, `share`), or the slot's state (`state`) — prices, reserves,
 * identities — read when the slot is recorded.
 */
export type ColumnSource = 'state' | 'auction' | 'counterfactual' | 'execute' | 'settle' | 'share';

/** A cell of the table. */
export type Cell = number | string | boolean;

/** What a derived column may read of the slot besides its rollup's state. */
export interface SlotInfo {
  readonly slot: number;
  readonly timeMs: number;
  readonly refPriceYPerX: number;
}

export interface ColumnSpec {
  /** Name in slots.csv (snake_case, unit suffix). */
  readonly name: string;
  /** Field of {@link RollupSlotRecord} that holds the value (statistics and state). */
  readonly field: string;
  readonly source: ColumnSource;
  /** `count` and `amount` are numbers (a count is an integer), `flag` a boolean, `text` a string. */
  readonly type: 'count' | 'amount' | 'flag' | 'text';
  /** Unit of the value: `Y`, `X or Y (gas token)`, `Y per X`, `bps`, `s`, `bytes`, … or '' for none. */
  readonly unit: string;
  /** What the value means, in one or two sentences. */
  readonly meaning: string;
  /**
   * How the column aggregates into summary.json: `sum` adds it over slots into `rollups[].<name>`
   * (or `summaryName`); with `total` the per-rollup sums also add up into `totals.<name>`.
   */
  readonly summary?: { readonly sum: string; readonly total?: boolean };
  /** The value, when it is not simply the record's `field` (derived columns). */
  readonly value?: (e: SlotInfo, r: RollupStateRecord) => Cell;
}

/** Summed over slots into `rollups[].<name>` of summary.json. */
const sum = <const N extends string>(name: N) => ({ sum: name });
/** Summed over slots into `rollups[].<name>`, and over rollups into `totals.<name>`. */
const total = <const N extends string>(name: N) => ({ sum: name, total: true as const });

/** Every column of slots.csv, in table order. */
export const slotColumns = [
  { name: 'slot', field: 'slot', source: 'state', type: 'count', unit: '', meaning: 'Slot number, from 0.', value: (e) => e.slot },
  { name: 'time_s', field: 'timeMs', source: 'state', type: 'amount', unit: 's', meaning: 'Simulated time at the end of the slot.', value: (e) => e.timeMs / 1000 },
  { name: 'rollup', field: 'rollup', source: 'state', type: 'text', unit: '', meaning: 'Rollup id (one row per slot and rollup).' },
  { name: 'gas_token', field: 'gasToken', source: 'state', type: 'text', unit: '', meaning: "The rollup's gas token (X or Y): bids and fees on it are paid in this token." },
  { name: 'ref_price', field: 'refPriceYPerX', source: 'state', type: 'amount', unit: 'Y per X', meaning: 'Reference (CEX) price after this slot’s GBM step.', value: (e) => e.refPriceYPerX },
  { name: 'pool_price', field: 'poolPriceYPerX', source: 'state', type: 'amount', unit: 'Y per X', meaning: "Spot price of the rollup's pool at the end of the slot." },
  { name: 'gap_bps', field: 'poolPriceYPerX', source: 'state', type: 'amount', unit: 'bps', meaning: '1e4 × ln(pool price ÷ reference price).', value: (e, r) => gapBps(r.poolPriceYPerX, e.refPriceYPerX) },
  { name: 'in_fee_band', field: 'poolPriceYPerX', source: 'state', type: 'flag', unit: '', meaning: 'The reference price lies inside the pool’s no-arbitrage band |ln(P/S)| ≤ −ln(1 − fee) (Milionis, Moallemi & Roughgarden 2023).', value: (e, r) => inFeeBand(r.poolPriceYPerX, e.refPriceYPerX, r.fee) },
  { name: 'reserve_x', field: 'reserveX', source: 'state', type: 'amount', unit: 'X', meaning: 'Pool reserve of X at the end of the slot.' },
  { name: 'reserve_y', field: 'reserveY', source: 'state', type: 'amount', unit: 'Y', meaning: 'Pool reserve of Y at the end of the slot.' },
  { name: 'user_swaps', field: 'userCount', source: 'execute', type: 'count', unit: 'swaps', meaning: 'User swaps that reached execution this block (executed or reverted).', summary: sum('user_swaps') },
  { name: 'user_failed', field: 'userFailed', source: 'execute', type: 'count', unit: 'swaps', meaning: 'User swaps that reverted on their slippage limit.', summary: sum('user_failed') },
  { name: 'late_users', field: 'lateUsers', source: 'execute', type: 'count', unit: 'swaps', meaning: 'User swaps that arrived after the builders committed to the block (block-auction `bidDeadlineMs`): carried to the next block.', summary: sum('late_users') },
  { name: 'user_volume_y', field: 'userVolumeY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Input of executed user swaps, valued at the reference price.', summary: total('user_volume_y') },
  { name: 'user_surplus_y', field: 'userSurplusY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Users’ output minus input minus data fee, at the reference price, plus the order-flow auction’s rebates to them (`user_rebate_y`, paid at settlement) (negative: what users lost to the pool, fees and MEV).', summary: total('user_surplus_y') },
  { name: 'ofa_users', field: 'ofaUsers', source: 'execute', type: 'count', unit: 'swaps', meaning: 'Under `order-flow-auction`: user swaps that reached execution this block and had been sent through the OFA channel (each public swap with probability `userShare`): visible to backrunners only, their backrun sold by the OFA.', summary: sum('ofa_users') },
  { name: 'arb_trades', field: 'arbCount', source: 'execute', type: 'count', unit: 'swaps', meaning: 'Executed CEX-DEX arbitrage swaps.', summary: sum('arb_trades') },
  { name: 'arb_volume_y', field: 'arbVolumeY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Input of every executed searcher swap (all kinds), at the reference price.', summary: total('arb_volume_y') },
  { name: 'arb_profit_y', field: 'arbProfitY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Gross profit of executed CEX-DEX swaps at the reference price (before bids).', summary: total('arb_profit_y') },
  { name: 'cex_hedge_cost_y', field: 'cexHedgeCostY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'What hedging this block\'s arbitrage legs on the CEX cost the searchers (their `cex`: fee and price impact), Y at the reference price; 0 on a free, infinitely deep CEX.', summary: total('cex_hedge_cost_y') },
  { name: 'finance_cost_y', field: 'financeCostY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Interest paid this slot on searchers\' negative balances on this rollup (`capital.negative: "finance"`): financeRatePerSlot × their value at the reference price, paid off-chain.', summary: total('finance_cost_y') },
  { name: 'cross_arb_legs', field: 'crossArbLegs', source: 'execute', type: 'count', unit: 'swaps', meaning: 'Executed legs of cross-rollup arbitrage on this rollup.', summary: sum('cross_arb_legs') },
  { name: 'cross_arb_profit_y', field: 'crossArbProfitY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Gross profit of the executed cross-rollup legs on this rollup, at the reference price.', summary: total('cross_arb_profit_y') },
  { name: 'backruns', field: 'backruns', source: 'execute', type: 'count', unit: 'swaps', meaning: 'Executed backruns.', summary: sum('backruns') },
  { name: 'backrun_profit_y', field: 'backrunProfitY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Gross profit of executed backruns at the reference price.', summary: total('backrun_profit_y') },
  { name: 'controller_profit_y', field: 'controllerProfitY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Timeboost: of the searchers\' gross profit on this rollup (`mev_extracted_y`: CEX-DEX, backrun, cross-rollup and sandwich swaps at the reference price, before payments), the part of the express-lane controller\'s swaps (0 on other orderings).', summary: sum('controller_profit_y') },
  { name: 'leg_failures', field: 'legFailures', source: 'execute', type: 'count', unit: 'legs', meaning: 'Split cross-rollup opportunities of which only this rollup’s leg executed (the lone leg is unwound where its searcher’s `unwind.venue` says: the pool next block, the CEX at once, or held).', summary: total('leg_failures') },
  { name: 'leg_failure_loss_y', field: 'legFailureLossY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Loss of lone legs unwound on this rollup this slot (in the pool, or at the CEX in the slot the leg failed): the leg and its unwind valued together at the reference price now. Legs still held when the run ends are not in it (their value is in the searcher\'s `pnl_y`, at the final price).', summary: total('leg_failure_loss_y') },
  { name: 'leg_inclusion_failures', field: 'legInclusionFailures', source: 'execute', type: 'count', unit: 'legs', meaning: 'Split cross-rollup legs included for this rollup that failed to land by its `inclusionFailureProbability` (not executed, nothing paid).', summary: total('leg_inclusion_failures') },
  { name: 'atomic_failures', field: 'atomicFailures', source: 'execute', type: 'count', unit: 'bundles', meaning: 'Atomic cross-rollup bundles that failed to land because this rollup’s draw of its `inclusionFailureProbability` failed: they executed on none of their rollups and paid nothing (one failing on both rollups counts on both).', summary: total('atomic_failures') },
  { name: 'sandwiches', field: 'sandwiches', source: 'execute', type: 'count', unit: 'users', meaning: 'Users sandwiched (front-run, victim and back-run all executed).', summary: sum('sandwiches') },
  { name: 'sandwich_profit_y', field: 'sandwichProfitY', source: 'execute', type: 'amount', unit: 'Y', meaning: 'Gross profit of executed sandwich legs at the reference price.', summary: total('sandwich_profit_y') },
  { name: 'bids', field: 'bidCount', source: 'auction', type: 'count', unit: 'bundles', meaning: 'Bundles submitted that act on this rollup.' },
  { name: 'searcher_bid_shade', field: 'searcherShade', source: 'auction', type: 'amount', unit: '', meaning: 'Σ bids ÷ Σ values of the bundles paid for on this rollup (0 without any, or worth under 1e-12 Y): how much of their value searchers bid (their strategies: `searchers[].strategy`).' },
  { name: 'builder_bid_shade', field: 'builderShade', source: 'auction', type: 'amount', unit: '', meaning: 'Σ builders\' bids ÷ Σ their block values (less costs) in the auction of this rollup\'s block — for a block sold ahead of time, ÷ the values they expected at the sale (0 without builders, or a value under 1e-12 Y).' },
  { name: 'late_bundles', field: 'lateBundles', source: 'auction', type: 'count', unit: 'bundles', meaning: 'Bundles acting on this rollup that arrived after the builders committed to the block (block-auction `bidDeadlineMs`): not in this block; their searcher may bid again next slot.', summary: sum('late_bundles') },
  { name: 'best_block_value_y', field: 'bestBlockValueY', source: 'auction', type: 'amount', unit: 'Y', meaning: 'With builders: the most valuable candidate block of this slot (Σ bids of its bundles, before costs), the part attributed to this rollup (by the best block\'s value on each rollup).', summary: total('best_block_value_y') },
  { name: 'won_block_value_y', field: 'wonBlockValueY', source: 'auction', type: 'amount', unit: 'Y', meaning: 'With builders: the value now of the block of the builder that won it (sold ahead of time, not necessarily the best), attributed like best_block_value_y.', summary: total('won_block_value_y') },
  { name: 'ahead_price_y', field: 'aheadPriceY', source: 'auction', type: 'amount', unit: 'Y', meaning: 'A block sold ahead of time (slot-auction, aps-burn): what its builders paid for it, fixed at the sale leadSlots earlier (the first leadSlots slots, which no sale reached, are sold in the slot: their price); 0 for a mechanism selling in the slot.', summary: total('ahead_price_y') },
  { name: 'just_in_time_price_y', field: 'justInTimePriceY', source: 'auction', type: 'amount', unit: 'Y', meaning: 'A block sold ahead of time: what the same mechanism would have fetched sold in the slot, the builders bidding by their strategies on the block values as they are now (the first leadSlots slots: the price they were sold at); 0 for a mechanism selling in the slot.', summary: total('just_in_time_price_y') },
  { name: 'tickets_bought', field: 'ticketsBought', source: 'auction', type: 'count', unit: 'tickets', meaning: 'Execution tickets: whole tickets the builders bought this slot in this rollup\'s sequencing group, their bids at `mechanism.ticketPrice` each, burned (slot-level: the same on every rollup of the group; 0 under other mechanisms).' },
  { name: 'tickets_outstanding', field: 'ticketsOutstanding', source: 'auction', type: 'count', unit: 'tickets', meaning: 'Execution tickets held and not yet drawn at the end of the slot in the group (slot-level).' },
  { name: 'slot_holder', field: 'slotHolder', source: 'state', type: 'text', unit: '', meaning: 'Execution tickets: the builder drawn `mechanism.lookaheadSlots` slots before to build this slot ("" under other mechanisms, or when no ticket was eligible); `builder` is who built it after any resale.' },
  { name: 'resold', field: 'resold', source: 'auction', type: 'flag', unit: '', meaning: 'Execution tickets: the drawn holder resold the slot to a builder valuing its block more (`mechanism.resale`).' },
  { name: 'resale_price_y', field: 'resalePriceY', source: 'auction', type: 'amount', unit: 'Y', meaning: 'The resale\'s price, max(holder\'s value, second-highest other builder\'s value) for the block, paid buyer → holder in Y off-chain (0 without a resale; slot-level).' },
  { name: 'winning_bid_gas', field: 'winningBidGas', source: 'settle', type: 'amount', unit: 'gas token', meaning: 'Bids paid by executed winners on this rollup, in its gas token.' },
  { name: 'winning_bid_y', field: 'winningBidY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'The same bids valued at the reference price.', summary: total('winning_bids_y') },
  { name: 'auctioned_part_y', field: 'auctionedPartY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Of `winning_bid_y`, the bids of bundles the block\'s sale sold (the winning builder\'s block, or positions sold directly by the proposer): under `partial-block` the auctioned top of the block; otherwise all of it but the priority fees (`priority_fee_y`) and the order-flow auction\'s prices (`ofa_revenue_y`).', summary: total('auctioned_part_y') },
  { name: 'local_part_y', field: 'localPartY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Of `winning_bid_y`, the bids of bundles the proposer built into the block itself, paid to it directly: a `partial-block` auction\'s local part (`localBuild`); 0 under every other mechanism. `winning_bid_y` = `auctioned_part_y` + `local_part_y` + `priority_fee_y` + `ofa_revenue_y`.', summary: total('local_part_y') },
  { name: 'bid_purchase_gas', field: 'bidPurchaseGas', source: 'settle', type: 'amount', unit: 'gas token', meaning: 'Gas token bought on the pool by winners short of it to pay their bids (moves the price).', summary: sum('bid_purchase_gas') },
  { name: 'unpaid_bid_gas', field: 'unpaidBidGas', source: 'settle', type: 'amount', unit: 'gas token', meaning: 'Bids executed winners could not pay: the part beyond what they held plus what they may buy on the pool (at most half of its reserve of the gas token per bid). 0 unless the pool is too small for the bids made on it.', summary: sum('unpaid_bid_gas') },
  { name: 'disposal_sold_gas', field: 'disposalSoldGas', source: 'settle', type: 'amount', unit: 'gas token', meaning: 'Gas token the proposer sold into the pool under its disposal policy.', summary: sum('disposal_sold_gas') },
  { name: 'proposer_holding_gas', field: 'proposerHoldingGas', source: 'state', type: 'amount', unit: 'gas token', meaning: 'Gas token the proposer holds on this rollup at the end of the slot.' },
  { name: 'proposer', field: 'proposer', source: 'state', type: 'text', unit: '', meaning: 'Validator that proposed this rollup’s block.' },
  { name: 'builder', field: 'builder', source: 'state', type: 'text', unit: '', meaning: 'Builder whose block won ("" without builders or when no block was sold).' },
  { name: 'winner', field: 'winner', source: 'state', type: 'text', unit: '', meaning: 'Searchers whose bundles executed on this rollup, in execution order, joined by ";".' },
  { name: 'express_lane_controller', field: 'expressLaneController', source: 'state', type: 'text', unit: '', meaning: 'Timeboost (`ordering: "timeboost"`): the searcher controlling the express lane in the round this slot belongs to ("" when no one does, or on another ordering).' },
  { name: 'express_lane_auctions', field: 'expressLaneAuctions', source: 'settle', type: 'count', unit: 'auctions', meaning: 'Timeboost: 1 in the slot whose end is at or after a round\'s auction closing time (the auction clears then), else 0.', summary: sum('express_lane_auctions') },
  { name: 'express_lane_rounds_sold', field: 'expressLaneRoundsSold', source: 'settle', type: 'count', unit: 'rounds', meaning: 'Timeboost: 1 when the auction cleared this slot sold the round (a bid at or above the reserve), else 0.', summary: sum('express_lane_rounds_sold') },
  { name: 'express_lane_revenue_y', field: 'expressLaneRevenueY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Timeboost: what the round\'s controller pays (max(reserve, second-highest bid)), booked in the slot its auction clears, paid to the rollup\'s treasury (the DAO).', summary: total('express_lane_revenue_y') },
  { name: 'priority_fee_y', field: 'priorityFeeY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Priority fees kept by this rollup (its treasury) under `priority-fee` ordering: the bids, paid as priority fees, of the executed bundles placed by fee on it, at the reference price (0 under other orderings).', summary: total('priority_fee_y') },
  { name: 'ofa_revenue_y', field: 'ofaRevenueY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Under `order-flow-auction`: clearing prices paid by the winners of the backrun rights to this rollup\'s OFA users (executed backruns), at the reference price; `user_rebate_y` of it went to those users, the rest to the proposer (in `proposer_revenue_y`).', summary: total('ofa_revenue_y') },
  { name: 'user_rebate_y', field: 'userRebateY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Under `order-flow-auction`: rebates paid to the users whose swaps the OFA sold (rebateFraction × clearing price), into the users\' account of this rollup, at the reference price; included in `user_surplus_y`.', summary: total('user_rebate_y') },
  { name: 'proposer_revenue_y', field: 'proposerRevenueY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'What the proposer of this rollup’s block received, attributed to the rollup by its share of the block.', summary: total('proposer_revenue_y') },
  { name: 'burned_y', field: 'burnedY', source: 'settle', type: 'amount', unit: 'Y', meaning: 'Value burned by the mechanism (mev-burn), attributed by the block’s share.', summary: total('burned_y') },
  { name: 'standalone_value_y', field: 'standaloneValueY', source: 'counterfactual', type: 'amount', unit: 'Y', meaning: 'Counterfactual revenue had this rollup sequenced alone, v({r}) (0 without counterfactuals).', summary: sum('standalone_value_y') },
  { name: 'coalition_value_y', field: 'coalitionValueY', source: 'counterfactual', type: 'amount', unit: 'Y', meaning: 'Counterfactual revenue of all rollups together, v(N) (same on every rollup’s row).' },
  { name: 'sharing_surplus_y', field: 'sharingSurplusY', source: 'counterfactual', type: 'amount', unit: 'Y', meaning: 'v(N) − Σ_r v({r}): what sharing the sequencer adds (same on every rollup’s row).' },
  { name: 'revenue_share_y', field: 'revenueShareY', source: 'share', type: 'amount', unit: 'Y', meaning: 'What this rollup received from sequencing: inside the shared sequencer its split of the settled report plus bond repayments; outside, its own block’s revenue.', summary: sum('revenue_share_y') },
  { name: 'member', field: 'member', source: 'state', type: 'flag', unit: '', meaning: 'The rollup was in the shared sequencer this slot.' },
  { name: 'hidden_y', field: 'hiddenY', source: 'share', type: 'amount', unit: 'Y', meaning: 'Of this rollup’s entitled split, what the proposer’s report hid.', summary: sum('hidden_y') },
  { name: 'recovered_y', field: 'recoveredY', source: 'share', type: 'amount', unit: 'Y', meaning: 'Of what was hidden, what detection won back (flag corrections and bonds).', summary: sum('recovered_y') },
  { name: 'alternative_y', field: 'alternativeY', source: 'share', type: 'amount', unit: 'Y', meaning: 'The governance’s estimate of the rollup’s other option this slot (member: v({r}) − cost; outside: its share of v(M ∪ {r})).' },
  { name: 'own_sequencer_cost_y', field: 'ownSequencerCostY', source: 'share', type: 'amount', unit: 'Y', meaning: 'Cost of running its own sequencer, charged when outside the shared sequencer.', summary: sum('own_sequencer_cost_y') },
  { name: 'true_revenue_y', field: 'trueRevenueY', source: 'share', type: 'amount', unit: 'Y', meaning: 'The shared block’s true revenue to the proposer (slot-level, on every member’s row).' },
  { name: 'reported_revenue_y', field: 'reportedRevenueY', source: 'share', type: 'amount', unit: 'Y', meaning: 'What the proposer reported (slot-level).' },
  { name: 'settled_revenue_y', field: 'settledRevenueY', source: 'share', type: 'amount', unit: 'Y', meaning: 'The revenue settled after the detectors’ corrections (slot-level).' },
  { name: 'lied', field: 'lied', source: 'share', type: 'flag', unit: '', meaning: 'The proposer reported less than it received (slot-level).' },
  { name: 'flag_public_bids', field: 'flagPublicBids', source: 'share', type: 'flag', unit: '', meaning: 'The public-bids detector flagged the report.' },
  { name: 'flag_committee', field: 'flagCommittee', source: 'share', type: 'flag', unit: '', meaning: 'The committee detector flagged the report.' },
  { name: 'flag_audit', field: 'flagAudit', source: 'share', type: 'flag', unit: '', meaning: 'An ex-post audit proved a lie (the bond is forfeited).' },
  { name: 'public_bound_y', field: 'publicBoundY', source: 'share', type: 'amount', unit: 'Y', meaning: 'The public-bids detector’s lower bound on the revenue (the mechanism’s revenue on the public bids).' },
  { name: 'committee_floor_y', field: 'committeeFloorY', source: 'share', type: 'amount', unit: 'Y', meaning: 'The committee’s attested floor on the revenue.' },
  { name: 'slashed_y', field: 'slashedY', source: 'share', type: 'amount', unit: 'Y', meaning: 'Bond forfeited by a proven lie (slot-level).' },
  { name: 'from_bond_y', field: 'fromBondY', source: 'share', type: 'amount', unit: 'Y', meaning: 'Of what the rollups recovered this slot, the part paid out of a forfeited bond (slot-level).' },
  { name: 'overpaid_y', field: 'overpaidY', source: 'share', type: 'amount', unit: 'Y', meaning: 'What a flagged bound above the truth made the proposer pay beyond it (slot-level).' },
  { name: 'restaking_pfc_y', field: 'restakingPfcY', source: 'state', type: 'amount', unit: 'Y', meaning: 'Restaking (`restaking`): the last completed epoch\'s profit from corrupting the shared sequencer, valueAtRiskY + revenueEpochs × that epoch\'s proposer revenue (slot-level; before the first epoch ends, valueAtRiskY); 0 without restaking.' },
  { name: 'restaking_coc_y', field: 'restakingCocY', source: 'state', type: 'amount', unit: 'Y', meaning: 'Restaking: cost of corrupting the sequencer, the stake at risk (slashFraction × stake × stakeValueY) of the cheapest coalition of opted-in operators holding `restaking.threshold` of the sequencer\'s restaked stake (slot-level); 0 without restaking.' },
  { name: 'restaking_margin_y', field: 'restakingMarginY', source: 'state', type: 'amount', unit: 'Y', meaning: 'Restaking: min over every coalition of operators and the services it controls (the sequencer and `restaking.services`) of its stake at risk − their profit from corruption (Durvasula & Roughgarden 2025); ≤ 0: some attack pays (slot-level); 0 without restaking.' },
  { name: 'restaking_secure', field: 'restakingSecure', source: 'state', type: 'flag', unit: '', meaning: 'Restaking: the last completed epoch\'s `restaking_margin_y` > 0, no coalition profits from corruption (slot-level); false without restaking.' },
  { name: 'base_fee_per_byte', field: 'baseFeePerByte', source: 'settle', type: 'amount', unit: 'gas token per byte', meaning: 'The base fee this block was charged at (EIP-1559 style; it then moves toward the target).' },
  { name: 'bytes_used', field: 'bytesUsed', source: 'execute', type: 'amount', unit: 'bytes', meaning: 'Transaction data in this block (swaps × bytes per swap).' },
  { name: 'fees_gas', field: 'feesGas', source: 'execute', type: 'amount', unit: 'gas token', meaning: 'Data fees collected this block, paid to the rollup’s treasury.', summary: sum('fees_gas') },
  { name: 'supply_drift_x', field: 'supplyDriftX', source: 'state', type: 'amount', unit: 'X', meaning: 'Σ of X over every holder on this rollup at the end of the slot (pool, users, treasury, proposer, burned, committee, searchers, builders) minus the initial total: 0 up to floating-point rounding (token conservation; summary.json → conservation).' },
  { name: 'supply_drift_y', field: 'supplyDriftY', source: 'state', type: 'amount', unit: 'Y', meaning: 'The same for Y.' },
] as const satisfies readonly ColumnSpec[];

type Column = (typeof slotColumns)[number];
type ValueOf<C extends Column> = C['type'] extends 'flag' ? boolean : C['type'] extends 'text' ? string : number;

type SumOf<C> = C extends { summary: { sum: infer N extends string } } ? N : never;
type TotalOf<C> = C extends { summary: { sum: infer N extends string; total: true } } ? N : never;
/** The summed columns of one rollup in summary.json's `rollups[]`. */
export type RollupSums = { [N in SumOf<Column>]: number };
/** The columns also totalled over rollups in summary.json's `totals`. */
export type TotalledSums = { [N in TotalOf<Column>]: number };

/** The statistics one step of the slot returns per rollup: the fields of the columns it is the source of. */
export type Tally<S extends ColumnSource> = { -readonly [C in Column as C['source'] extends S ? C['field'] : never]: ValueOf<C> };

/**
 * The columns of a run's table: the registry's, then the columns of the searcher kinds present in
 * the run (each kind declares its own in its file; they are produced by the execute step).
 */
export function tableColumns(kinds: readonly string[] = []): readonly ColumnSpec[] {
  const own = searcherKinds.filter((k) => kinds.includes(k.kind)).flatMap((k): readonly SearcherKindColumn[] => k.columns ?? []);
  const extra = own.filter((c, i) => own.findIndex((o) => o.name === c.name) === i).map((c): ColumnSpec => ({ ...c, source: 'execute' }));
  return [...(slotColumns as readonly ColumnSpec[]), ...extra];
}

type ZeroMaker = () => Record<string, number | boolean>;
/** A column list's zero-tally makers by step, each generated on first use. */
type ZeroMakers = { [S in Exclude<ColumnSource, 'state'>]?: ZeroMaker };
const zeroMakers = new WeakMap<readonly ColumnSpec[], ZeroMakers>();
/** The makers of the column list last asked for (a run asks with the same one every slot): no map lookup on the hot path. */
let lastColumns: readonly ColumnSpec[] | null = null;
let lastMakers: ZeroMakers = {};

/** A fresh per-rollup tally of step `source`: every field zero (false for flags). */
export function zeroTally<S extends Exclude<ColumnSource, 'state'>>(source: S, columns: readonly ColumnSpec[] = slotColumns): Tally<S> {
  if (columns !== lastColumns) {
    let makers = zeroMakers.get(columns);
    if (!makers) zeroMakers.set(columns, (makers = {}));
    lastColumns = columns;
    lastMakers = makers;
  }
  const make = (lastMakers[source] ??= compileZero(columns.filter((c) => c.source === source).map((c) => ({ field: c.field, flag: c.type === 'flag' }))));
  return make() as Tally<S>;
}

/**
 * Per-rollup tallies of step `source` that a phase keeps for its run, all zeroed in place on each
 * call: the same array of the same objects every slot. A fresh tally per rollup and slot was a tenth
 * of a slot's allocations (each of its number fields boxed anew), so what a slot returns of them is
 * valid until the phase runs again (a `SlotOutcome`, slot.ts, is read during its slot).
 */
export function slotTallies<S extends Exclude<ColumnSource, 'state'>>(source: S, columns: readonly ColumnSpec[] = slotColumns): (rollups: number) => Tally<S>[] {
  const reset = compileReset(columns.filter((c) => c.source === source).map((c) => ({ field: c.field, flag: c.type === 'flag' })));
  const tallies: Tally<S>[] = [];
  return (rollups) => {
    if (tallies.length !== rollups) {
      tallies.length = 0;
      for (let r = 0; r < rollups; r++) tallies.push(zeroTally(source, columns));
    } else for (const t of tallies) reset(t);
    return tallies;
  };
}

/** The per-slot table in tidy long form, one row per (slot, rollup), with the given columns. */
export function slotRowsOf(columns: readonly ColumnSpec[]): (e: SlotEvent) => Record<string, Cell>[] {
  const row = compileRow<SlotEvent, RollupSlotRecord>(columns) as (e: SlotEvent, r: RollupSlotRecord) => Record<string, Cell>;
  return (e) => e.rollups.map((r) => row(e, r));
}

/** The per-slot table's rows of one slot event with the registry's columns (see `slotRowsOf`). */
export const slotRows = slotRowsOf(slotColumns);

/** A summed column: record field (of the step tally `source`) → name in summary.json's `rollups[]`, and whether it is totalled. */
export interface SummedColumn {
  readonly field: keyof RollupSlotRecord;
  readonly source: ColumnSource;
  readonly name: keyof RollupSums;
  readonly total: boolean;
}

/** The columns summed into summary.json. */
export function summedColumnsOf(columns: readonly ColumnSpec[]): readonly SummedColumn[] {
  return columns.flatMap((c) => (c.summary ? [{ field: c.field as keyof RollupSlotRecord, source: c.source, name: c.summary.sum as keyof RollupSums, total: c.summary.total === true }] : []));
}
