import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';

describe('fixedFractionBid', () => {
  it('bids fraction × value', () => {
    expect(fixedFractionBid(0.3).bid({ valueY: 10, rollup: 0 }).bidY).toBeCloseTo(3, 15);
    expect(fixedFractionBid(1).bid({ valueY: 7.5, rollup: 2 }).bidY).toBe(7.5);
    expect(fixedFractionBid(0).bid({ valueY: 7.5, rollup: 2 }).bidY).toBe(0);
  });

  it('never bids below zero (a negative value or fraction bids 0)', () => {
    expect(fixedFractionBid(0.5).bid({ valueY: -4, rollup: 0 }).bidY).toBe(0);
    expect(fixedFractionBid(-0.5).bid({ valueY: 4, rollup: 0 }).bidY).toBe(0);
  });

  it('never bids above the value (a fraction above 1 bids the value)', () => {
    expect(fixedFractionBid(1.5).bid({ valueY: 4, rollup: 0 }).bidY).toBe(4);
  });

  it('does not depend on the rollup it is paid on', () => {
    const s = fixedFractionBid(0.25);
    expect(s.bid({ valueY: 8, rollup: 0 })).toEqual(s.bid({ valueY: 8, rollup: 5 }));
  });
});
