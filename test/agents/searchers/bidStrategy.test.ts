import { describe, expect, it } from 'vitest';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';

describe('fixedFractionBid', () => {
  it('bids fraction × value', () => {
    expect(fixedFractionBid(0.3).bidY({ valueY: 10, rollup: 0 })).toBeCloseTo(3, 15);
    expect(fixedFractionBid(1).bidY({ valueY: 7.5, rollup: 2 })).toBe(7.5);
    expect(fixedFractionBid(0).bidY({ valueY: 7.5, rollup: 2 })).toBe(0);
  });

  it('never bids below zero (a negative value or fraction bids 0)', () => {
    expect(fixedFractionBid(0.5).bidY({ valueY: -4, rollup: 0 })).toBe(0);
    expect(fixedFractionBid(-0.5).bidY({ valueY: 4, rollup: 0 })).toBe(0);
  });

  it('does not depend on the rollup it is paid on', () => {
    const s = fixedFractionBid(0.25);
    expect(s.bidY({ valueY: 8, rollup: 0 })).toBe(s.bidY({ valueY: 8, rollup: 5 }));
  });
});
