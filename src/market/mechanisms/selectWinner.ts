import type { Allocation, Bid, Payments, Source } from './types.js';

/** Indices (ascending) of the bids with the highest amount among those `eligible`; [] if none. */
export function topBidIndices(
  bids: readonly Bid[],
  eligible?: (bid: Bid) => boolean,
): number[] {
  // A plain loop; a new best starts a new one-element array (emptying the old one with
  // `length = 0` is a runtime call in V8, ~100 ns for three bids).
  let best = -Infinity;
  let top: number[] = [];
  for (let i = 0; i < bids.length; i++) {
    const bid = bids[i]!;
    if (eligible !== undefined && !eligible(bid)) continue;
    if (bid.amount > best) {
      best = bid.amount;
      top = [i];
    } else if (bid.amount === best) {
      top.push(i);
    }
  }
  return top;
}

/**
 * Index drawn with probability proportional to `weights` (all ≥ 0) from one uniform `u` ∈ [0, 1),
 * by inverting the cumulative sum in index order; null when every weight is 0.
 */
export function drawByWeight(weights: readonly number[], u: number): number | null {
  let total = 0;
  for (let i = 0; i < weights.length; i += 1) total += weights[i]!;
  if (!(total > 0)) return null;
  const target = u * total;
  let cumulative = 0;
  let lastPositive: number | null = null;
  for (let i = 0; i < weights.length; i += 1) {
    const w = weights[i]!;
    if (w <= 0) continue;
    cumulative += w;
    lastPositive = i;
    if (target < cumulative) return i;
  }
  // Only reachable through floating-point rounding of the cumulative sum near u → 1.
  return lastPositive;
}

/**
 * Winner-take-all allocation: the highest eligible bid wins; ties among the top bids are broken
 * uniformly at random — the k tied indices in ascending order, the ⌊u·k⌋-th wins. Consumes exactly
 * one draw from `source`, tie or not, so that a stream's later draws do not depend on whether a tie
 * occurred. No eligible bid → not sold (`winnerIndex` null, all probabilities 0).
 */
export function winnerTakeAll(
  bids: readonly Bid[],
  source: Source,
  eligible?: (bid: Bid) => boolean,
): Pick<Allocation, 'winProbabilities' | 'winnerIndex'> {
  const u = source();
  const winProbabilities = zeros(bids.length);
  return { winProbabilities, winnerIndex: drawTopBid(bids, u, winProbabilities, eligible) };
}

/** `winnerTakeAll`'s rule given its draw `u`: sets the top bids' win probabilities, returns the winner (null: none eligible). */
function drawTopBid(bids: readonly Bid[], u: number, winProbabilities: number[], eligible?: (bid: Bid) => boolean): number | null {
  if (eligible === undefined) return drawTopOfAll(bids, u, winProbabilities);
  const top = topBidIndices(bids, eligible);
  if (top.length === 0) return null;
  for (const i of top) winProbabilities[i] = 1 / top.length;
  return top[Math.min(Math.floor(u * top.length), top.length - 1)]!;
}

/**
 * `drawTopBid` with every bid eligible, without the list of top indices: `topAmountWinner` picks on
 * the amounts (copied into a reused scratch array, no allocation per auction), then the k bids equal
 * to the winner's amount get probability 1/k. The top bids are those equal to the final best, as
 * `topBidIndices` collects them.
 */
function drawTopOfAll(bids: readonly Bid[], u: number, winProbabilities: number[]): number | null {
  const amounts = amountScratch;
  amounts.length = 0;
  for (let i = 0; i < bids.length; i++) amounts.push(bids[i]!.amount);
  const winner = topAmountWinner(amounts, u);
  if (winner === null) return null;
  const best = amounts[winner]!;
  let k = 0;
  for (let i = 0; i < amounts.length; i++) if (amounts[i] === best) k++;
  for (let i = 0; i < amounts.length; i++) if (amounts[i] === best) winProbabilities[i] = 1 / k;
  return winner;
}

/** `drawTopOfAll`'s amounts, refilled on every call (the auction is synchronous, so never shared). */
const amountScratch: number[] = [];

/**
 * The winner on plain amounts (no bid objects, no win probabilities): the ⌊u·k⌋-th, in
 * ascending order, of the k amounts equal to the best; null without amounts. For a first-price sale
 * whose bids the caller knows `validateBids` accepts (phases/auction.ts, every slot).
 */
export function topAmountWinner(amounts: readonly number[], u: number): number | null {
  let best = -Infinity;
  let k = 0;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i]!;
    if (amount > best) {
      best = amount;
      k = 1;
    } else if (amount === best) k++;
  }
  if (k === 0) return null;
  const pick = Math.min(Math.floor(u * k), k - 1);
  for (let i = 0, seen = 0; i < amounts.length; i++) if (amounts[i] === best && seen++ === pick) return i;
  return null; // not reached: k amounts equal the best
}

/** n zeros, built by push: `new Array(n).fill(0)` is a holey array and a builtin call, twice the time for a few bids. */
function zeros(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(0);
  return out;
}

/**
 * `winnerTakeAll` as a whole allocation with the given floor and auctioned share. Builds the object
 * property by property: an object spread followed by more properties (`{ ...x, floor }`) takes a
 * slow path in this V8 (about 5 µs a call, measured; bench/README.md), and every auction, every
 * counterfactual coalition and every learner's counterfactual bid allocates through here.
 */
export function winnerTakeAllAllocation(
  bids: readonly Bid[],
  source: Source,
  floor: number,
  auctionedShare: number,
  eligible?: (bid: Bid) => boolean,
): Allocation {
  // `winnerTakeAll` without its intermediate object (one draw, then the same rule).
  const u = source();
  const winProbabilities = zeros(bids.length);
  const winnerIndex = drawTopBid(bids, u, winProbabilities, eligible);
  return { winProbabilities, winnerIndex, floor, auctionedShare };
}

/** Highest amount among bids other than `index` (0 if there are none); the second-price rule. */
export function highestOtherBid(bids: readonly Bid[], index: number): number {
  let best = 0;
  bids.forEach((bid, i) => {
    if (i !== index && bid.amount > best) best = bid.amount;
  });
  return best;
}

/** `winnerPays`' default split: everything to the proposer (shared, never mutated: no object per call). */
const NO_SPLIT: Partial<Omit<Payments, 'perBidder'>> = Object.freeze({});

/** Payments where only `winnerIndex` pays `price`, split between destinations as given. */
export function winnerPays(
  bidCount: number,
  winnerIndex: number | null,
  price: number,
  split: Partial<Omit<Payments, 'perBidder'>> = NO_SPLIT,
): Payments {
  const perBidder = zeros(bidCount);
  if (winnerIndex !== null) perBidder[winnerIndex] = price;
  return {
    perBidder,
    toProposer: split.toProposer ?? (winnerIndex === null ? 0 : price),
    burned: split.burned ?? 0,
    toCommittee: split.toCommittee ?? 0,
    rebateToUser: split.rebateToUser ?? 0,
  };
}
