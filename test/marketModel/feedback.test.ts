import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runOneSlot } from './oneSlotRun.js';

const P = 2000; // reference price, Y per X

/**
 * One slot of a world with two pools (A pays gas in X, B in Y) priced apart, one cross-rollup
 * searcher taking the cycle (buy X on B, sell it on A), no users, a reference price that barely
 * moves (σ tiny). Returns the searcher's PnL at the reference price and the pools after the slot.
 */
function oneSlot(opts: {
  searcher: Record<string, unknown>;
  prices: [number, number];
  reserveX?: number;
  /** If given, both pools get this liquidity L = √(xy) instead of equal X reserves. */
  liquidity?: number;
  fee?: number;
  disposal?: Record<string, unknown>;
}) {
  const x = opts.reserveX ?? 1000;
  const L = opts.liquidity;
  const pool = (price: number) =>
    L === undefined
      ? { reserveX: x, reserveY: x * price, fee: opts.fee ?? 0 }
      : { reserveX: L / Math.sqrt(price), reserveY: L * Math.sqrt(price), fee: opts.fee ?? 0 };
  const config = resolveMarketConfig({
    seed: 1,
    slots: 1,
    reference: { initialPriceYPerX: P, sigmaPerYear: 1e-9 },
    rollups: [
      { id: 'A', gasToken: 'X', pool: pool(opts.prices[0]), users: { arrivalsPerSlot: 0 }, feeModel: { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 } },
      { id: 'B', gasToken: 'Y', pool: pool(opts.prices[1]), users: { arrivalsPerSlot: 0 }, feeModel: { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 } },
    ],
    searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], ...opts.searcher }],
    proposer: { disposal: opts.disposal ?? { policy: 'hold' } },
  });
  return runOneSlot(config);
}

/** Y it costs to take q of X out of a zero-fee constant-product pool (x, y): y·q/(x − q). */
const costYforX = (x: number, y: number, q: number) => (y * q) / (x - q);
/** X it costs to take w of Y out of a zero-fee constant-product pool (x, y): x·w/(y − w). */
const costXforY = (x: number, y: number, w: number) => (x * w) / (y - w);

describe('feedback: bids are paid in gas tokens and move prices', () => {
  const prices: [number, number] = [P * 1.05, P * 0.95];

  it('a large bid paid on leg A moves A’s pool price (the payer buys X there) and leaves B’s alone', () => {
    const noBid = oneSlot({ searcher: { bundling: 'atomic', payOn: 'A', bidFraction: 0 }, prices });
    const bid = oneSlot({ searcher: { bundling: 'atomic', payOn: 'A', bidFraction: 0.95 }, prices });
    const q = bid.stats[0]!.bidPurchaseGas;
    expect(q).toBeGreaterThan(0);
    expect(bid.prices[1]).toBe(noBid.prices[1]);
    // Taking q of X out of (x, y) at constant product moves the price by (x/(x − q))².
    const { reserveX: x } = noBid.pools[0]!;
    expect(bid.prices[0]! / noBid.prices[0]!).toBeCloseTo((x / (x - q)) ** 2, 10);
  });

  it('with disposal on, the proposer selling the received X pushes A’s price down; B is untouched', () => {
    const hold = oneSlot({ searcher: { bundling: 'atomic', payOn: 'A', bidFraction: 0.95 }, prices });
    const sell = oneSlot({ searcher: { bundling: 'atomic', payOn: 'A', bidFraction: 0.95 }, prices, disposal: { policy: 'sell', sellFractionPerSlot: 1 } });
    const sold = sell.stats[0]!.disposalSoldGas;
    expect(sold).toBeCloseTo(sell.stats[0]!.winningBidGas, 12);
    expect(sell.prices[1]).toBe(hold.prices[1]);
    // Putting `sold` of X into (x, y) at constant product moves the price by (x/(x + sold))².
    const { reserveX: x } = hold.pools[0]!;
    expect(sell.prices[0]! / hold.prices[0]!).toBeCloseTo((x / (x + sold)) ** 2, 10);
  });

  /*
   * Split vs atomic bidding for the same opportunity — analysis.
   *
   * After the zero-fee cycle both pools sit at one price pStar, and the searcher is short X on A and
   * short Y on B. Whatever it bids, it must first buy in the paying rollup's gas token on that
   * rollup's pool. Buying value b of a token out of a constant-product pool holding R (in value)
   * of it costs b·(p_pool/p_ref)^{±1}·R/(R − b): a price-level term (buying X on a chain where X
   * trades above the reference costs more, buying Y there costs less) and a convex price-impact
   * term ≈ b²/R.
   *  (1) Pools symmetric around the reference (pStar = p_ref): the price-level terms vanish and only
   *      the convex impact is left, so paying b/2 on each leg beats paying b on one:
   *      PnL_split − PnL_atomic ≈ b²/R − 2(b/2)²/R = b²/(2R) > 0.
   *  (2) Both pools above the reference (pStar > p_ref) and the atomic bid paid in Y on B: buying Y
   *      with X on a chain where X is dear is cheap, while the split pays half its bid in X on A
   *      where X is dear; the price-level term dominates (b·(pStar/p − 1) ≫ b²/R), so atomic wins:
   *      PnL_split − PnL_atomic < 0.
   * The exact difference is the difference of purchase costs, computed below with the
   * constant-product closed form on the post-cycle pools.
   */
  it('(1) symmetric pools: split bidding realises more than atomic, by the convexity of price impact', () => {
    // Equal liquidity L and prices p/(1−δ)², p/(1+δ)²: a zero-fee cycle moves √price linearly in
    // the X traded, so both pools meet at the harmonic mean of their √prices, which is √p exactly.
    const delta = 0.025;
    const opts = { prices: [P / (1 - delta) ** 2, P / (1 + delta) ** 2] as [number, number], liquidity: 100 * Math.sqrt(P) };
    const cycleOnly = oneSlot({ ...opts, searcher: { bundling: 'split', bidFraction: 0 } });
    const atomic = oneSlot({ ...opts, searcher: { bundling: 'atomic', payOn: 'A', bidFraction: 0.9 } });
    const split = oneSlot({ ...opts, searcher: { bundling: 'split', bidFraction: 0.9 } });
    const bY = atomic.stats[0]!.winningBidY;
    expect(split.stats[0]!.winningBidY + split.stats[1]!.winningBidY).toBeCloseTo(bY, 8); // same total bid
    expect(cycleOnly.prices[0]! / P).toBeCloseTo(1, 9); // pStar = the reference on both legs
    expect(cycleOnly.prices[1]! / P).toBeCloseTo(1, 9);
    const [a, b] = [cycleOnly.pools[0]!, cycleOnly.pools[1]!];
    const ref = atomic.ref;
    const premiumAtomic = costYforX(a.reserveX, a.reserveY, bY / ref) - bY;
    const premiumSplit = costYforX(a.reserveX, a.reserveY, bY / 2 / ref) - bY / 2 + ref * costXforY(b.reserveX, b.reserveY, bY / 2) - bY / 2;
    const diff = split.pnlY - atomic.pnlY;
    expect(diff).toBeGreaterThan(0);
    expect(diff).toBeCloseTo(premiumAtomic - premiumSplit, 6);
  });

  it('(2) both pools above the reference, atomic paid in Y: atomic bidding realises more than split', () => {
    const opts = { prices: [P * 1.12, P * 1.04] as [number, number], reserveX: 100 };
    const atomic = oneSlot({ ...opts, searcher: { bundling: 'atomic', payOn: 'B', bidFraction: 0.9 } });
    const split = oneSlot({ ...opts, searcher: { bundling: 'split', bidFraction: 0.9 } });
    expect(split.stats[0]!.winningBidY + split.stats[1]!.winningBidY).toBeCloseTo(atomic.stats[1]!.winningBidY, 8);
    expect(split.pnlY - atomic.pnlY).toBeLessThan(0);
  });
});
