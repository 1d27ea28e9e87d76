import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { MS_PER_YEAR } from '../../src/engine/clock.js';
import type { Row } from '../../src/engine/recorder.js';
import { runMarket } from '../../src/marketModel/runMarket.js';

/**
 * Theory check of the simulation itself: one constant-product pool, zero fee, short blocks, an
 * always-on arbitrageur (bidding nothing, so no bid feedback), no users. The LPs' loss against the
 * rebalancing strategy must accrue at σ²/8 of pool value per unit time (Milionis, Moallemi,
 * Roughgarden & Zhang 2022, "Automated Market Making and Loss-Versus-Rebalancing", Corollary 1 for
 * the constant-product market maker: ℓ(σ, P) = σ²/8 · V(P)).
 */
describe('loss-versus-rebalancing in the simulation', () => {
  it('LP loss rate = σ²/8 of pool value per year, and equals the arbitrageur’s profit', () => {
    const sigma = 0.9;
    const slots = 100_000;
    const config = resolveMarketConfig({
      seed: 2022,
      slots,
      clock: { slotMs: 2000 },
      reference: { initialPriceYPerX: 2000, sigmaPerYear: sigma },
      rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 1000, reserveY: 2_000_000, fee: 0 }, users: { arrivalsPerSlot: 0 } }],
      searchers: [{ kind: 'cex-dex', id: 'arb', rollup: 'A', bidFraction: 0 }],
    });
    const rows: Row[] = [];
    runMarket(config, { onRow: (r) => void rows.push(r) });
    const dtYears = config.clock.slotMs / MS_PER_YEAR;

    // LVR measured from the LP's side: rebalancing gain x_{t−1}·ΔS minus the pool's value change.
    let prevX = 1000;
    let prevS = 2000;
    let prevV = 1000 * 2000 + 2_000_000;
    let lvrOverV = 0; // Σ LVR_t / V_{t−1}: per-slot loss as a fraction of pool value
    let arbProfit = 0;
    let lvrTotal = 0;
    for (const r of rows) {
      const S = r.ref_price as number;
      const V = (r.reserve_x as number) * S + (r.reserve_y as number);
      const lvr = prevX * (S - prevS) - (V - prevV);
      lvrOverV += lvr / prevV;
      lvrTotal += lvr;
      arbProfit += r.arb_profit_y as number;
      [prevX, prevS, prevV] = [r.reserve_x as number, S, V];
    }
    const measuredRatePerYear = lvrOverV / (slots * dtYears);
    const theory = sigma ** 2 / 8;
    // Per-block LVR/V ≈ r²/8 with r ~ N(0, σ²Δt): a scaled χ²₁ whose relative standard deviation is
    // √2, so the mean over n blocks has relative standard error √(2/n) = 0.45% here. Tolerance: 4 SE,
    // plus 0.5% for discretisation (the per-block expectation differs from σ²Δt/8 by O(σ²Δt)).
    const tolerance = 4 * Math.sqrt(2 / slots) + 0.005;
    expect(Math.abs(measuredRatePerYear / theory - 1)).toBeLessThan(tolerance);
    // With zero fee, every unit the LP loses to rebalancing is the arbitrageur's gain.
    expect(Math.abs(arbProfit / lvrTotal - 1)).toBeLessThan(1e-6);
  });
});
