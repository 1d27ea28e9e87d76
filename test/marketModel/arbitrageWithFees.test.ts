import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { MS_PER_YEAR } from '../../src/engine/clock.js';
import {
  arbProfitToLvrRatio,
  arbProfitToLvrRatioFixedBlocks,
  arbTradeProbability,
} from '../../src/market/theory/arbitrageWithFees.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/**
 * Theory check of the simulation itself: one constant-product pool with a fee, discrete blocks,
 * an always-on CEX-DEX arbitrageur bidding nothing, no users. Milionis, Moallemi & Roughgarden
 * (2023), "Automated Market Making and Arbitrage Profits in the Presence of Fees"
 * (arXiv:2305.14604), give for Poisson block production the probability that a block carries an
 * arbitrage, P_trade = 1/(1 + γ√(2/(σ²Δt))), and the arbitrage profit rate as a fraction of LVR
 * (formulas and derivation in src/market/theory/arbitrageWithFees.ts). `blockIntervals:
 * "exponential"` gives the simulation Poisson blocks; with fixed blocks we compare with the
 * Nezlobin & Tassy (2025) fixed-block approximation instead.
 */
function simulate(sigma: number, fee: number, slotMs: number, blockIntervals: 'fixed' | 'exponential', slots: number, seed: number) {
  const config = resolveMarketConfig({
    seed,
    slots,
    clock: { slotMs },
    reference: { initialPriceYPerX: 2000, sigmaPerYear: sigma, blockIntervals },
    rollups: [{
      id: 'A', gasToken: 'Y', pool: { reserveX: 1000, reserveY: 2_000_000, fee }, users: { arrivalsPerSlot: 0 },
      feeModel: { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 },
    }],
    searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', bidFraction: 0 }],
  });
  // Per block: did the arbitrageur trade, and its profit as a fraction of pool value.
  const traded: number[] = [];
  const profitOverV: number[] = [];
  runMarket(config, {
    onRow: (r) => {
      traded.push(r.arb_trades as number);
      profitOverV.push((r.arb_profit_y as number) / ((r.reserve_x as number) * (r.ref_price as number) + (r.reserve_y as number)));
    },
  });
  return { traded, profitOverV, dtYears: slotMs / MS_PER_YEAR };
}

/**
 * Mean and its standard error by batch means: the per-block series is autocorrelated (the
 * mispricing persists across blocks), so the naive i.i.d. error would be too small. 40 batches.
 */
function batchMean(xs: readonly number[], batches = 40): { mean: number; se: number } {
  const size = Math.floor(xs.length / batches);
  const means = Array.from({ length: batches }, (_, b) => xs.slice(b * size, (b + 1) * size).reduce((a, v) => a + v, 0) / size);
  const mean = means.reduce((a, v) => a + v, 0) / batches;
  const sd = Math.sqrt(means.reduce((a, v) => a + (v - mean) ** 2, 0) / (batches - 1));
  return { mean, se: sd / Math.sqrt(batches) };
}

describe('arbitrage with fees and discrete blocks, in the simulation', () => {
  // Two (block time, fee) points with Poisson blocks: 12 s blocks with a 30 bp fee, 2 s blocks
  // with a 5 bp fee; σ = 100%/year.
  const points = [
    { slotMs: 12_000, fee: 0.003 },
    { slotMs: 2_000, fee: 0.0005 },
  ];
  for (const { slotMs, fee } of points) {
    it(`Poisson blocks, Δt = ${slotMs / 1000} s, fee = ${fee * 1e4} bp: P_trade and ARB/LVR match MMR 2023 within 4 batch-means SE`, () => {
      const sigma = 1;
      const { traded, profitOverV, dtYears } = simulate(sigma, fee, slotMs, 'exponential', 60_000, 7);
      const params = { sigmaPerYear: sigma, fee, meanBlockTimeYears: dtYears };
      const p = batchMean(traded);
      expect(Math.abs(p.mean - arbTradeProbability(params))).toBeLessThan(4 * p.se);
      // ARB/LVR: mean per-block profit/V divided by LVR per block, σ²Δt/8.
      const arb = batchMean(profitOverV);
      const lvrPerBlock = (sigma ** 2 * dtYears) / 8;
      expect(Math.abs(arb.mean / lvrPerBlock - arbProfitToLvrRatio(params))).toBeLessThan(4 * arb.se / lvrPerBlock);
      // The check has teeth: the fee-free answer (every block trades) is far outside the tolerance.
      expect(Math.abs(p.mean - 1)).toBeGreaterThan(10 * p.se);
    });
  }

  it('fixed blocks (12 s, 30 bp): ARB/LVR matches the Nezlobin–Tassy fixed-block approximation within 4 SE + 2%', () => {
    const sigma = 1;
    const { profitOverV, dtYears } = simulate(sigma, 0.003, 12_000, 'fixed', 60_000, 8);
    const params = { sigmaPerYear: sigma, fee: 0.003, meanBlockTimeYears: dtYears };
    const arb = batchMean(profitOverV);
    const lvrPerBlock = (sigma ** 2 * dtYears) / 8;
    // The approximation is exact up to O(e^{−cγ/σ_b}) (here γ/σ_b ≈ 4.9): 2% allowance on top.
    const tolerance = (4 * arb.se) / lvrPerBlock + 0.02;
    expect(Math.abs(arb.mean / lvrPerBlock - arbProfitToLvrRatioFixedBlocks(params))).toBeLessThan(tolerance);
  });
});
