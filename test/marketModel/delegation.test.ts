import { describe, expect, it } from 'vitest';
import { bestResponseStake, delegationMoves, delegationTarget } from '../../src/marketModel/phases/delegation.js';
import { stakingSchema } from '../../src/config/stakingSchema.js';

const staking = (fields: Record<string, unknown> = {}) => stakingSchema.parse({ pools: [{ id: 'p', operators: ['v'] }], ...fields });
/** A source replaying `values` in order. */
const replay = (values: number[]) => () => values.shift()!;

describe('a pool\'s best response in the Tullock staking game (BGR 2024 §3)', () => {
  it('is √(v·S₋ᵢ/c) − S₋ᵢ: v = 100, S₋ᵢ = 25, c = 1 gives √2500 − 25 = 25, where the marginal return v·S₋ᵢ/(s + S₋ᵢ)² = 100·25/50² = 1 = c', () => {
    expect(bestResponseStake(100, 25, 0, 1)).toBeCloseTo(25, 12);
    expect(bestResponseStake(100, 25, 5, 1)).toBeCloseTo(20, 12); // the operators' own 5 count toward it
  });
  it('is 0 when even the first unit does not pay (v/S₋ᵢ ≤ c), without value, or without rivals', () => {
    expect(bestResponseStake(10, 25, 0, 1)).toBe(0);
    expect(bestResponseStake(0, 25, 0, 1)).toBe(0);
    expect(bestResponseStake(100, 0, 0, 1)).toBe(0);
  });
  it('switching cost: a band [BR at c + κ/W, BR at c − κ/W] where stake stays put', () => {
    const cfg = staking({ outsideReturnY: 1, switchingCostY: 2, windowEpochs: 4 }); // band ±0.5
    const low = bestResponseStake(100, 25, 0, 1.5);
    const high = bestResponseStake(100, 25, 0, 0.5);
    expect(delegationTarget(0, 100, 25, 0, cfg)).toBeCloseTo(low, 12);
    expect(delegationTarget(1000, 100, 25, 0, cfg)).toBeCloseTo(high, 12);
    expect(delegationTarget(25, 100, 25, 0, cfg)).toBe(25);
  });
});

describe('delegators\' moves in whole delegators', () => {
  it('close speed × the gap, rounded up with probability the fraction (one draw per pool, moving or not)', () => {
    const draws = [0.2, 0.9, 0.5];
    const source = replay(draws);
    // gaps in stake units 10 delegators of stake 2 each: +25 → 0.5·12.5 = 6.25 → 7 (u = 0.2 < 0.25); −9 → −(0.5·4.5 = 2.25 → 2); 0 → 0.
    expect(delegationMoves([10, 10, 10], 100, [25, -9, 0], 2, 0.5, source)).toEqual([7, -2, 0]);
    expect(draws).toEqual([]);
  });
  it('never take more than a pool holds, and share too few idle delegators pro rata, leftovers by largest remainder', () => {
    const zero = () => 0;
    expect(delegationMoves([3, 0], 0, [-100, 0], 1, 1, zero)).toEqual([-3, 0]);
    // 3 idle + 0 freed, asked 4 and 2: exact 2 and 1 → [2, 1].
    expect(delegationMoves([0, 0], 3, [4, 2], 1, 1, zero)).toEqual([2, 1]);
    // 5 idle, asked 3 and 3: exact 2.5 each → floors 2 + 2, the leftover to the earlier pool.
    expect(delegationMoves([0, 0], 5, [3, 3], 1, 1, zero)).toEqual([3, 2]);
    // stake freed by one pool is available to another in the same epoch: 0 idle, 4 leave p0, p1 asks 6 → gets 4.
    expect(delegationMoves([4, 0], 0, [-4, 6], 1, 1, zero)).toEqual([-4, 4]);
  });
  it('move nothing when delegators hold no stake', () => {
    expect(delegationMoves([5, 5], 0, [10, -10], 0, 1, () => 0)).toEqual([0, 0]);
  });
});
