import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../../src/config/loadConfig.js';
import { MS_PER_YEAR } from '../../../src/engine/clock.js';
import { gbmStep } from '../../../src/market/reference/gbm.js';
import { runMarket } from '../../../src/marketModel/runMarket.js';

describe('gbmStep', () => {
  it('is the exact GBM solution S·exp((mu − sigma²/2)dt + sigma·sqrt(dt)·z) (Glasserman 2003, §3.2.1)', () => {
    const s = gbmStep(100, { sigmaPerYear: 0.5, driftPerYear: 0.1 }, 0.25, 1.3);
    expect(s).toBeCloseTo(100 * Math.exp((0.1 - 0.125) * 0.25 + 0.5 * 0.5 * 1.3), 12);
    expect(gbmStep(100, { sigmaPerYear: 0.5, driftPerYear: 0 }, 0.25, 0, Math.log(2))).toBeCloseTo(200 * Math.exp(-0.125 * 0.25), 10);
  });
});

/** The reference prices the simulation produced, one per slot (rollup A's rows). */
function simulatedLogReturns(raw: Record<string, unknown>): { returns: number[]; dtYears: number } {
  const config = resolveMarketConfig(raw);
  const prices: number[] = [config.reference.initialPriceYPerX];
  runMarket(config, { onRow: (row) => void (row.rollup === 'A' && prices.push(row.ref_price as number)) });
  const returns = prices.slice(1).map((p, i) => Math.log(p / prices[i]!));
  return { returns, dtYears: config.clock.slotMs / MS_PER_YEAR };
}

const base = (reference: Record<string, unknown>, slots: number) => ({
  seed: 11,
  slots,
  clock: { slotMs: 3_600_000 }, // hourly steps: the statistics do not depend on the slot length
  reference,
  rollups: [{ id: 'A', gasToken: 'X', pool: { reserveX: 1e6, reserveY: 1e6 }, users: { arrivalsPerSlot: 0 } }],
});

describe('reference price in the simulation (statistical, seeded)', () => {
  it('log-returns have mean (mu − sigma²/2)dt and variance sigma²dt', () => {
    const sigma = 0.8;
    const mu = 0.3;
    const n = 50_000;
    const { returns, dtYears: dt } = simulatedLogReturns(base({ sigmaPerYear: sigma, driftPerYear: mu }, n));
    const mean = returns.reduce((a, b) => a + b, 0) / n;
    const variance = returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    // Tolerances: 4 standard errors. SE(mean) = sigma·sqrt(dt/n); SE(sample variance) of a normal
    // sample = sigma²dt·sqrt(2/(n−1)).
    expect(Math.abs(mean - (mu - sigma ** 2 / 2) * dt)).toBeLessThan(4 * sigma * Math.sqrt(dt / n));
    expect(Math.abs(variance - sigma ** 2 * dt)).toBeLessThan(4 * sigma ** 2 * dt * Math.sqrt(2 / (n - 1)));
  });

  it('with jumps, the log-return variance adds rate·dt·(meanLog² + sdLog²) (Merton 1976)', () => {
    const sigma = 0.5;
    const jumps = { ratePerYear: 500, meanLog: -0.01, sdLog: 0.02 };
    const n = 60_000;
    const { returns, dtYears: dt } = simulatedLogReturns(base({ sigmaPerYear: sigma, driftPerYear: 0, jumps }, n));
    const mean = returns.reduce((a, b) => a + b, 0) / n;
    const variance = returns.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    const lambdaDt = jumps.ratePerYear * dt;
    const expectedMean = -0.5 * sigma ** 2 * dt + lambdaDt * jumps.meanLog;
    const expectedVar = sigma ** 2 * dt + lambdaDt * (jumps.meanLog ** 2 + jumps.sdLog ** 2);
    // The compound-Poisson returns are not normal; the standard errors use the sample's own fourth
    // moment: SE(var) ≈ sqrt((m4 − var²)/n). 4 standard errors.
    const m4 = returns.reduce((a, b) => a + (b - mean) ** 4, 0) / n;
    expect(Math.abs(mean - expectedMean)).toBeLessThan(4 * Math.sqrt(expectedVar / n));
    expect(Math.abs(variance - expectedVar)).toBeLessThan(4 * Math.sqrt((m4 - variance ** 2) / n));
    // And the jumps matter: the variance is clearly above the diffusion's alone.
    expect(variance).toBeGreaterThan(sigma ** 2 * dt * 1.5);
  });
});
