import { randomExponential, randomNormal } from 'd3-random';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createPool } from '../../../src/market/amm/index.js';
import type { Pool } from '../../../src/market/amm/index.js';
import { optimalArbAgainstPrice } from '../../../src/market/arbitrage/index.js';
import {
  arbProfitRatePerYear,
  arbProfitRatePerYearFixedBlocks,
  arbProfitToLvrRatio,
  arbProfitToLvrRatioFixedBlocks,
  arbTradeProbability,
  GAUSSIAN_OVERSHOOT_CONSTANT,
  logFee,
} from '../../../src/market/theory/arbitrageWithFees.js';
import type { BlockArbParams } from '../../../src/market/theory/arbitrageWithFees.js';
import { lvrRatePerYear } from '../../../src/market/theory/lvr.js';

/** Fee fraction whose log fee is exactly γ. */
const feeForLogFee = (gamma: number): number => -Math.expm1(-gamma);

describe('logFee', () => {
  it('is −ln(1 − f), ≈ f for small fees', () => {
    expect(logFee(0)).toBe(0);
    expect(logFee(0.5)).toBeCloseTo(Math.LN2, 15);
    expect(logFee(0.003)).toBeCloseTo(0.0030045090202987, 15); // −ln(0.997)
    expect(logFee(feeForLogFee(0.3))).toBeCloseTo(0.3, 14);
  });

  it('rejects fees outside [0, 1)', () => {
    expect(() => logFee(1)).toThrow(RangeError);
    expect(() => logFee(-0.1)).toThrow(RangeError);
  });
});

describe('arbTradeProbability (Poisson blocks, MMR 2023)', () => {
  it('is 1/(1 + ηγ): exactly 1/2 when γ√2 = σ√Δt', () => {
    // γ = 0.01, σ = 0.5 ⇒ Δt = 2γ²/σ² = 8e-4 gives η·γ = √2·γ/(σ√Δt) = 1.
    const p = arbTradeProbability({ sigmaPerYear: 0.5, fee: feeForLogFee(0.01), meanBlockTimeYears: 8e-4 });
    expect(p).toBeCloseTo(0.5, 12);
  });

  it('is σ/(σ + γ√(2/Δt)), the form quoted from the paper', () => {
    const params = { sigmaPerYear: 0.8, fee: 0.003, meanBlockTimeYears: 12 / (365 * 24 * 3600) };
    const gamma = logFee(0.003);
    const expected = 0.8 / (0.8 + gamma * Math.sqrt(2 / params.meanBlockTimeYears));
    expect(arbTradeProbability(params)).toBeCloseTo(expected, 14);
  });

  it('tends to 1 as the fee vanishes, and is exactly 1 at zero fee', () => {
    const base = { sigmaPerYear: 0.8, meanBlockTimeYears: 2 / (365 * 24 * 3600) };
    expect(arbTradeProbability({ ...base, fee: 0 })).toBe(1);
    expect(arbTradeProbability({ ...base, fee: 1e-9 })).toBeGreaterThan(0.999);
  });

  it('falls with the fee and rises with volatility and block time; → 0 for fast blocks', () => {
    const base: BlockArbParams = { sigmaPerYear: 0.8, fee: 0.003, meanBlockTimeYears: 1e-6 };
    const p = arbTradeProbability(base);
    expect(arbTradeProbability({ ...base, fee: 0.01 })).toBeLessThan(p);
    expect(arbTradeProbability({ ...base, sigmaPerYear: 1.2 })).toBeGreaterThan(p);
    expect(arbTradeProbability({ ...base, meanBlockTimeYears: 1e-5 })).toBeGreaterThan(p);
    expect(arbTradeProbability({ ...base, meanBlockTimeYears: 1e-14 })).toBeLessThan(1e-3);
    expect(arbTradeProbability({ ...base, meanBlockTimeYears: 1e6 })).toBeGreaterThan(0.99);
  });

  it('rejects non-positive volatility or block time', () => {
    expect(() => arbTradeProbability({ sigmaPerYear: 0, fee: 0.003, meanBlockTimeYears: 1 })).toThrow(RangeError);
    expect(() => arbTradeProbability({ sigmaPerYear: 1, fee: 0.003, meanBlockTimeYears: 0 })).toThrow(RangeError);
  });
});

describe('arbProfitToLvrRatio / arbProfitRatePerYear (Poisson blocks)', () => {
  it('is P_trade·e^{γ/2}/(1 − σ²Δt/8), or with cosh(γ/2) for a fee charged in Y', () => {
    const params: BlockArbParams = { sigmaPerYear: 1, fee: feeForLogFee(0.3), meanBlockTimeYears: 0.09 };
    const p = 1 / (1 + Math.SQRT2); // σ_b = 0.3 = γ ⇒ ηγ = √2
    expect(arbProfitToLvrRatio(params)).toBeCloseTo((p * Math.exp(0.15)) / (1 - 0.09 / 8), 13);
    expect(arbProfitToLvrRatio({ ...params, feeCharging: 'numeraire' })).toBeCloseTo(
      (p * Math.cosh(0.15)) / (1 - 0.09 / 8),
      13,
    );
  });

  it('with no fee it is LVR/(1 − σ²Δt/8), which tends to LVR for fast blocks', () => {
    expect(arbProfitToLvrRatio({ sigmaPerYear: 1, fee: 0, meanBlockTimeYears: 0.8 })).toBeCloseTo(1 / 0.9, 13);
    const fast = { sigmaPerYear: 0.8, fee: 0, meanBlockTimeYears: 2 / (365 * 24 * 3600) };
    expect(arbProfitRatePerYear(fast, 1e6) / lvrRatePerYear(0.8, 1e6)).toBeCloseTo(1, 7); // 1 + 5.07e-9
  });

  it('≈ LVR·P_trade for small fees and fast blocks (the paper’s asymptotic)', () => {
    const params = { sigmaPerYear: 0.8, fee: 0.0005, meanBlockTimeYears: 2 / (365 * 24 * 3600) };
    expect(arbProfitToLvrRatio(params) / arbTradeProbability(params)).toBeCloseTo(1, 3);
  });

  it('is in absolute terms LVR × the ratio', () => {
    const params = { sigmaPerYear: 0.8, fee: 0.003, meanBlockTimeYears: 12 / (365 * 24 * 3600) };
    expect(arbProfitRatePerYear(params, 5e6)).toBeCloseTo(lvrRatePerYear(0.8, 5e6) * arbProfitToLvrRatio(params), 6);
  });

  it('has no finite value when σ²Δt ≥ 8', () => {
    expect(() => arbProfitToLvrRatio({ sigmaPerYear: 2, fee: 0.003, meanBlockTimeYears: 2 })).toThrow(RangeError);
  });
});

describe('arbProfitToLvrRatioFixedBlocks (Nezlobin & Tassy 2025)', () => {
  it('is 1/(1 + γ/(ρσ_b)) with ρ = |ζ(1/2)|/√(2π) ≈ 0.5826', () => {
    expect(GAUSSIAN_OVERSHOOT_CONSTANT).toBeCloseTo(0.58259716, 7);
    const params = { sigmaPerYear: 1, fee: feeForLogFee(0.001), meanBlockTimeYears: 1e-6 }; // γ = σ_b
    expect(arbProfitToLvrRatioFixedBlocks(params)).toBeCloseTo(1 / (1 + 1 / GAUSSIAN_OVERSHOOT_CONSTANT), 12);
    expect(arbProfitRatePerYearFixedBlocks(params, 100)).toBeCloseTo(12.5 * arbProfitToLvrRatioFixedBlocks(params), 12);
    expect(arbProfitToLvrRatioFixedBlocks({ ...params, fee: 0 })).toBe(1);
  });
});

/**
 * Monte Carlo of the MMR 2023 model. The log mispricing z = log(P/pool price) gets an increment
 * σ·√τ·N(0,1) per block, τ = Δt·Exp(1) (Poisson blocks) or τ = Δt (fixed); when |z| > γ the
 * arbitrageur trades: its profit is computed by `optimalArbAgainstPrice` on a pool of liquidity L
 * priced at P·e^{−z} (P = 1), and z is reset to ±γ as in the paper (fees paid outside the curve).
 * Returns the fraction of blocks that traded and the mean profit per block over LVR per block.
 */
function simulateModel(sigmaBlock: number, gamma: number, poisson: boolean, blocks: number, seed: string) {
  const rng = seedrandom.alea(seed);
  const normal = randomNormal.source(rng)(0, 1);
  const exponential = randomExponential.source(rng)(1);
  const fee = feeForLogFee(gamma);
  const liquidity = 1000;
  let z = 0;
  let trades = 0;
  let profit = 0;
  for (let i = -1000; i < blocks; i++) {
    const tau = poisson ? exponential() : 1;
    z += sigmaBlock * Math.sqrt(tau) * normal();
    if (Math.abs(z) <= gamma) continue;
    const pool = createPool(liquidity * Math.exp(z / 2), liquidity * Math.exp(-z / 2), fee);
    const trade = optimalArbAgainstPrice(pool, 1);
    if (i >= 0) {
      trades += 1;
      profit += trade.profitY;
    }
    z = Math.sign(z) * gamma;
  }
  const lvrPerBlock = ((sigmaBlock * sigmaBlock) / 8) * 2 * liquidity;
  return { tradeFraction: trades / blocks, arbOverLvr: profit / blocks / lvrPerBlock };
}

describe('Monte Carlo check of the closed forms (seeded)', () => {
  it('Poisson blocks, σ_b = γ = 0.3: P_trade and ARB/LVR, resolving the e^{γ/2} fee factor', () => {
    // Large σ_b and γ make e^{γ/2} = 1.162 (fee on the input token, as in our pools) clearly
    // different from cosh(γ/2) = 1.011, and 1/(1 − σ_b²/8) = 1.011 visible.
    const params: BlockArbParams = { sigmaPerYear: 0.3, fee: feeForLogFee(0.3), meanBlockTimeYears: 1 };
    const mc = simulateModel(0.3, 0.3, true, 300_000, 'mmr-poisson');
    expect(mc.tradeFraction).toBeCloseTo(arbTradeProbability(params), 2); // 0.4142
    expect(Math.abs(mc.arbOverLvr / arbProfitToLvrRatio(params) - 1)).toBeLessThan(0.03); // 0.4866
    expect(Math.abs(mc.arbOverLvr / arbProfitToLvrRatio({ ...params, feeCharging: 'numeraire' }) - 1)).toBeGreaterThan(0.08);
  });

  it('Poisson blocks, fee ≫ σ_b (fast blocks): P_trade = 1/(1 + √2·γ/σ_b) and ARB ≈ LVR·P_trade', () => {
    // γ = 5σ_b: the mispricing needs ~25 blocks to cross the band, so many blocks are needed.
    const params: BlockArbParams = { sigmaPerYear: 0.001, fee: feeForLogFee(0.005), meanBlockTimeYears: 1 };
    const mc = simulateModel(0.001, 0.005, true, 1_000_000, 'mmr-fast');
    expect(Math.abs(mc.tradeFraction / arbTradeProbability(params) - 1)).toBeLessThan(0.04); // 0.1239
    expect(Math.abs(mc.arbOverLvr / arbProfitToLvrRatio(params) - 1)).toBeLessThan(0.05);
  });

  it('fixed blocks, γ = σ_b: ARB/LVR follows Nezlobin–Tassy, not the Poisson formula', () => {
    const params: BlockArbParams = { sigmaPerYear: 0.001, fee: feeForLogFee(0.001), meanBlockTimeYears: 1 };
    const mc = simulateModel(0.001, 0.001, false, 300_000, 'nt-fixed');
    expect(Math.abs(mc.arbOverLvr / arbProfitToLvrRatioFixedBlocks(params) - 1)).toBeLessThan(0.03); // 0.368
    expect(mc.arbOverLvr / arbProfitToLvrRatio(params)).toBeLessThan(0.95); // Poisson: 0.414
  });
});

/**
 * The same check with seqsim's own dynamics: one Uniswap v2 pool (fee kept in the pool, so
 * liquidity grows and the post-trade price is not exactly at the band edge), the reference price
 * a driftless log random walk, Poisson blocks. Profit is compared with the LVR accrued over the
 * same interblock times, σ²τ/8 · 2√(kP).
 */
function simulatePool(pool0: Pool, sigmaPerYear: number, meanBlockTimeYears: number, blocks: number, seed: string) {
  const rng = seedrandom.alea(seed);
  const normal = randomNormal.source(rng)(0, 1);
  const exponential = randomExponential.source(rng)(1);
  let pool = pool0;
  let price = pool0.reserveY / pool0.reserveX;
  let trades = 0;
  let profit = 0;
  let lvr = 0;
  for (let i = 0; i < blocks; i++) {
    const tau = meanBlockTimeYears * exponential();
    lvr += ((sigmaPerYear * sigmaPerYear * tau) / 8) * 2 * Math.sqrt(pool.reserveX * pool.reserveY * price);
    price *= Math.exp(sigmaPerYear * Math.sqrt(tau) * normal());
    const trade = optimalArbAgainstPrice(pool, price);
    if (trade.tokenIn !== null) {
      trades += 1;
      profit += trade.profitY;
      pool = trade.poolAfter;
    }
  }
  return { tradeFraction: trades / blocks, arbOverLvr: profit / lvr };
}

describe('Monte Carlo with real pool dynamics (seeded)', () => {
  it('0.3% pool, σ = 80%/yr, 12 s mean blocks: the Poisson formulas hold to a few percent', () => {
    const params: BlockArbParams = { sigmaPerYear: 0.8, fee: 0.003, meanBlockTimeYears: 12 / (365 * 24 * 3600) };
    const mc = simulatePool(createPool(1000, 2e6, 0.003), 0.8, params.meanBlockTimeYears, 1_000_000, 'pool');
    expect(Math.abs(mc.tradeFraction / arbTradeProbability(params) - 1)).toBeLessThan(0.04); // ≈ 0.104
    expect(Math.abs(mc.arbOverLvr / arbProfitToLvrRatio(params) - 1)).toBeLessThan(0.06);
  });
});
