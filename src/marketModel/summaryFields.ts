import { searcherKinds } from '../agents/searchers/registry.js';
import { tableColumns } from './columns.js';

/*
 * What each field of summary.json means. The summed columns document themselves from the column
 * registry (columns.ts); the fields below are the run-level and derived ones. A test reads a real
 * summary.json and fails on any field that is not documented here or in the registry.
 */

/** One documented field of summary.json: its path (`totals.x`, `rollups[].x`), unit and meaning. */
export interface SummaryField {
  readonly path: string;
  readonly unit: string;
  readonly meaning: string;
}

const f = (path: string, unit: string, meaning: string): SummaryField => ({ path, unit, meaning });

const concentrationOf = (prefix: string, what: string): SummaryField[] => [
  f(`${prefix}.hhi`, '', `Herfindahl–Hirschman index Σ sᵢ² of the shares of ${what}, in [1/n, 1] (0 when nothing was won).`),
  f(`${prefix}.top3_share`, '', `Share of ${what} held by the three largest.`),
  f(`${prefix}.nakamoto_coefficient`, '', `Fewest participants whose combined share of ${what} exceeds 1/2.`),
  f(`${prefix}.normalized_entropy`, '', `Shannon entropy of the shares of ${what} over ln n, in [0, 1] (1 = equal shares).`),
];

const stakeConcentrationOf = (prefix: string): SummaryField[] => [
  f(`${prefix}.pool_hhi`, '', 'Herfindahl–Hirschman index Σ sᵢ² of stake shares by pool (a validator outside every pool counts as its own).'),
  f(`${prefix}.pool_nakamoto`, '', 'Fewest pools (or unpooled validators) holding more than half the stake.'),
  f(`${prefix}.pool_top3`, '', 'Stake share of the three largest pools (or unpooled validators).'),
  f(`${prefix}.operator_hhi`, '', 'Herfindahl–Hirschman index of stake shares by operator (validator).'),
  f(`${prefix}.operator_nakamoto`, '', 'Fewest operators holding more than half the stake.'),
  f(`${prefix}.operator_top3`, '', 'Stake share of the three largest operators.'),
];

const rewardDispersionOf = (prefix: string): SummaryField[] => [
  f(`${prefix}.reward_cv`, '', 'Coefficient of variation (σ/μ), over validators with stake, of the epoch\'s reward per unit of stake (issuance, captured MEV, committee share).'),
  f(`${prefix}.reward_gini`, '', 'Gini coefficient of the same rewards per unit of stake (0: homogeneous validator rewards).'),
];

const detector = (name: string, what: string): SummaryField[] => [
  f(`reporting.${name}.flagged_lies`, 'slots', `Lies flagged by ${what}.`),
  f(`reporting.${name}.detection_rate`, '', `flagged_lies ÷ lie_slots for ${what}; null when the proposer never lied (the whole entry is null when the detector is off).`),
  f(`reporting.${name}.false_alarms`, 'slots', `Honest reports flagged by ${what}.`),
  f(`reporting.${name}.false_alarm_rate`, '', `false_alarms ÷ honest slots for ${what}; null when every report was a lie.`),
];

/** The fields of summary.json that are not per-rollup sums of a column. */
export const summaryFields: readonly SummaryField[] = [
  f('slots', 'slots', 'Slots simulated.'),
  f('simulated_seconds', 's', 'Simulated time at the end of the last slot.'),
  f('initial_ref_price', 'Y per X', 'Reference price at the start.'),
  f('final_ref_price', 'Y per X', 'Reference price at the end.'),
  f('totals.mev_extracted_y', 'Y', 'Searchers’ gross profit before bids over all rollups: CEX-DEX, backrun, cross-rollup and sandwich.'),
  f('totals.proposer_value_y', 'Y', 'What the proposer holds at the end (every rollup’s received gas tokens, after disposal), at the final reference price.'),
  f('totals.rollup_fees_value_y', 'Y', 'Rollups’ treasuries (data fees collected, Timeboost express-lane auction revenue, and the priority fees kept under `priority-fee` ordering) at the final reference price.'),
  f('totals.coalition_value_y', 'Y', 'Σ over slots of the counterfactual revenue of all rollups together, v(N) (0 without counterfactuals).'),
  f('totals.sharing_surplus_y', 'Y', 'Σ over slots of v(N) − Σ_r v({r}).'),
  f('totals.share_slots_surplus_positive', '', 'Share of slots where sharing the sequencer added value (v(N) > Σ_r v({r})).'),
  f('totals.cross_atomic_pnl_y', 'Y', 'PnL of cross-rollup searchers bidding atomically (inventories and CEX at the final reference price).'),
  f('totals.cross_split_pnl_y', 'Y', 'PnL of cross-rollup searchers bidding leg by leg (all of them under separate sequencing).'),
  ...concentrationOf('concentration', 'positions won by searchers'),
  f('builders[].builder', '', 'Builder id (the list is empty without builders).'),
  f('builders[].wins', 'blocks', 'Blocks (or super-blocks) the builder won.'),
  f('builders[].win_share', '', 'wins ÷ all blocks won.'),
  f('builders[].received_y', 'Y', 'Searchers’ bids received for its winning blocks, at the reference price.'),
  f('builders[].paid_y', 'Y', 'What it paid the mechanism (all-pay and Tullock charge losers too).'),
  f('builders[].resale_net_y', 'Y', 'Execution tickets: resale prices received for slots it was drawn to build, less those it paid to buy others\' (Y off-chain; 0 under other mechanisms).'),
  f('builders[].profit_y', 'Y', 'received_y − paid_y + resale_net_y.'),
  f('restaking', '', 'Restaking for the shared sequencer over the run (config `restaking`); null without it. Measured at each epoch\'s end (Durvasula & Roughgarden, "Robust Restaking Networks", ITCS 2025).'),
  f('restaking.epochs', 'epochs', 'Epochs completed (and measured).'),
  f('restaking.insecure_epochs', 'epochs', 'Epochs at whose end some coalition of operators would have profited from corruption (margin ≤ 0).'),
  f('restaking.min_margin_y', 'Y', 'Smallest margin over the measurements (slot 0 and each epoch\'s end): stake at risk − profit from corruption of the tightest attack.'),
  f('restaking.mean_profit_from_corruption_y', 'Y', 'Mean over the epochs of the profit from corrupting the sequencer measured at their end; null before the first epoch ends.'),
  f('restaking.last_profit_from_corruption_y', 'Y', 'The last measurement\'s profit from corrupting the sequencer: valueAtRiskY + revenueEpochs × the epoch\'s proposer revenue.'),
  f('restaking.last_cost_of_corruption_y', 'Y', 'The last measurement\'s cost of corrupting the sequencer: stake at risk of the cheapest coalition holding `restaking.threshold` of its restaked stake.'),
  f('restaking.last_margin_y', 'Y', 'The last measurement\'s margin over every attack on the sequencer and `restaking.services`.'),
  f('restaking.last_overcollateralization', '', 'The last measurement\'s γ = min stake at risk ÷ profit − 1 over attacks with profit; null when none has any.'),
  f('restaking.rewards_y', 'Y', 'Σ over epochs of revenueShare × the epoch\'s proposer revenue, moved from the proposers to the opted-in operators by stake (in `validators[].revenue_y`).'),
  f('restaking.operator_stake_y', 'Y', 'At the end: stake at risk of every operator restaking to something (slashFraction × stake × stakeValueY).'),
  f('restaking.operators_in', 'validators', 'Operators restaked to the shared sequencer at the end.'),
  f('restaking.joins', 'decisions', 'With `restaking.optIn`: times an operator restaked to the sequencer at an epoch\'s end (0 without).'),
  f('restaking.leaves', 'decisions', 'With `restaking.optIn`: times an operator left it (0 without).'),
  f('execution_tickets', '', 'The execution-ticket market over the run (`mechanism.name` execution-tickets with builders); null under other mechanisms.'),
  f('execution_tickets.tickets_bought', 'tickets', 'Whole tickets bought by all builders (each at `mechanism.ticketPrice`).'),
  f('execution_tickets.tickets_redeemed', 'tickets', 'Tickets drawn (one per slot assigned to a holder), including draws for slots past the end of the run.'),
  f('execution_tickets.tickets_outstanding', 'tickets', 'Tickets held and not drawn at the end of the run.'),
  f('execution_tickets.proceeds_burned_y', 'Y', 'Σ ticket purchases, burned (the protocol\'s MEV capture).'),
  f('execution_tickets.block_value_y', 'Y', 'Σ over slots of the built block\'s value to its builder (its candidate\'s bids less its cost): the MEV of the slots.'),
  f('execution_tickets.capture', '', 'proceeds_burned_y ÷ block_value_y: MEV capture as in Burian, Crapis & Saleh 2024 (arXiv:2408.11255), the protocol\'s ticket revenue over the MEV; null without block value. Above 1 when builders overpay for tickets.'),
  f('execution_tickets.redeemed_capture', '', 'ticketPrice × slots_held ÷ block_value_y: what the tickets that built the run\'s blocks cost over those blocks\' value — capture on redeemed tickets, which unlike `capture` does not grow with the tickets bought for slots past the run; null without block value.'),
  f('execution_tickets.slots_held', 'slots', 'Slots built by a drawn holder or its buyer.'),
  f('execution_tickets.slots_without_holder', 'slots', 'Slots with no eligible ticket at their draw (no block sold).'),
  f('execution_tickets.redraws', 'slots', 'Slots drawn again when they came, because their draw ahead (a ledger\'s opening slots) found no eligible ticket.'),
  f('execution_tickets.resales', 'slots', 'Slots the drawn holder resold (`mechanism.resale`).'),
  f('execution_tickets.resale_share', '', 'resales ÷ slots_held.'),
  f('execution_tickets.resale_price_y', 'Y', 'Σ resale prices paid buyers → holders (Y off-chain).'),
  f('execution_tickets.hhi', '', 'Herfindahl–Hirschman index of slots built per builder (concentration as in Burian, Crapis & Saleh 2024).'),
  f('execution_tickets.top_builder_share', '', 'Share of the slots built by the builder that built most.'),
  ...concentrationOf('builder_concentration', 'blocks won by builders'),
  f('block_oracle_accuracy', '', 'With builders: all builders’ payments ÷ the value of the winning blocks; null without builders or blocks, or when the blocks carried too little value to divide by.'),
  f('block_efficiency', '', 'With builders: Σ value of the blocks their winners built ÷ Σ value of each slot’s best candidate block (totals.won_block_value_y ÷ totals.best_block_value_y): 1 when the best block always wins; null without builders or value.'),
  f('ahead_of_time', '', 'How selling blocks ahead of time fared; null unless the mechanism sells them ahead (slot-auction, aps-burn) with builders.'),
  f('ahead_of_time.lead_slots', 'slots', 'How many slots ahead each block was sold (the mechanism\'s leadSlots).'),
  f('ahead_of_time.oracle_accuracy', '', 'What the blocks fetched sold ahead ÷ the best block\'s value (totals.ahead_price_y ÷ totals.best_block_value_y); null without block value.'),
  f('ahead_of_time.just_in_time_oracle_accuracy', '', 'What the same mechanism would have fetched selling each block in its slot, the builders bidding on the values then, ÷ the best block\'s value (totals.just_in_time_price_y ÷ totals.best_block_value_y): how much selling early loses is the difference; null without block value.'),
  f('validators[].validator', '', 'Validator id.'),
  f('validators[].stake', 'stake', 'Its configured stake (proposers are drawn in proportion to it).'),
  f('validators[].revenue_y', 'Y', 'What it received as proposer.'),
  f('staking.total_stake', 'stake', 'Stake the proposers were drawn by at the end: validators\' own stake plus delegated stake.'),
  f('staking.idle_stake', 'stake', 'Delegated stake withdrawn to the outside option at the end.'),
  f('staking.delegator_moves', 'delegators', 'Delegators moved into or out of a pool over the run.'),
  f('staking.pools[].pool', '', 'Pool id.'),
  f('staking.pools[].stake', 'stake', 'Its operators\' stake at the end, own and delegated.'),
  f('staking.pools[].share', '', 'Its share of total_stake at the end.'),
  f('staking.pools[].delegators', 'delegators', 'Delegators in it at the end.'),
  f('staking.pools[].reward_y', 'Y', 'What its delegators earned over the run: issuance and captured MEV (and the committee share under mev-smoothing), net of commission.'),
  f('staking.pools[].commission_y', 'Y', 'What its operators kept as commission.'),
  f('staking.pools[].value_estimate_y', 'Y', 'Its delegators\' last estimate of what proposing every block of an epoch pays them (vᵢ of the Tullock staking game).'),
  f('staking.validator_stakes[].validator', '', 'Validator id.'),
  f('staking.validator_stakes[].stake', 'stake', 'Its stake at the end: own plus its pool\'s delegated stake split over the pool\'s operators.'),
  f('staking.mean.pool_shares[]', '', 'Each pool\'s stake share averaged over the epochs.'),
  f('staking.epochs[].epoch', '', 'Epoch number, from 0 (recorded at its end, before the delegators move).'),
  f('staking.epochs[].pool_shares[]', '', 'Each pool\'s share of the stake the epoch\'s proposers were drawn by.'),
  f('staking.epochs[].idle_stake', 'stake', 'Stake outside every pool (the outside option).'),
  f('staking.epochs[].lst_exchange_rate', 'stake per token', 'With `staking.liquidStaking` only: the token\'s exchange rate after the epoch\'s rewards were booked.'),
  f('staking.epochs[].lst_allocation[]', 'stake', 'With `staking.liquidStaking` only: the protocol\'s stake in each member pool (member order) during the epoch.'),
  f('staking.liquid_staking.id', '', 'The liquid-staking protocol\'s id (`staking.liquid_staking` is there only with config `staking.liquidStaking`): a pool of pools whose token accrues its rewards net of its fee. Rewards are booked at each epoch\'s end; those of an unfinished last epoch are not.'),
  f('staking.liquid_staking.rule', '', 'Its allocation rule: equal, performance or router.'),
  f('staking.liquid_staking.supply', 'tokens', 'Token supply, fixed: its delegators × `staking.delegators.stake` (its stake at exchange rate 1).'),
  f('staking.liquid_staking.exchange_rate', 'stake per token', 'Exchange rate at the end: 1 + net_reward_y ÷ supply.'),
  f('staking.liquid_staking.stake_share', '', 'Its allocated stake ÷ total_stake at the end.'),
  f('staking.liquid_staking.buffered_stake', 'stake', 'Stake no member took (router caps) at the end, earning nothing.'),
  f('staking.liquid_staking.fee_y', 'Y', 'What the protocol kept: fee × its rewards (its stake\'s pro-rata part of its member pools\' delegators\' rewards, after their commission; included in those pools\' reward_y).'),
  f('staking.liquid_staking.net_reward_y', 'Y', 'What its token holders earned: its rewards − fee_y.'),
  f('staking.liquid_staking.allocation[].pool', '', 'Member pool id (member order).'),
  f('staking.liquid_staking.allocation[].stake', 'stake', 'The protocol\'s stake in it at the end.'),
  f('staking.liquid_staking.allocation[].share_of_pool', '', 'That stake ÷ the pool\'s stake at the end.'),
  ...stakeConcentrationOf('staking.final'),
  ...stakeConcentrationOf('staking.mean'),
  ...stakeConcentrationOf('staking.epochs[]'),
  ...rewardDispersionOf('staking.mean'),
  ...rewardDispersionOf('staking.epochs[]'),
  f('mev_oracle_accuracy', '', 'Searchers’ payments (bids, and Timeboost express-lane prices) ÷ their own valuation of what they won (DESIGN.md §8); null when nothing was won, or when it was worth too little to divide by.'),
  f('reporting.slots', 'slots', 'Slots with a shared block whose revenue was reported.'),
  f('reporting.lie_slots', 'slots', 'Slots whose report was below the truth.'),
  f('reporting.true_revenue_y', 'Y', 'Σ true revenue of the shared blocks.'),
  f('reporting.reported_revenue_y', 'Y', 'Σ revenue reported by the proposer.'),
  f('reporting.settled_revenue_y', 'Y', 'Σ revenue settled after the detectors’ corrections.'),
  f('reporting.hidden_y', 'Y', 'The rollups’ part of what the reports hid.'),
  f('reporting.recovered_y', 'Y', 'The rollups’ part won back (flag corrections and bonds).'),
  f('reporting.lost_y', 'Y', 'hidden_y − recovered_y.'),
  f('reporting.slashed_y', 'Y', 'Bonds forfeited by proven lies.'),
  f('reporting.overpaid_y', 'Y', 'What flagged bounds above the truth made the proposer pay beyond it.'),
  f('reporting.proposer_net_gain_y', 'Y', 'What lying earned the proposer, net: lost_y + bond repayments − slashed_y − overpaid_y.'),
  ...detector('public_bids', 'the public-bids detector'),
  ...detector('committee', 'the committee detector'),
  ...detector('audit', 'the ex-post audit'),
  ...detector('any', 'any detector'),
  f('rollups[].rollup', '', 'Rollup id.'),
  f('rollups[].gas_token', '', 'Its gas token.'),
  f('rollups[].mev_extracted_y', 'Y', 'Searchers’ gross profit before bids on this rollup: arb + backrun + cross-rollup + sandwich profit.'),
  f('rollups[].initial_pool_price', 'Y per X', 'Pool spot price at the start.'),
  f('rollups[].final_pool_price', 'Y per X', 'Pool spot price at the end.'),
  f('rollups[].mean_abs_gap_bps', 'bps', 'Mean over slots of |gap_bps|.'),
  f('rollups[].share_slots_in_fee_band', '', 'Share of slots whose reference price was inside the pool’s no-arbitrage band.'),
  f('rollups[].lost_y', 'Y', 'hidden_y − recovered_y for this rollup.'),
  f('rollups[].member_share', '', 'Share of slots in the shared sequencer.'),
  f('rollups[].departures', '', 'Times the rollup left the shared sequencer (governance).'),
  f('rollups[].returns', '', 'Times it came back.'),
  f('rollups[].express_lane_controller_share', '', 'Timeboost: controller_profit_y ÷ mev_extracted_y, the share of the searchers\' gross profit on the rollup made by the express lane\'s controllers (each in its rounds; the first round has none); null on other orderings or without profit.'),
  f('rollups[].express_lane_revenue_per_round_y', 'Y', 'Timeboost: express_lane_revenue_y ÷ express_lane_auctions, the mean price of a round (0 for an unsold one); null on other orderings or without an auction.'),
  f('searchers[].searcher', '', 'Searcher id.'),
  f('searchers[].kind', '', 'Searcher kind (cex-dex, cross-rollup, backrun, sandwich).'),
  f('searchers[].pnl_y', 'Y', 'Inventories on every rollup and the CEX account, less the `capital` it started with, at the final reference price.'),
  f('searchers[].leg_failure_loss_y', 'Y', 'Loss booked on its lone legs (split cross-rollup bundles).'),
  f('searchers[].wins', 'bundles', 'Bundles it won that executed.'),
  f('searchers[].win_share', '', 'wins ÷ all searchers’ wins.'),
  f('searchers[].paid_y', 'Y', 'Bids it paid, at the reference price when paid, and what it paid for Timeboost express lanes.'),
  f('bidders[].bidder', '', 'Builder or searcher id (builders first, then searchers, each in config order).'),
  f('bidders[].role', '', '`builder` (bids for blocks) or `searcher` (bids for positions).'),
  f('bidders[].strategy', '', 'Its `strategy.name`.'),
  f('bidders[].auctions', 'auctions', 'Auctions it bid in with something of value to win: a block worth more than its cost (builders), an opportunity (searchers).'),
  f('bidders[].wins', 'auctions', 'Of those, won (a searcher: every bundle of the opportunity executed).'),
  f('bidders[].win_rate', '', 'wins ÷ auctions; null without auctions.'),
  f('bidders[].mean_shade', '', 'Σ bids ÷ Σ values: how much of its value it bid; null without value.'),
  f('bidders[].value_y', 'Y', 'Σ values of what it bid for (builders: block value less cost).'),
  f('bidders[].bid_y', 'Y', 'Σ its bids.'),
  f('bidders[].payoff_y', 'Y', 'Σ payoffs: builders the expected payoff of each bid given the rivals\' bids and the mechanism\'s draws (win probability × value − expected payment) — under execution tickets the realised payoff of each slot (the block\'s value if it built it, ± resale price, − its ticket purchases); searchers value − payment when the opportunity executed, minus any payment otherwise.'),
  f('bidders[].best_fixed_action', '', 'The action of its regret grid (a shading factor, or a bid in Y for `absolute` learners) that would have earned most over the run, the rivals\' bids held fixed; null without auctions or with `bidding.regret` off.'),
  f('bidders[].regret_y', 'Y', 'What that best fixed action would have earned − payoff_y: regret against the best fixed action in hindsight (negative when its own bids, off the grid, did better); null when `bidding.regret` is off, and for builders under execution tickets (a purchase\'s counterfactual payoff depends on later draws and purchases; not computed).'),
  f('bidders[].regret_per_auction_y', 'Y', 'regret_y ÷ auctions; null without auctions or regret.'),
  f('bidders[].converged_at_slot', 'slot', 'First slot from which every window\'s shade stays within 0.05 of the last window\'s; null with fewer than two windows with value.'),
  f('bidders[].window_slots', 'slots', 'Slots per window of `shade_by_window`: `bidding.windowSlots`, doubled (windows merged in pairs) as often as needed to keep at most 1,000 windows, so long runs keep a bounded time series.'),
  f('bidders[].shade_by_window[]', '', 'Σ bids ÷ Σ values in each window of `window_slots` slots, in order (null for a window without value): bid shading over time.'),
  f('bidders[].choice', '', 'A searcher learning its `choices`: the combination it played most (e.g. `bundling=split, payOn=B`); null otherwise.'),
  f('bidders[].choice_share', '', 'The share of slots it played that combination; null without choices.'),
  f('conservation.max_relative_drift', '', 'Largest |Σ over holders − initial total| at the end of any slot, relative to the initial total, over every rollup and token: floating-point rounding only (see docs/model.md, token accounting).'),
  f('conservation.rollups[].rollup', '', 'Rollup id.'),
  ...(['x', 'y'] as const).flatMap((t) => {
    const T = t.toUpperCase();
    return [
      f(`conservation.rollups[].${t}.initial_total`, T, `Σ of ${T} over every holder on the rollup at slot 0: the pool’s initial reserve (every other holder starts at 0).`),
      f(`conservation.rollups[].${t}.final_total`, T, `Σ of ${T} over every holder at the end of the run.`),
      f(`conservation.rollups[].${t}.drift`, T, 'final_total − initial_total (nothing mints or destroys a rollup token: floating-point rounding only).'),
      f(`conservation.rollups[].${t}.max_abs_drift`, T, `Largest |Σ over holders − initial_total| of ${T} at the end of any slot (the per-slot \`supply_drift_${t}\`).`),
      f(`conservation.rollups[].${t}.holders[].holder`, '', 'Who holds it: `pool` (reserves), `users` (the users as one net account), `treasury` (data fees, Timeboost auction revenue), `proposer` (received bids not yet sold), `burned` and `committee` (the mechanism’s burn and committee share of winning builders’ payments), `searcher:<id>` (on-chain inventory) and `builder:<id>` (bids received less what it paid on). Off-chain flows (CEX hedges, losing builders’ payments, a price above what the winner received) are not rollup tokens and are not listed.'),
      f(`conservation.rollups[].${t}.holders[].balance`, T, `Its balance of ${T} at the end of the run (negative: a net amount brought in from outside the model, e.g. users’ net purchases or a searcher’s credit).`),
    ];
  }),
];

/** Every documented path of summary.json: the summed columns (per rollup and totalled) and the fields above. */
export function documentedSummaryFields(): SummaryField[] {
  const summed = tableColumns(searcherKinds.map((k) => k.kind)).flatMap((c) =>
    c.summary
      ? [
          f(`rollups[].${c.summary.sum}`, c.unit, `Σ over slots of \`${c.name}\`: ${c.meaning}`),
          ...(c.summary.total ? [f(`totals.${c.summary.sum}`, c.unit, `Σ over rollups of rollups[].${c.summary.sum}.`)] : []),
        ]
      : [],
  );
  return [...summaryFields, ...summed];
}
