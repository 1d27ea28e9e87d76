import { cappedActionBidY, recordAuction } from '../agents/bidding/bidderRecord.js';
import { learnFromAuction } from '../agents/bidding/learnFromAuction.js';
import { isLearning, type BidderRecord } from '../agents/bidding/types.js';
import type { MechanismConfig } from '../market/mechanisms/config.js';
import { payoffOfBid } from '../market/mechanisms/counterfactual.js';
import { getMechanism } from '../market/mechanisms/registry.js';
import { revealsAtLeast, type Bid, type Mechanism } from '../market/mechanisms/types.js';
import { blockMechanism, builderBids } from './bidding.js';
import type { WinningBlock } from './slot.js';
import { realisedTicketPayoffY } from './tickets.js';
import type { WorldState } from './types.js';

// The builders' half of the learn phase (phases/learn.ts): each builder learns from each block's
// auction, by replaying it (builderLearns) or, under execution tickets, from its purchase.

/** Every builder learns from each of the slot's block auctions. */
export function buildersLearn(world: WorldState, blocks: readonly WinningBlock[], slot: number): void {
  const definition = getMechanism(blockMechanism(world).name) as Mechanism<MechanismConfig>; // once per slot: every block and builder replays under it
  for (const block of blocks) {
    const auction = block.tickets ? null : blockAuction(world, block, slot, definition);
    for (let i = 0; i < world.builders.length; i++) {
      if (auction === null) ticketBuyerLearns(world, block, i, slot);
      else builderLearns(world, auction, i);
    }
  }
}

/** An equilibrium bidder that estimates its rivals from history moves each rival's value toward what it bid on now. */
function followRivals(world: WorldState, block: WinningBlock, i: number): void {
  const strategy = world.config.builders[i]!.strategy;
  if (strategy.name !== 'equilibrium' || strategy.rivals !== 'history') return;
  const record = world.builders[i]!.bidding;
  const w = record.auctions === 0 ? 1 : world.config.bidding.historyWeight;
  block.valuesY.forEach((v, j) => { if (j !== i) record.rivalValueY[j] = (1 - w) * record.rivalValueY[j]! + w * v; });
}

/**
 * The worst payoff ÷ value a bid can earn (see `normalisedReward`): bids never exceed the value, so
 * a winner keeps ≥ 0; a loser pays nothing, or up to its bid (−1) where losers pay.
 */
export const rewardFloor = (losersPay: boolean): number => (losersPay ? -1 : 0);

/**
 * One builder's ticket purchase under execution tickets, as its record and its learner take it.
 * There is no replay: the slot's builder was drawn `lookaheadSlots` before from tickets bought
 * over many slots, so replaying this slot's bids through the one-shot lottery would answer a
 * question the market did not ask. A purchase pays off only in the slots its tickets are later
 * drawn for, against rivals' later purchases: its counterfactual payoff is not computed, so regret
 * is not reported (summary.json's regret fields are null) and Hedge and Q-learning are refused at
 * config time (biddingChecks.ts). The record and the learner take the realised payoff of the slot
 * (`realisedTicketPayoffY`) against the expected value the purchase was bid on.
 */
function ticketBuyerLearns(world: WorldState, block: WinningBlock, i: number, slot: number): void {
  const t = block.tickets!;
  const cfg = world.config.builders[i]!;
  const record = world.builders[i]!.bidding;
  const valueY = block.valuesY[i]!;
  followRivals(world, block, i);
  if (!(valueY > 0)) return;
  const payoffY = realisedTicketPayoffY(t, i);
  recordAuction(record, world.config.bidding.windowSlots, { slot, valueY, bidY: block.bidsY[i]!, won: t.builder === i, payoffY, counterfactualY: null });
  const choice = block.choices[i]!;
  learnFromAuction(cfg.strategy, record, { action: choice.action, context: choice.context, probability: choice.probability, valueY, payoffY, counterfactualY: null, winningBidY: null, rewardFloor: rewardFloor(true) });
}

/** What every builder learning from one block's auction reads alike, worked out once per block. */
interface BlockAuction {
  readonly block: WinningBlock;
  readonly slot: number;
  readonly mechanism: MechanismConfig;
  /** Its registered definition. */
  readonly definition: Mechanism<MechanismConfig>;
  /** The builders' bids as the mechanism took them (the replay's; `payoffOfBid` copies them before changing one). */
  readonly bids: readonly Bid[];
  readonly losersPay: boolean;
  /** `bidding.feedback` reveals enough for counterfactuals under this mechanism; the winning bid. */
  readonly revealed: boolean;
  readonly winningBidRevealed: boolean;
}

function blockAuction(world: WorldState, block: WinningBlock, slot: number, definition: Mechanism<MechanismConfig>): BlockAuction {
  const mechanism = blockMechanism(world);
  const feedback = world.config.bidding.feedback;
  return {
    block,
    slot,
    mechanism,
    definition,
    bids: builderBids(world, block.bidsY, block.bidTimesMs),
    losersPay: definition.losersPay,
    revealed: revealsAtLeast(feedback, definition.counterfactualFrom),
    winningBidRevealed: revealsAtLeast(feedback, 'winning-bid'),
  };
}

/** One builder's auction for `block`, as its record and its learner take it. */
function builderLearns(world: WorldState, auction: BlockAuction, i: number): void {
  const { block, losersPay, revealed } = auction;
  const b = world.builders[i]!;
  const cfg = world.config.builders[i]!;
  const record = b.bidding;
  const valueY = block.valuesY[i]!;
  followRivals(world, block, i);
  // The value the bid was made on: the block's value now, or for a block sold ahead the builder's expectation at the sale (its actions are shares of it; the prize is the value now).
  const basisY = block.bidBasisY?.[i] ?? valueY;
  if (!(basisY > 0)) return;
  const payoff = payoffOfBid(auction.mechanism, auction.bids, i, valueY, block.draws, losersPay, auction.definition);
  // Every action's payoff: for a learner the feedback lets see them (as an array), or only for the
  // regret metric (added to the record's sums as computed: the same sums, without the array).
  const learner = isLearning(cfg.strategy);
  const counterfactualY = revealed && learner ? actionPayoffs(record, payoff, basisY) : null;
  const payoffY = payoff(block.bidsY[i]!);
  const won = block.builder === i;
  recordAuction(record, world.config.bidding.windowSlots, { slot: auction.slot, valueY: basisY, bidY: block.bidsY[i]!, won, payoffY, counterfactualY });
  if (counterfactualY === null && world.config.bidding.regret) addActionPayoffs(record, payoff, basisY);
  if (!learner) return;
  // The learner observes what happened to it (won or not, what it paid), not the expectation.
  const paidY = block.payments?.perBidderY[i] ?? 0;
  const choice = block.choices[i]!;
  learnFromAuction(cfg.strategy, record, {
    action: choice.action,
    context: choice.context,
    probability: choice.probability,
    valueY: basisY,
    payoffY: (won ? valueY : 0) - paidY,
    counterfactualY, // null unless revealed
    winningBidY: block.builder !== null && auction.winningBidRevealed ? block.bidsY[block.builder]! : null,
    rewardFloor: rewardFloor(losersPay),
  });
}


/** What each action of the record's regret grid would have earned bidding on `basisY` (Y), in grid order. */
function actionPayoffs(record: BidderRecord, payoff: (amount: number) => number, basisY: number): number[] {
  const out: number[] = [];
  for (let a = 0; a < record.regretGrid.length; a++) out.push(payoff(cappedActionBidY(record.regretGrid, record.regretAbsolute, a, basisY)));
  return out;
}

/**
 * `actionPayoffs` added to the record's regret sums as computed (what `recordAuction` does with a
 * `counterfactualY` array, without one; a loop rather than a closure per builder and slot). Mutates `record`.
 */
function addActionPayoffs(record: BidderRecord, payoff: (amount: number) => number, basisY: number): void {
  const sums = record.counterfactualY;
  for (let a = 0; a < sums.length; a++) sums[a]! += payoff(cappedActionBidY(record.regretGrid, record.regretAbsolute, a, basisY));
}
