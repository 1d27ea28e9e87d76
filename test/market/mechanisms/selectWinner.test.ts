import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topAmountWinner, topBidIndices, winnerPays, winnerTakeAll, winnerTakeAllAllocation } from '../../../src/market/mechanisms/selectWinner.js';
import type { Bid } from '../../../src/market/mechanisms/types.js';

/** `topBidIndices` as it was before the one-pass count (frozen here, so the oracle cannot change with the code). */
function oldTopBidIndices(bids: readonly Bid[]): number[] {
  let best = -Infinity;
  const top: number[] = [];
  for (let i = 0; i < bids.length; i++) {
    const bid = bids[i]!;
    if (bid.amount > best) {
      best = bid.amount;
      top.length = 0;
      top.push(i);
    } else if (bid.amount === best) {
      top.push(i);
    }
  }
  return top;
}

/** The rule as it was written before the one-pass count: the top indices, then the ⌊u·k⌋-th. */
function byTopIndices(bids: readonly Bid[], u: number): { winProbabilities: number[]; winnerIndex: number | null } {
  const winProbabilities = new Array<number>(bids.length).fill(0);
  const top = oldTopBidIndices(bids);
  if (top.length === 0) return { winProbabilities, winnerIndex: null };
  for (const i of top) winProbabilities[i] = 1 / top.length;
  return { winProbabilities, winnerIndex: top[Math.min(Math.floor(u * top.length), top.length - 1)]! };
}

// Few distinct amounts, so ties are common; −∞ and NaN as the loops meet them (no check here).
const amount = fc.oneof(fc.constantFrom(0, -0, 1, 2, 2.5, Number.NEGATIVE_INFINITY, Number.NaN), fc.double({ min: 0, max: 3, noNaN: true }));
const bids = fc.array(amount, { maxLength: 7 }).map((as) => as.map((a, i): Bid => ({ bidderId: `b${i}`, amount: a })));
const uniform = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('winnerTakeAllAllocation without an eligibility test', () => {
  it('equals the top-indices rule bit for bit (probabilities, winner) and takes one draw', () => {
    fc.assert(
      fc.property(bids, uniform, (bs, u) => {
        let draws = 0;
        const got = winnerTakeAllAllocation(bs, () => (draws++, u), 0, 1);
        const want = byTopIndices(bs, u);
        expect(draws).toBe(1);
        expect(got.winnerIndex).toBe(want.winnerIndex);
        expect(got.winProbabilities.length).toBe(want.winProbabilities.length);
        got.winProbabilities.forEach((p, i) => expect(Object.is(p, want.winProbabilities[i])).toBe(true));
        const plain = winnerTakeAll(bs, () => u);
        expect(plain.winnerIndex).toBe(want.winnerIndex);
        expect(plain.winProbabilities).toEqual(want.winProbabilities);
      }),
      { numRuns: 3000 },
    );
  });

  it('equals the rule with an eligibility test that admits every bid', () => {
    fc.assert(
      fc.property(bids, uniform, (bs, u) => {
        expect(winnerTakeAllAllocation(bs, () => u, 0, 1)).toEqual(winnerTakeAllAllocation(bs, () => u, 0, 1, () => true));
      }),
    );
  });

  it('three tied bids: the ⌊3u⌋-th in index order wins, each with probability 1/3', () => {
    const tied = [5, 7, 7, 1, 7].map((a, i): Bid => ({ bidderId: `b${i}`, amount: a }));
    expect(winnerTakeAllAllocation(tied, () => 0.1, 0, 1)).toEqual({ winProbabilities: [0, 1 / 3, 1 / 3, 0, 1 / 3], winnerIndex: 1, floor: 0, auctionedShare: 1 });
    expect(winnerTakeAllAllocation(tied, () => 0.5, 0, 1).winnerIndex).toBe(2);
    expect(winnerTakeAllAllocation(tied, () => 0.99, 0, 1).winnerIndex).toBe(4);
  });

  it('no bids: no winner', () => {
    expect(winnerTakeAllAllocation([], () => 0.5, 0, 1)).toEqual({ winProbabilities: [], winnerIndex: null, floor: 0, auctionedShare: 1 });
  });
});

describe('topBidIndices', () => {
  it('collects the indices equal to the final best, in ascending order', () => {
    fc.assert(
      fc.property(bids, (bs) => {
        let best = Number.NEGATIVE_INFINITY;
        for (const b of bs) if (b.amount > best) best = b.amount;
        expect(topBidIndices(bs)).toEqual(bs.flatMap((b, i) => (b.amount === best ? [i] : [])));
      }),
    );
  });
});

describe('winnerPays', () => {
  it('only the winner pays, everything to the proposer by default', () => {
    expect(winnerPays(3, 1, 2)).toEqual({ perBidder: [0, 2, 0], toProposer: 2, burned: 0, toCommittee: 0, rebateToUser: 0 });
    expect(winnerPays(2, null, 0)).toEqual({ perBidder: [0, 0], toProposer: 0, burned: 0, toCommittee: 0, rebateToUser: 0 });
  });
});

describe('topAmountWinner (the block sale on amounts, phases/auction.ts)', () => {
  it('picks the winner winnerTakeAllAllocation picks from the same draw, ties (0 and −0 too) or not', () => {
    const amount = fc.oneof(fc.constantFrom(0, -0, 1, 2, 5), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 6 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (amounts, u) => {
        const bids: Bid[] = amounts.map((a, i) => ({ bidderId: `b${i}`, amount: a }));
        expect(topAmountWinner(amounts, u)).toBe(winnerTakeAllAllocation(bids, () => u, 0, 1).winnerIndex);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the ⌊u·k⌋-th of k tied best amounts, and none without amounts', () => {
    expect(topAmountWinner([3, 1, 3, 3], 0)).toBe(0);
    expect(topAmountWinner([3, 1, 3, 3], 0.5)).toBe(2);
    expect(topAmountWinner([3, 1, 3, 3], 0.99)).toBe(3);
    expect(topAmountWinner([], 0.5)).toBe(null);
  });
});
