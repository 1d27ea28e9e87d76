import { describe, expect, it } from 'vitest';
import { fairness } from '../../../src/market/metrics/fairness.js';
import {
  firstPriceEquilibrium,
  secondPriceEquilibrium,
} from '../../../src/market/theory/firstPrice.js';
import { bestDeviationGain, grid } from './deviation.js';

describe('first-price with complete information (essay, Aside #1)', () => {
  it("values (4, 2): player 1 bids 2 + ε and wins; revenue 2 + ε; fairness 0", () => {
    const eps = 1e-3;
    const eq = firstPriceEquilibrium([4, 2], eps);
    expect(eq.bids).toEqual([2 + eps, 2]);
    expect(eq.winProbabilities).toEqual([1, 0]);
    expect(eq.revenue).toBeCloseTo(2 + eps, 12);
    expect(eq.payoffs[0]).toBeCloseTo(2 - eps, 12);
    expect(eq.payoffs[1]).toBe(0);
    expect(fairness(1, 0)).toBe(0);
    expect(firstPriceEquilibrium([4, 2]).revenue).toBe(2);
  });

  it('n players: the highest value wins at the second-highest value', () => {
    const eq = firstPriceEquilibrium([3, 9, 5, 1]);
    expect(eq.winProbabilities).toEqual([0, 1, 0, 0]);
    expect(eq.revenue).toBe(5);
  });

  it('ε = 0 with ties to the higher value is an exact equilibrium; ε > 0 an ε-equilibrium', () => {
    const values = [4, 2];
    for (const eps of [0, 1e-3]) {
      const eq = firstPriceEquilibrium(values, eps);
      // u_i(b) with the opponent at its equilibrium bid; a tie is won by the higher value.
      const payoff = (i: number, b: number) => {
        const other = eq.bids[1 - i]!;
        const wins = b > other || (b === other && values[i]! > values[1 - i]!);
        return wins ? values[i]! - b : 0;
      };
      for (const i of [0, 1]) {
        const deviations = grid(values[i]!, 4000, [2, 2 + eps / 2]);
        const gain = bestDeviationGain((b) => payoff(i, b), eq.bids[i]!, deviations);
        // Player 1 can at most save the increment by bidding exactly 2 and winning the tie.
        expect(gain).toBeLessThanOrEqual(eps + 1e-12);
      }
    }
  });

  it('tied top values split the win and earn 0; an increment above the gap is rejected', () => {
    const eq = firstPriceEquilibrium([3, 3, 1]);
    expect(eq.winProbabilities).toEqual([0.5, 0.5, 0]);
    expect(eq.payoffs).toEqual([0, 0, 0]);
    expect(() => firstPriceEquilibrium([4, 2], 3)).toThrow(/increment/);
  });
});

describe('second-price (Vickrey 1961)', () => {
  it('truthful bids; the highest value pays the second: (4, 2) → revenue 2', () => {
    const eq = secondPriceEquilibrium([4, 2]);
    expect(eq.bids).toEqual([4, 2]);
    expect(eq.revenue).toBe(2);
    expect(eq.payoffs).toEqual([2, 0]);
  });
});
