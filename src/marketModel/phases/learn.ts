import { recordAuction } from '../../agents/bidding/bidderRecord.js';
import { learnFromAuction, normalisedReward } from '../../agents/bidding/learnFromAuction.js';
import { updateLearner } from '../../agents/learning/learner.js';
import { positionPayoffsOnGrid, type PositionLeg, type PositionRule } from '../../agents/bidding/positionAuction.js';
import { revealsAtLeast } from '../../market/mechanisms/types.js';
import type { Bundle } from '../../market/orders/types.js';
import { conflicts } from '../../market/orders/positions.js';
import { bundleMechanism, bundlesByDecision } from '../bidding.js';
import { placementOf } from '../orderingPolicy.js';
import type { AuctionOutcome, Candidate, ExecutionOutcome, SearchOutcome } from '../slot.js';
import { isLearning, type BidderRecord } from '../../agents/bidding/types.js';
import type { WorldState } from '../types.js';
import { updateExpectations } from '../expectation.js';
import { partialRules } from '../partialBlock.js';
import { updateExpressLaneExpectations } from '../timeboost.js';
import { buildersLearn, rewardFloor } from '../builderLearning.js';

/** What the learn step reads of the slot. */
export interface LearnInput {
  readonly slot: number;
  readonly search: SearchOutcome;
  /** The bundles that reached the builders before they committed (all of them without a deadline). */
  readonly onTime?: readonly Bundle[];
  readonly candidates: readonly Candidate[];
  readonly auction: AuctionOutcome;
  readonly execution: ExecutionOutcome;
}

/** What each action of the record's grid would have earned for a searcher's opportunity (positionAuction.ts). */
function counterfactualsOf(record: BidderRecord, rule: PositionRule, valueY: number, legs: readonly PositionLeg[]): number[] {
  return positionPayoffsOnGrid(rule, record.regretGrid, record.regretAbsolute, valueY, legs, scratchOfLength(record.regretGrid.length));
}

/**
 * One array of `length` numbers per length, reused by every decision of every slot: a decision's
 * counterfactuals are read (summed into its record, turned into its learner's rewards) before the
 * next decision's are written, and nothing keeps them.
 */
const scratchByLength: number[][] = [];
function scratchOfLength(length: number): number[] {
  return (scratchByLength[length] ??= Array.from({ length }, () => 0));
}

const NOTHING_SEEN: readonly Bundle[] = Object.freeze([]);
const NO_USERS: ReadonlySet<number> = new Set();

/** What every searcher decision of a slot learns from alike, worked out once per slot. */
interface SearcherSlot {
  readonly input: LearnInput;
  /** Each executed bundle → what it paid (Y). */
  readonly executed: ReadonlyMap<Bundle, number>;
  readonly ofaUsers: ReadonlySet<number>;
  /** `bidding.feedback` reveals at least the minimum bid to win (counterfactuals), the winning bid. */
  readonly revealed: boolean;
  readonly winningBidRevealed: boolean;
  /** A partial-block auction with a local part: its proposer sees every bundle (see `legsOf`). */
  readonly localBuildSeesAll: boolean;
  /** What builder `i` saw (its candidate's `seen`: a few bundles, scanned rather than made a set every slot). */
  readonly seenBy: (builder: number) => readonly Bundle[];
  /** Per searcher, Σ payoff and Σ value of its opportunities this slot; null when no searcher learns choices. */
  readonly slotPayoff: SlotPayoff | null;
}

/** The builder of the block covering `rollup` (null: no block there, or one the proposer built). */
function builderOn(blocks: AuctionOutcome['blocks'], rollup: number): number | null {
  for (const k of blocks) if (k.rollups.includes(rollup)) return k.builder ?? null;
  return null;
}

/**
 * The legs of a searcher's decision as the counterfactual sees them: each bundle's share of the
 * decision's bid, the best bid of another searcher's bundle for the same positions, and whether the
 * leg could be included at all. With builders, only what the winning block's builder saw counts
 * (a rival it never saw was no competition; an own bundle it never saw could not win), except under
 * a partial-block auction with a local part, whose proposer sees every bundle, on a priority-fee
 * rollup, whose positions the rollup sells among every bundle sent for them, and for an OFA user's
 * backrun, which the order-flow auction sells among every bid for it.
 */
function legsOf(world: WorldState, slot: SearcherSlot, own: readonly Bundle[], decisionBidY: number): PositionLeg[] {
  const input = slot.input;
  const legs: PositionLeg[] = [];
  for (const b of own) {
    let seen: readonly Bundle[] | null = null;
    if (world.builders.length > 0 && !slot.localBuildSeesAll) {
      const placement = placementOf(world, b, slot.ofaUsers);
      if (placement !== 'priority-fee' && placement !== 'ofa') {
        const builder = builderOn(input.auction.blocks, b.bidRollup);
        seen = builder === null ? NOTHING_SEEN : slot.seenBy(builder);
      }
    }
    let bestRivalY: number | null = null;
    for (const r of input.search.bundles) {
      // conflicts before the set lookup: it rules out most bundles, and costs less.
      if (r.searcher === b.searcher || !conflicts(r, b) || (seen !== null && !seen.includes(r))) continue;
      bestRivalY = Math.max(bestRivalY ?? 0, r.bidY);
    }
    legs.push({ share: decisionBidY > 0 ? b.bidY / decisionBidY : 1 / own.length, bestRivalY, reach: seen === null || seen.includes(b) ? 1 : 0 });
  }
  return legs;
}

/** The best rival bid for a decision's positions on the decision's basis (a leg's rival ÷ its share); 0 without rivals. */
function rivalBidOnDecisionBasis(legs: readonly PositionLeg[]): number {
  let m = 0;
  for (const l of legs) if (l.bestRivalY !== null && l.share > 0) m = Math.max(m, l.bestRivalY / l.share);
  return m;
}

/**
 * One searcher decision's opportunity (its bundles `own`), as its record and its learner take it: it
 * won when all of its bundles executed; what each action would have earned when regret is measured
 * or its learner sees it. Only what is read is worked out (a fixed-fraction bidder without regret
 * needs neither legs nor counterfactuals).
 */
function searcherLearns(world: WorldState, slot: SearcherSlot, d: SearchOutcome['decisions'][number], own: readonly Bundle[]): void {
  const input = slot.input;
  const strategy = world.config.searchers[d.searcher]!.strategy;
  const record = world.searchers[d.searcher]!.bidding;
  let won = true;
  let paidY = 0;
  for (const b of own) {
    const paid = slot.executed.get(b);
    if (paid === undefined) won = false;
    paidY += paid ?? 0;
  }
  const payoffY = won ? d.valueY - paidY : -paidY;
  const learning = isLearning(strategy);
  const wantsCounterfactuals = world.config.bidding.regret || (slot.revealed && learning);
  const legs = wantsCounterfactuals || strategy.name === 'q-learning' ? legsOf(world, slot, own, d.bidY) : [];
  let counterfactualY: number[] | null = null;
  if (wantsCounterfactuals) {
    // A bundle that won but failed to land (inclusion.ts) would have failed at any bid: rather than
    // replay its auction as if the bid decided the payoff, every action is credited what happened
    // (the auction adds nothing to regret and teaches no preference).
    const failedToLand = input.execution.failedToLand !== undefined && own.some((b) => input.execution.failedToLand!.has(b));
    // The rule its positions were sold by (first-price on a priority-fee rollup, the OFA's pricing for an OFA user's backrun).
    counterfactualY = failedToLand ? record.counterfactualY.map(() => payoffY) : counterfactualsOf(record, bundleMechanism(world, own[0]!, slot.ofaUsers).name as PositionRule, d.valueY, legs);
  }
  recordAuction(record, world.config.bidding.windowSlots, { slot: input.slot, valueY: d.valueY, bidY: d.bidY, won, payoffY, counterfactualY });
  if (slot.slotPayoff) {
    slot.slotPayoff.payoffY[d.searcher]! += payoffY;
    slot.slotPayoff.valueY[d.searcher]! += d.valueY;
  }
  if (!learning) return;
  learnFromAuction(strategy, record, {
    action: d.action,
    context: d.context,
    probability: d.probability,
    valueY: d.valueY,
    payoffY,
    counterfactualY: slot.revealed ? counterfactualY : null,
    // The winning bid for its positions, on the decision's basis (Q-learning's next state).
    winningBidY: slot.winningBidRevealed ? (won ? d.bidY : rivalBidOnDecisionBasis(legs)) : null,
    rewardFloor: rewardFloor(false),
  });
}

/**
 * Phase 9 (apply): every bidder learns from this slot's auctions. Each builder with a block worth
 * something records its expected payoff, what each action of its grid would have earned (the
 * auction replayed with its bid changed, the mechanism's draws and the rivals' bids held fixed) and
 * learns from what `bidding.feedback` reveals (under `partial-block` its value is its auctioned
 * part's, as it bid: `WinningBlock.valuesY`). Each searcher does the same for each opportunity it
 * bid on: it won when all of its bundles executed; a counterfactual bid wins when each of its legs
 * beats the best rival bid for the same positions (see positionAuction.ts and `legsOf`). Builders'
 * records hold expected payoffs (what regret compares); learners learn from what happened to them.
 * An opportunity whose bundle won but failed to land by an inclusion failure is credited, for every
 * action, what happened.
 * Searchers' expectations of a Timeboost rollup's opportunities (what they bid for its express lane
 * on) move toward what they found this slot.
 */
export function learnFromSlot(world: WorldState, input: LearnInput): void {
  updateExpectations(world, input.candidates);
  // Bundles that missed the block's deadline are found again next slot: counted once, when on time.
  updateExpressLaneExpectations(world, input.onTime ?? input.search.bundles);
  if (world.builders.length > 0) buildersLearn(world, input.auction.blocks, input.slot);
  const feedback = world.config.bidding.feedback;
  const executed = new Map<Bundle, number>();
  for (const a of input.execution.executed) executed.set(a.bundle, a.bundle.bidGas > 0 ? (a.bundle.bidY * a.paymentGas) / a.bundle.bidGas : 0);
  const rules = partialRules(world);
  const learnsChoices = input.search.arms.some((a) => a >= 0);
  const slot: SearcherSlot = {
    input,
    executed,
    ofaUsers: input.auction.ofaUsers ?? NO_USERS,
    revealed: revealsAtLeast(feedback, 'min-to-win'),
    winningBidRevealed: revealsAtLeast(feedback, 'winning-bid'),
    // A partial-block auction with a local part: the proposer's local build takes from every bundle
    // for sale, so every rival counts and every leg can be included. An approximation: it ignores
    // that a bid also had to be among the winning builder's top k, or find local space left.
    localBuildSeesAll: rules !== null && rules.share < 1,
    seenBy: (i) => input.candidates[i]!.seen,
    slotPayoff: learnsChoices ? zeroSlotPayoff(world.searchers.length) : null,
  };
  const decisions = input.search.decisions;
  const byDecision = bundlesByDecision(input.search.bundles);
  for (let k = 0; k < decisions.length; k++) {
    const d = decisions[k]!;
    const own = byDecision.get(k);
    if (!(d.valueY > 0) || own === undefined || own.length === 0) continue;
    searcherLearns(world, slot, d, own);
  }
  if (slot.slotPayoff) learnChoices(world, input.search.arms, slot.slotPayoff);
}

/**
 * Searchers learning their choices: the arm played this slot is rewarded with the slot's Σ payoff
 * ÷ Σ value of its opportunities (a split that loses a leg can cost more than it was worth: the
 * reward floor is −1). A slot without opportunities teaches nothing.
 */
function learnChoices(world: WorldState, arms: readonly number[], slotPayoff: SlotPayoff): void {
  for (let i = 0; i < arms.length; i++) {
    const arm = arms[i]!;
    const choices = world.config.searchers[i]!.choices;
    const valueY = slotPayoff.valueY[i]!;
    if (arm < 0 || choices === undefined || !(valueY > 0)) continue;
    updateLearner(choices.learner, world.searchers[i]!.bidding.choiceLearner!, { action: arm, reward: normalisedReward(slotPayoff.payoffY[i]!, valueY, -1) });
  }
}

/** Per searcher (by index), Σ payoff and Σ value (Y) of its opportunities this slot: two number lists, not an object per searcher. */
interface SlotPayoff {
  readonly payoffY: number[];
  readonly valueY: number[];
}

function zeroSlotPayoff(searchers: number): SlotPayoff {
  return { payoffY: new Array<number>(searchers).fill(0), valueY: new Array<number>(searchers).fill(0) };
}
