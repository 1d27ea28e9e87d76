import { describe, expect, it } from 'vitest';
import {
  allocateTullock,
  payTullock,
  tullockWinProbabilities,
} from '../../../src/market/mechanisms/tullock.js';
import { bidsOf, binomialTolerance, constant, seeded } from './helpers.js';

describe('Tullock contest x_i = b_i^α / Σ b_j^α (DESIGN.md §5)', () => {
  it("α = 1 at the essay's equilibrium bids (8/9, 4/9) allocates (2/3, 1/3)", () => {
    const [x1, x2] = tullockWinProbabilities([8 / 9, 4 / 9], 1);
    expect(x1).toBeCloseTo(2 / 3, 12);
    expect(x2).toBeCloseTo(1 / 3, 12);
  });

  it('general α: (2, 1) with α = 2 gives (4/5, 1/5); (4, 1) with α = 1/2 gives (2/3, 1/3)', () => {
    expect(tullockWinProbabilities([2, 1], 2)[0]).toBeCloseTo(4 / 5, 12);
    expect(tullockWinProbabilities([4, 1], 0.5)[0]).toBeCloseTo(2 / 3, 12);
  });

  it('large α and huge bids neither overflow nor lose the limit (winner-take-all as α → ∞)', () => {
    expect(tullockWinProbabilities([1e200, 1e200], 3)).toEqual([0.5, 0.5]);
    // 1 / (1 + 1.01^-2000) = 1 − 2.3e-9
    expect(tullockWinProbabilities([1.01, 1], 2000)[0]).toBeGreaterThan(1 - 1e-8);
  });

  it('all-zero bids: no winner, no payments (documented convention)', () => {
    const bids = bidsOf([0, 0]);
    const allocation = allocateTullock(bids, { alpha: 1 }, constant(0.4));
    expect(allocation.winnerIndex).toBeNull();
    expect(allocation.winProbabilities).toEqual([0, 0]);
    expect(payTullock(bids, allocation, { alpha: 1 }).perBidder).toEqual([0, 0]);
  });

  it('everyone pays its bid, win or lose', () => {
    const bids = bidsOf([8 / 9, 4 / 9]);
    const allocation = allocateTullock(bids, { alpha: 1 }, constant(0.9));
    expect(allocation.winnerIndex).toBe(1); // u = 0.9 > 2/3 falls in bidder 1's interval
    const payments = payTullock(bids, allocation, { alpha: 1 });
    expect(payments.perBidder).toEqual([8 / 9, 4 / 9]);
    expect(payments.toProposer).toBeCloseTo(4 / 3, 12); // the essay's revenue b1 + b2 = 4/3
  });

  it('empirical win frequencies match b_i^α / Σ b^α within 4 binomial standard errors', () => {
    const amounts = [3, 2, 1, 0];
    const alpha = 1.5;
    const weights = amounts.map((b) => b ** alpha); // 5.196, 2.828, 1, 0
    const total = weights.reduce((s, w) => s + w, 0);
    const bids = bidsOf(amounts);
    const source = seeded('tullock/frequencies');
    const rounds = 40_000;
    const wins = amounts.map(() => 0);
    for (let r = 0; r < rounds; r += 1) {
      const w = allocateTullock(bids, { alpha }, source).winnerIndex!;
      wins[w]! += 1;
    }
    weights.forEach((weight, i) => {
      const p = weight / total;
      expect(Math.abs(wins[i]! / rounds - p)).toBeLessThanOrEqual(binomialTolerance(p, rounds) + 1e-12);
    });
    expect(wins[3]).toBe(0);
  });

  it('rejects alpha <= 0 or non-finite with a RangeError naming alpha', () => {
    for (const alpha of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => allocateTullock(bidsOf([1]), { alpha }, constant(0))).toThrow(RangeError);
      expect(() => allocateTullock(bidsOf([1]), { alpha }, constant(0))).toThrow(/alpha/);
    }
  });
});
