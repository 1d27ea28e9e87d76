import { describe, expect, it } from 'vitest';
import { allocateBlockAuction, payBlockAuction } from '../../../src/market/mechanisms/blockAuction.js';
import { allocatePartialBlock, payPartialBlock } from '../../../src/market/mechanisms/partialBlock.js';
import { allocateSlotAuction, paySlotAuction } from '../../../src/market/mechanisms/slotAuction.js';
import { bidsOf, constant } from './helpers.js';

describe('partial-block auction', () => {
  it('sells the top-of-block share first-price and reports the share', () => {
    const bids = bidsOf([2, 7, 3]);
    const allocation = allocatePartialBlock(bids, { topOfBlockShare: 0.1, localBuild: 'greedy' }, constant(0.5));
    expect(allocation.auctionedShare).toBe(0.1);
    expect(allocation.winnerIndex).toBe(1);
    expect(payPartialBlock(bids, allocation, { topOfBlockShare: 0.1, localBuild: 'greedy' }).toProposer).toBe(7);
  });

  it('rejects topOfBlockShare outside (0, 1]', () => {
    for (const topOfBlockShare of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => allocatePartialBlock(bidsOf([1]), { topOfBlockShare, localBuild: 'greedy' }, constant(0))).toThrow(/topOfBlockShare/);
    }
  });

  it('rejects a localBuild other than greedy or fcfs', () => {
    expect(() => allocatePartialBlock(bidsOf([1]), { topOfBlockShare: 0.5, localBuild: 'lifo' as 'greedy' }, constant(0))).toThrow(/localBuild must be one of greedy, fcfs/);
  });
});

describe('slot auction vs block auction (both first-price; timing differs)', () => {
  it('both allocate to the highest bid, which pays its bid, and sell the whole block', () => {
    const bids = bidsOf([4, 6]);
    const slot = allocateSlotAuction(bids, { leadSlots: 32 }, constant(0.5));
    const block = allocateBlockAuction(bids, { bidDeadlineMs: 0 }, constant(0.5));
    expect(slot.winnerIndex).toBe(1);
    expect(block.winnerIndex).toBe(1);
    expect(slot.auctionedShare).toBe(1);
    expect(paySlotAuction(bids, slot, { leadSlots: 32 }).toProposer).toBe(6);
    expect(payBlockAuction(bids, block, { bidDeadlineMs: 0 }).toProposer).toBe(6);
  });

  it('validate their timing parameters', () => {
    expect(() => allocateSlotAuction(bidsOf([1]), { leadSlots: 0 }, constant(0))).toThrow(/leadSlots/);
    expect(() => allocateBlockAuction(bidsOf([1]), { bidDeadlineMs: -1 }, constant(0))).toThrow(/bidDeadlineMs/);
  });
});
