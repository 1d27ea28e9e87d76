import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBidderRecord, MAX_WINDOWS, recordAuction, summariseBidder, windowSpan } from '../../../src/agents/bidding/bidderRecord.js';
import type { StrategySpec } from '../../../src/agents/bidding/types.js';

const fixed = { name: 'fixed-fraction' } as unknown as StrategySpec;

function recordAll(windowSlots: number, auctions: readonly { slot: number; valueY: number; bidY: number }[]) {
  const record = createBidderRecord(fixed);
  for (const a of auctions) recordAuction(record, windowSlots, { ...a, won: false, payoffY: 0, counterfactualY: null });
  return record;
}

describe('a bidder record keeps at most MAX_WINDOWS windows, merging neighbours in pairs', () => {
  it('5,000 one-slot windows become 625 of 8 slots, each with the sums of its 8 slots', () => {
    // 4,999 / 4 = 1,249 windows would still be too many; 4,999 / 8 = 624 is the last window's index.
    const record = recordAll(1, Array.from({ length: 5000 }, (_, slot) => ({ slot, valueY: 1, bidY: slot % 2 })));
    expect(windowSpan(1, record.windows)).toBe(8);
    expect(record.windows.valueY).toEqual(Array(625).fill(8));
    expect(record.windows.bidY).toEqual(Array(625).fill(4));
    const s = summariseBidder(record, 1);
    expect(s.windowSlots).toBe(8);
    expect(s.shadeByWindow).toEqual(Array(625).fill(0.5));
    expect(s.convergedAtSlot).toBe(0);
  });

  it('keeps the configured windows while the run needs no more than MAX_WINDOWS of them', () => {
    const record = recordAll(100, [{ slot: 0, valueY: 2, bidY: 1 }, { slot: 99_999, valueY: 4, bidY: 1 }]);
    expect(record.windows.merges).toBe(0);
    expect(record.windows.valueY.length).toBe(MAX_WINDOWS);
    expect(record.windows.valueY[0]).toBe(2);
    expect(record.windows.valueY[MAX_WINDOWS - 1]).toBe(4);
  });

  it('any increasing auction slots: window j of the final length holds exactly the sums of its slots, and the length is the shortest that fits', () => {
    const auctions = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), valueY: fc.integer({ min: 0, max: 50 }), bidY: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), auctions, (windowSlots, steps) => {
        let slot = 0;
        const list = steps.map((s) => ({ slot: (slot += s.gap), valueY: s.valueY, bidY: s.bidY }));
        const record = recordAll(windowSlots, list);
        const span = windowSpan(windowSlots, record.windows);
        const last = list[list.length - 1]!.slot;
        expect(record.windows.valueY.length).toBe(Math.floor(last / span) + 1);
        expect(record.windows.valueY.length).toBeLessThanOrEqual(MAX_WINDOWS);
        if (record.windows.merges > 0) expect(Math.floor(last / (span / 2))).toBeGreaterThanOrEqual(MAX_WINDOWS);
        // Integer sums are exact whatever the order of addition.
        const want = new Array<number>(record.windows.valueY.length).fill(0);
        const wantBid = [...want];
        for (const a of list) {
          want[Math.floor(a.slot / span)]! += a.valueY;
          wantBid[Math.floor(a.slot / span)]! += a.bidY;
        }
        expect(record.windows.valueY).toEqual(want);
        expect(record.windows.bidY).toEqual(wantBid);
      }),
      { numRuns: 300 },
    );
  });
});
