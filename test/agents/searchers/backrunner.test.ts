import { describe, expect, it } from 'vitest';
import { proposeBackruns, type BackrunView } from '../../../src/agents/searchers/backrunner.js';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { createPool } from '../../../src/market/amm/index.js';
import type { UserSwap } from '../../../src/market/orders/types.js';
import { recordingBid } from './strategies.js';

const swap = (over: Partial<UserSwap>): UserSwap => ({ id: 1, rollup: 0, arrivalMs: 1000, tokenIn: 'Y', amountIn: 50, minAmountOut: 0, isPrivate: false, ...over });
const view = (over: Partial<BackrunView>): BackrunView => ({
  searcher: 3,
  rollup: 0,
  pool: createPool(100, 100, 0),
  gasToken: 'X',
  refPriceYPerX: 1,
  publicPending: [],
  minProfitY: 0,
  latencyMs: 40,
  ...over,
});

/*
 * Pool (100, 100), no fee, reference price 1. A user paying 50 Y leaves (200/3, 150), spot 9/4;
 * the arbitrage back to price 1 (k = 10⁴ ⇒ (100, 100)) sells 100/3 X for 50 Y:
 * profit 50 − 100/3 = 50/3 = (√150 − √(200/3))². A user paying 50 X is the mirror image, same value.
 */
describe('proposeBackruns', () => {
  it('bids for the position right behind a public swap, valued at the arbitrage the swap leaves', () => {
    const strategy = recordingBid(0.6);
    const bundles = proposeBackruns(view({ publicPending: [swap({ id: 7, arrivalMs: 1000 })] }), strategy);
    expect(bundles).toHaveLength(1);
    const b = bundles[0]!;
    expect(b).toMatchObject({ searcher: 3, kind: 'backrun', target: { kind: 'backrun', rollup: 0, userId: 7 }, legs: [], bidRollup: 0, hedge: true, arrivalMs: 1040 });
    expect(b.valueY).toBeCloseTo(50 / 3, 9);
    expect(b.bidY).toBeCloseTo(10, 9); // 0.6 × 50/3
    expect(b.bidGas).toBeCloseTo(10, 9); // X at 1 Y per X
    expect(strategy.seen).toEqual([{ valueY: b.valueY, rollup: 0 }]);
  });

  it('values each swap on the current pool, one bundle per profitable swap, in mempool order', () => {
    const pending = [swap({ id: 1, tokenIn: 'Y', amountIn: 50 }), swap({ id: 2, tokenIn: 'X', amountIn: 50, arrivalMs: 1500 })];
    const bundles = proposeBackruns(view({ publicPending: pending, refPriceYPerX: 1, gasToken: 'Y' }), fixedFractionBid(0.5));
    expect(bundles.map((b) => b.target)).toEqual([
      { kind: 'backrun', rollup: 0, userId: 1 },
      { kind: 'backrun', rollup: 0, userId: 2 },
    ]);
    for (const b of bundles) expect(b.valueY).toBeCloseTo(50 / 3, 9);
    expect(bundles.map((b) => b.arrivalMs)).toEqual([1040, 1540]);
  });

  it('targets only the swaps it is shown: an empty public mempool gives no backrun', () => {
    expect(proposeBackruns(view({ publicPending: [] }), fixedFractionBid(0.5))).toEqual([]);
  });

  it('skips a swap that leaves the pool inside the no-arbitrage band, or leaves at most the threshold', () => {
    // fee 1%: band [0.99, 1/0.99]; 0.1 Y moves spot (100, 100) to ≈ 1.002
    const small = proposeBackruns(view({ pool: createPool(100, 100, 0.01), publicPending: [swap({ amountIn: 0.1 })] }), fixedFractionBid(0.5));
    expect(small).toEqual([]);
    expect(proposeBackruns(view({ minProfitY: 17, publicPending: [swap({})] }), fixedFractionBid(0.5))).toEqual([]); // 16.67
    expect(proposeBackruns(view({ minProfitY: 16, publicPending: [swap({})] }), fixedFractionBid(0.5))).toHaveLength(1);
  });

  it('never bids more than the value', () => {
    const [b] = proposeBackruns(view({ publicPending: [swap({})] }), fixedFractionBid(2));
    expect(b!.bidY).toBe(b!.valueY);
  });
});
