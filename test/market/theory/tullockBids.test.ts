import { describe, expect, it } from 'vitest';
import { tullockEquilibrium } from '../../../src/market/theory/tullock.js';
import { tullockBids, tullockFallbackReason } from '../../../src/market/theory/tullockBids.js';
import {
  tullockSymmetricEquilibrium,
  tullockTwoPlayerEquilibrium,
} from '../../../src/market/theory/tullockGeneralAlpha.js';

describe('Tullock bids for any α, where a closed form is implemented', () => {
  it('α = 1: the Hillman–Riley/Stein equilibrium for any values, (4, 2) → (8/9, 4/9)', () => {
    expect(tullockBids([4, 2], 1)).toEqual({ bids: tullockEquilibrium([4, 2]).bids, isEquilibrium: true });
    expect(tullockBids([5, 3, 1], 1).bids).toEqual(tullockEquilibrium([5, 3, 1]).bids);
  });

  it('α ≠ 1: two players within α <= 1 + (v_low/v_high)^α (Nti 1999), or equal values (Pérez-Castrillo & Verdier 1992)', () => {
    expect(tullockBids([4, 2], 0.5).bids).toEqual(tullockTwoPlayerEquilibrium(4, 2, 0.5).expectedBids);
    expect(tullockBids([4, 3.9], 1.5).isEquilibrium).toBe(true); // 1 + 0.975^1.5 ≈ 1.96 >= 1.5
    expect(tullockBids([2, 2, 2], 1.4).bids).toEqual(tullockSymmetricEquilibrium(3, 2, 1.4).expectedBids);
  });

  it('otherwise falls back to the α = 1 bids, flagged isEquilibrium: false', () => {
    // (4, 2), α = 1.5: 1 + (1/2)^1.5 ≈ 1.354 < 1.5; (5, 3, 1), α = 0.5: heterogeneous, n = 3;
    // (2, 2, 2), α = 1.6 > n/(n − 1) = 1.5.
    for (const [values, alpha] of [[[4, 2], 1.5], [[5, 3, 1], 0.5], [[2, 2, 2], 1.6]] as const) {
      expect(tullockBids(values, alpha)).toEqual({ bids: tullockEquilibrium(values).bids, isEquilibrium: false });
    }
  });

  it('tullockFallbackReason: null when some profile is covered, a reason when none is', () => {
    expect(tullockFallbackReason(1)).toBeNull();
    expect(tullockFallbackReason(0.5, 2)).toBeNull();
    expect(tullockFallbackReason(1.8, 2)).toBeNull(); // covered for close enough values
    expect(tullockFallbackReason(3, 1)).toBeNull(); // a lone bidder
    expect(tullockFallbackReason(2.5, 2)).toMatch(/neither implemented pure equilibrium exists for any values/);
    expect(tullockFallbackReason(0.5, 3)).toMatch(/only when all values are equal/);
    expect(tullockFallbackReason(0.5)).toMatch(/for more than 2 players only when all values are equal/);
  });
});
