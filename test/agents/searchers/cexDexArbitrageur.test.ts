import { describe, expect, it } from 'vitest';
import { proposeCexDexBundle, type CexDexView } from '../../../src/agents/searchers/cexDexArbitrageur.js';
import { fixedFractionBid } from '../../../src/agents/searchers/bidStrategy.js';
import { createPool } from '../../../src/market/amm/index.js';
import { recordingBid } from './strategies.js';

/*
 * Hand-derived cases (Angeris, Kao, Chiang, Noyes, Chitra 2019, optimal arbitrage of a constant-
 * product pool (x, y) with fee, γ = 1 − fee, against a reference price P):
 *   buy X  (P > spot/γ): a* = (√(γPxy) − y)/γ Y in,  profit* = (√(γPx) − √y)²/γ,
 *   sell X (P < γ·spot): b* = (√(γxy/P) − x)/γ X in, profit* = (√(γy) − √(Px))²/γ,
 * and at the optimum the post-fee marginal price of the last unit, γxy/(y + γa*)² X per Y, is 1/P.
 */
const view = (over: Partial<CexDexView>): CexDexView => ({
  searcher: 2,
  rollup: 1,
  pool: createPool(100, 100, 0.25),
  gasToken: 'Y',
  refPriceYPerX: 16 / 3,
  minProfitY: 0,
  arrivalMs: 12_345,
  ...over,
});

describe('proposeCexDexBundle', () => {
  it('pool (100, 100), fee 25%, P = 16/3: buys X with a* = (√(0.75·16/3·10⁴) − 100)/0.75 = 400/3 Y, profit 400/3', () => {
    const strategy = recordingBid(0.4);
    const b = proposeCexDexBundle(view({}), strategy)!;
    // a* = (200 − 100)/0.75 = 400/3; X out = 100·γa*/(100 + γa*) = 100·100/200 = 50.
    expect(b.legs).toHaveLength(1);
    const leg = b.legs[0]!;
    expect([leg.rollup, leg.tokenIn]).toEqual([1, 'Y']);
    expect(leg.amountIn).toBeCloseTo(400 / 3, 9);
    expect(leg.minAmountOut).toBeCloseTo(50 * (1 - 1e-9), 9);
    expect(leg.minAmountOut).toBeLessThan(50);
    // profit = P·50 − 400/3 = 800/3 − 400/3 = 400/3 = (√(0.75·16/3·100) − √100)²/0.75 = (20 − 10)²/0.75.
    expect(b.valueY).toBeCloseTo(400 / 3, 9);
    // The last unit's post-fee marginal price is P: γxy/(y + γa*)² = 0.75·10⁴/200² = 3/16 X per Y.
    expect((0.75 * 100 * 100) / (100 + 0.75 * leg.amountIn) ** 2).toBeCloseTo(3 / 16, 12);
    // bid = fraction × value, in Y (the gas token here).
    expect(b.bidY).toBeCloseTo(0.4 * (400 / 3), 9);
    expect(b.bidGas).toBeCloseTo(0.4 * (400 / 3), 9);
    expect(strategy.seen).toHaveLength(1);
    expect(strategy.seen[0]!.rollup).toBe(1);
    expect(strategy.seen[0]!.valueY).toBeCloseTo(400 / 3, 9);
    expect(b).toMatchObject({ searcher: 2, kind: 'cex-dex', target: { kind: 'top', rollups: [1] }, bidRollup: 1, hedge: true, arrivalMs: 12_345 });
    expect(b.group).toBeUndefined();
  });

  it('pool (100, 100), fee 25%, P = 3/16: sells b* = (√(0.75·10⁴·16/3) − 100)/0.75 = 400/3 X for 50 Y, profit 25', () => {
    const b = proposeCexDexBundle(view({ refPriceYPerX: 3 / 16, gasToken: 'X' }), fixedFractionBid(0.5))!;
    const leg = b.legs[0]!;
    expect(leg.tokenIn).toBe('X');
    expect(leg.amountIn).toBeCloseTo(400 / 3, 9);
    expect(leg.minAmountOut).toBeCloseTo(50, 6); // Y out = 100·100/(100 + 100)
    // profit = 50 − (3/16)·(400/3) = 25 = (√75 − √18.75)²/0.75.
    expect(b.valueY).toBeCloseTo(25, 9);
    expect(b.bidY).toBeCloseTo(12.5, 9);
    // Paid in X: 12.5 Y at 3/16 Y per X is 12.5·16/3 X.
    expect(b.bidGas).toBeCloseTo((12.5 * 16) / 3, 9);
  });

  it('without a fee, the trade takes the pool exactly to the reference price: (100, 200) at P = 0.5 sells 100 X for 100 Y', () => {
    const b = proposeCexDexBundle(view({ pool: createPool(100, 200, 0), refPriceYPerX: 0.5 }), fixedFractionBid(1))!;
    const leg = b.legs[0]!;
    expect(leg.tokenIn).toBe('X');
    expect(leg.amountIn).toBeCloseTo(100, 9); // pool (200, 100): spot 0.5 = P
    expect(b.valueY).toBeCloseTo(50, 9); // 100 Y for 100 X worth 50 Y
    expect(b.bidY).toBeCloseTo(50, 9);
  });

  it('proposes nothing inside the no-arbitrage band [γ·spot, spot/γ], edges included', () => {
    const pool = createPool(100, 100, 0.25); // band [0.75, 4/3]
    for (const p of [0.75, 0.9, 1, 1.2, 4 / 3]) expect(proposeCexDexBundle(view({ pool, refPriceYPerX: p }), fixedFractionBid(0.5))).toBeNull();
  });

  it('proposes nothing when the profit is at or below the threshold', () => {
    expect(proposeCexDexBundle(view({ minProfitY: 134 }), fixedFractionBid(0.5))).toBeNull(); // profit 133.3
    expect(proposeCexDexBundle(view({ minProfitY: 133 }), fixedFractionBid(0.5))).not.toBeNull();
  });

  it('never bids more than the value, whatever the strategy asks', () => {
    const b = proposeCexDexBundle(view({}), fixedFractionBid(1.5))!;
    expect(b.bidY).toBe(b.valueY);
    expect(b.bidGas).toBe(b.valueY);
  });
});
