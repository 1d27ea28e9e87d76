import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runOneSlot } from './oneSlotRun.js';

const P = 2000; // reference price, Y per X

/**
 * One slot of two pools (A pays gas in X, B in Y) priced apart (A 5 % above the reference, B 5 %
 * below), one atomic cross-rollup searcher taking the cycle (buy X on B, sell it on A, so it ends
 * short X on A and short Y on B: every unit of a bid it pays is bought in the pool), no users, no
 * data fees, a reference price that barely moves. As test/marketModel/feedback.test.ts, for bids
 * paid on both legs (`payOn: "both"`).
 */
function oneSlot(searcher: Record<string, unknown>, builders = false) {
  const pool = (price: number) => ({ reserveX: 1000, reserveY: 1000 * price, fee: 0 });
  const config = resolveMarketConfig({
    seed: 1,
    slots: 1,
    reference: { initialPriceYPerX: P, sigmaPerYear: 1e-9 },
    rollups: [
      { id: 'A', gasToken: 'X', pool: pool(P * 1.05), users: { arrivalsPerSlot: 0 }, feeModel: { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 } },
      { id: 'B', gasToken: 'Y', pool: pool(P * 0.95), users: { arrivalsPerSlot: 0 }, feeModel: { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 } },
    ],
    searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'atomic', ...searcher }],
    ...(builders ? { builders: [{ id: 'b1' }, { id: 'b2' }] } : {}),
    proposer: { disposal: { policy: 'hold' } },
  });
  return runOneSlot(config);
}

/*
 * Constant-product closed forms (Uniswap v2 whitepaper, Adams, Zinsmeister & Robinson 2020, §3.2:
 * x·y = k; here with zero fee). Taking q of X out of (x, y) costs Δy = y·q/(x − q) and leaves
 * (x − q, x·y/(x − q)), so the price y/x is multiplied by (x/(x − q))². Taking w of Y out of (x, y)
 * costs Δx = x·w/(y − w) and leaves (x·y/(y − w), y − w): the price is multiplied by ((y − w)/y)².
 */
const costYforX = (x: number, y: number, q: number) => (y * q) / (x - q);
const costXforY = (x: number, y: number, w: number) => (x * w) / (y - w);

describe('feedback: an atomic bid paid on both legs (payOn "both") moves both pools in the same slot', () => {
  const noBid = oneSlot({ payOn: 'both', bidFraction: 0 }); // the pools after the cycle alone
  const single = oneSlot({ payOn: 'A', bidFraction: 0.95 });

  for (const ratio of [0.5, 0.3]) {
    it(`ratio ρ = ${ratio}: A's pool moves by (x/(x − q))² for q = ρ·b/p of X, B's by ((y − w)/y)² for w = (1 − ρ)·b of Y`, () => {
      const both = oneSlot({ payOn: 'both', payOnRatio: ratio, bidFraction: 0.95 });
      const bidY = single.stats[0]!.winningBidY; // the same bid, paid on A alone
      expect(bidY).toBeGreaterThan(0);
      const [a, b] = [both.stats[0]!, both.stats[1]!];
      // Each leg pays its share of the bid's value, in its own gas token.
      expect(a.winningBidY).toBeCloseTo(ratio * bidY, 9);
      expect(b.winningBidY).toBeCloseTo((1 - ratio) * bidY, 9);
      expect(a.winningBidGas).toBeCloseTo((ratio * bidY) / both.ref, 12);
      // Short of both tokens after the cycle, the searcher buys all of each share in its pool.
      const q = a.bidPurchaseGas;
      const w = b.bidPurchaseGas;
      expect(q).toBeCloseTo((ratio * bidY) / both.ref, 12);
      expect(w).toBeCloseTo((1 - ratio) * bidY, 9);
      const [pa, pb] = [noBid.pools[0]!, noBid.pools[1]!];
      expect(both.prices[0]! / noBid.prices[0]!).toBeCloseTo((pa.reserveX / (pa.reserveX - q)) ** 2, 10);
      expect(both.prices[1]! / noBid.prices[1]!).toBeCloseTo(((pb.reserveY - w) / pb.reserveY) ** 2, 10);
      // And the searcher paid for them exactly the constant-product costs (valued at the reference).
      const cost = costYforX(pa.reserveX, pa.reserveY, q) + both.ref * costXforY(pb.reserveX, pb.reserveY, w);
      expect(noBid.pnlY - both.pnlY).toBeCloseTo(cost, 6);
      // The unpaid part is zero and no other flow paid the bid.
      expect(a.unpaidBidGas + b.unpaidBidGas).toBe(0);
    });
  }

  it('paid on A alone, B’s pool does not move (the contrast: one leg’s feedback only)', () => {
    expect(single.prices[1]).toBe(noBid.prices[1]);
    expect(single.stats[1]!.bidPurchaseGas).toBe(0);
  });

  it('through builders, the winner receives each share on its rollup and the proposer is credited per rollup', () => {
    const both = oneSlot({ payOn: 'both', payOnRatio: 0.3, bidFraction: 0.95 }, true);
    const [a, b] = [both.stats[0]!, both.stats[1]!];
    const bidY = a.winningBidY + b.winningBidY;
    expect(a.winningBidY / bidY).toBeCloseTo(0.3, 9);
    const received = both.world.builders.reduce((acc, k) => acc + k.receivedY, 0);
    expect(received).toBeCloseTo(bidY, 6);
    expect(a.bidPurchaseGas).toBeGreaterThan(0);
    expect(b.bidPurchaseGas).toBeGreaterThan(0);
  });
});
