import { describe, expect, it } from 'vitest';
import { ruleShares } from '../../../src/market/revenueSharing/ruleShares.js';
import { sharesAmong } from '../../../src/market/revenueSharing/sharesAmong.js';
import { synergy, synergyShapley } from './games.js';

// Value-based shares are s_i = φ_i / Σ_j φ_j (valueShares); for exact Shapley Σ φ = v(N).

/** v as sharesAmong sees it: a bitmask over all rollups (bit i = rollup i). */
const synergyV = (mask: number) => synergy[mask]!;

const expectShares = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => expect(actual[i], `share ${i}`).toBeCloseTo(x, 12));
};

describe('sharesAmong', () => {
  it('with every rollup a member it is ruleShares itself', () => {
    const shares = sharesAmong({ name: 'shapley' }, [0, 1, 2], 3, { v: synergyV });
    // Shapley of the synergy game is (37, 25, 10)/6 with v(N) = 12: shares (37, 25, 10)/72.
    expectShares(shares, synergyShapley.map((phi) => phi / 12));
    expectShares(shares, ruleShares({ name: 'shapley' }, { revenue: 1, proposerCut: 0, n: 3, v: synergy }));
  });

  it('shapley on members {0, 2}: the 2-player Shapley value of the restricted game', () => {
    // Two players (Shapley 1953): φ_0 = (v({0}) + v({0,2}) − v({2}))/2 = (4 + 5 − 0)/2 = 4.5,
    // φ_2 = (v({2}) + v({0,2}) − v({0}))/2 = (0 + 5 − 4)/2 = 0.5; Σ = v({0,2}) = 5.
    // Shares 4.5/5 = 0.9 and 0.5/5 = 0.1; rollup 1 is outside and gets 0.
    const seen: number[] = [];
    const shares = sharesAmong({ name: 'shapley' }, [0, 2], 3, {
      v: (mask) => {
        seen.push(mask);
        return synergyV(mask);
      },
    });
    expectShares(shares, [0.9, 0, 0.1]);
    expect(shares[1]).toBe(0);
    // Only coalitions of members are asked for, as masks over all rollups: {0}, {2}, {0,2}.
    expect(new Set(seen)).toEqual(new Set([0b001, 0b100, 0b101]));
  });

  it('shapley on members {1, 2}', () => {
    // φ_1 = (2 + 3 − 0)/2 = 2.5, φ_2 = (0 + 3 − 2)/2 = 0.5; Σ = v({1,2}) = 3 → (5/6, 1/6).
    expectShares(sharesAmong({ name: 'shapley' }, [1, 2], 3, { v: synergyV }), [0, 5 / 6, 1 / 6]);
  });

  it('does not depend on the order the members are listed in', () => {
    expectShares(sharesAmong({ name: 'shapley' }, [2, 0], 3, { v: synergyV }), [0.9, 0, 0.1]);
  });

  it('banzhaf on two members equals the 2-player Shapley value', () => {
    // With two players φ^B_0 = ½·v({0}) + ½·(v({0,2}) − v({2})) = φ_0 (q = ½).
    expectShares(sharesAmong({ name: 'banzhaf', q: 0.5 }, [0, 2], 3, { v: synergyV }), [0.9, 0, 0.1]);
  });

  it('a single member gets everything', () => {
    // v({2}) = 0: no value to attribute, so the equal split 1/1.
    expectShares(sharesAmong({ name: 'shapley' }, [2], 3, { v: synergyV }), [0, 0, 1]);
    expectShares(sharesAmong({ name: 'shapley' }, [0], 3, { v: synergyV }), [1, 0, 0]);
  });

  it('fixed shares are renormalised over the members', () => {
    // [0.5, 0.3, 0.2] restricted to {0, 2}: 0.5/0.7 = 5/7 and 0.2/0.7 = 2/7.
    expectShares(sharesAmong({ name: 'fixed', shares: [0.5, 0.3, 0.2] }, [0, 2], 3, {}), [5 / 7, 0, 2 / 7]);
    // All members: unchanged.
    expectShares(sharesAmong({ name: 'fixed', shares: [0.5, 0.3, 0.2] }, [0, 1, 2], 3, {}), [0.5, 0.3, 0.2]);
  });

  it('fixed shares that are all 0 on the members split evenly', () => {
    expectShares(sharesAmong({ name: 'fixed', shares: [0, 0, 1] }, [0, 1], 3, {}), [0.5, 0.5, 0]);
  });

  it('proportional-to-fees uses only the members’ fees', () => {
    // Fees (10, 30, 60) restricted to {0, 2}: 10/70 and 60/70.
    expectShares(
      sharesAmong({ name: 'proportional-to-fees' }, [0, 2], 3, { feesByRollup: [10, 30, 60] }),
      [1 / 7, 0, 6 / 7],
    );
    // The outsider's fees do not matter.
    expectShares(
      sharesAmong({ name: 'proportional-to-fees' }, [0, 2], 3, { feesByRollup: [10, 1e6, 60] }),
      [1 / 7, 0, 6 / 7],
    );
    // Members without fees split evenly even if an outsider paid some.
    expectShares(
      sharesAmong({ name: 'proportional-to-fees' }, [0, 1], 3, { feesByRollup: [0, 0, 60] }),
      [0.5, 0.5, 0],
    );
  });

  it('no members: all zeros', () => {
    expect(sharesAmong({ name: 'shapley' }, [], 3, { v: synergyV })).toEqual([0, 0, 0]);
    expect(sharesAmong({ name: 'fixed', shares: [0.5, 0.3, 0.2] }, [], 3, {})).toEqual([0, 0, 0]);
  });
});
