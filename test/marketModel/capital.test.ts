import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { hedgeOnCex } from '../../src/marketModel/capital.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import type { RollupSlotRecord } from '../../src/marketModel/slotRecord.js';

const P = 2000; // reference price, Y per X
const [X0, Y0] = [1000, 1000 * P * 0.95]; // a zero-fee pool 5 % below the reference: the arbitrageur buys X with Y

/**
 * One slot of one rollup (gas paid in X, no data fees, no users) whose pool sits below the
 * reference, with one searcher of `kind` (and its `capital`, `cex`) bidding a fraction of 0.1.
 */
function oneSlot(searcher: Record<string, unknown>) {
  const config = resolveMarketConfig({
    seed: 1,
    slots: 1,
    reference: { initialPriceYPerX: P, sigmaPerYear: 1e-9 },
    rollups: [{ id: 'A', gasToken: 'X', pool: { reserveX: X0, reserveY: Y0, fee: 0 }, users: { arrivalsPerSlot: 0 }, feeModel: { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 } }],
    searchers: [{ kind: 'cex-dex', id: 's', rollup: 'A', bidFraction: 0.1, ...searcher }],
  });
  const { sim, world, bus } = buildMarketSimulation(config);
  let stats: readonly RollupSlotRecord[] = [];
  bus.on('slot', (e) => void (stats = e.rollups));
  stepSlot(sim, 0);
  return { world, stats: stats[0]!, s: world.searchers[0]!, pool: world.rollups[0]!.pool, p: world.refPriceYPerX };
}

/*
 * Optimal arbitrage of a zero-fee constant-product pool (x, y) against price P (Angeris, Kao, Chiang,
 * Noyes & Chitra 2019, arXiv:1911.03380): pay a* = √(P·x·y) − y of Y; a swap of a receives
 * x·a/(y + a) of X (x·y = k).
 */
const optimalY = (p: number) => Math.sqrt(p * X0 * Y0) - Y0;
const xOut = (a: number) => (X0 * a) / (Y0 + a);

describe('capital: a trade it cannot fund is cut to what it holds (negative "forbid")', () => {
  it('holding less Y than the optimal trade needs, the cex-dex swap pays in exactly its Y, and its Y never goes negative', () => {
    const { p } = oneSlot({});
    const held = 0.25 * optimalY(p);
    const r = oneSlot({ capital: { initialY: held, negative: 'forbid' } });
    expect(r.pool.reserveY - Y0).toBeCloseTo(held, 6); // the pool received exactly its holding
    expect(r.pool.reserveX).toBeCloseTo((X0 * Y0) / (Y0 + held), 9);
    expect(r.s.onchain[0]!.Y).toBeCloseTo(0, 6);
    expect(r.stats.arbProfitY).toBeCloseTo(xOut(held) * r.p - held, 6);
  });

  it('holding more than the optimum, the trade is the optimum (the cut does not bind)', () => {
    const { p } = oneSlot({});
    const r = oneSlot({ capital: { initialY: 2 * optimalY(p), negative: 'forbid' } });
    expect(r.pool.reserveY - Y0).toBeCloseTo(optimalY(r.p), 6);
    expect(r.s.onchain[0]!.Y).toBeCloseTo(optimalY(r.p), 6);
  });

  it('holding no Y, it does not trade', () => {
    const r = oneSlot({ capital: { initialX: 5, negative: 'forbid' } });
    expect(r.stats.arbCount).toBe(0);
    expect(r.pool.reserveY).toBe(Y0);
  });

  it('capped-cex-dex: cut to the smaller of maxTradeY and its holding', () => {
    const r = oneSlot({ kind: 'capped-cex-dex', maxTradeY: 5000, capital: { initialY: 3000 } });
    expect(r.pool.reserveY - Y0).toBeCloseTo(3000, 6);
  });
});

describe('capital: lone legs held for their unwind are not spent again (negative "forbid")', () => {
  it('a split cross-rollup searcher holding lone legs (venue hold) never spends their tokens: its balances stay ≥ 0 but for data fees', () => {
    const users = { arrivalsPerSlot: 3, medianSizeY: 20_000, sizeLogSd: 0.5, slippageTolerance: 0.02 };
    const config = resolveMarketConfig({
      seed: 5,
      slots: 600,
      reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.5 },
      rollups: [
        { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 }, users, inclusionFailureProbability: 0.3 },
        { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users, inclusionFailureProbability: 0.3 },
      ],
      searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'split', bidFraction: 0, unwind: { venue: 'hold', horizonSlots: 5 }, capital: { initialX: 20, initialY: 40_000, negative: 'forbid' } }],
    });
    const { sim, world } = buildMarketSimulation(config);
    let slotsHolding = 0;
    let lowest = { X: Infinity, Y: Infinity };
    for (let slot = 0; slot < config.slots; slot++) {
      stepSlot(sim, slot);
      const s = world.searchers[0]!;
      if (s.openLegs.length > 0) slotsHolding++;
      for (const b of s.onchain) lowest = { X: Math.min(lowest.X, b.X), Y: Math.min(lowest.Y, b.Y) };
    }
    expect(slotsHolding).toBeGreaterThan(20); // legs were held across slots while it kept trading
    // Data fees are paid after a trade, from what it then holds: a few units of 1e-5 X at most.
    expect(lowest.X).toBeGreaterThan(-1e-3);
    expect(lowest.Y).toBeGreaterThan(-1);
  });
});

describe('capital: negative balances financed at a rate (negative "finance")', () => {
  it('interest this slot = financeRatePerSlot × the value of its negative balances, paid from its CEX account', () => {
    const rate = 1e-4;
    const free = oneSlot({});
    const r = oneSlot({ capital: { negative: 'finance', financeRatePerSlot: rate } });
    const b = r.s.onchain[0]!;
    expect(b.Y).toBeCloseTo(-optimalY(r.p), 6); // it paid a* of Y it did not have
    const owedY = Math.max(0, -b.X) * r.p + Math.max(0, -b.Y);
    expect(r.stats.financeCostY).toBeCloseTo(rate * owedY, 9);
    expect(r.stats.financeCostY).toBeCloseTo(rate * optimalY(r.p), 9);
    expect(free.s.cex.Y - r.s.cex.Y).toBeCloseTo(r.stats.financeCostY, 9);
    expect(free.stats.financeCostY).toBe(0);
  });
});

describe('the CEX venue: fee and depth of the hedge', () => {
  it('a fee of feeBp takes exactly feeBp/10⁴ of the hedge proceeds', () => {
    const r = oneSlot({ cex: { feeBp: 30 } });
    const soldX = -r.s.cex.X; // the X it bought on the pool, sold on the CEX
    expect(soldX).toBeGreaterThan(0);
    expect(r.s.cex.Y).toBeCloseTo(soldX * r.p * (1 - 30 / 10_000), 6);
    expect(r.stats.cexHedgeCostY).toBeCloseTo(soldX * r.p * 0.003, 6);
    expect(oneSlot({}).stats.cexHedgeCostY).toBe(0);
  });

  it('anticipating the fee, it trades to the optimum against the net price P·(1 − fee): a* = √(P(1 − f)·x·y) − y', () => {
    const r = oneSlot({ cex: { feeBp: 30 } });
    const free = oneSlot({});
    // A search for a maximum locates it to about √ε of its scale (the objective is flat there): 1e-6 relative.
    expect((r.pool.reserveY - Y0) / (Math.sqrt(r.p * (1 - 0.003) * X0 * Y0) - Y0)).toBeCloseTo(1, 6);
    expect(r.pool.reserveY - Y0).toBeLessThan(free.pool.reserveY - Y0);
  });

  it('depth D: selling value v ≤ D realises v − v²/(2D) (linear impact), then the fee', () => {
    const acc = { X: 0, Y: 0 };
    const cost = hedgeOnCex(acc, { feeBp: 100, depthY: 10_000 }, 'X', 2, 2000);
    const v = 4000;
    expect(acc.X).toBe(-2);
    expect(acc.Y).toBeCloseTo((v - (v * v) / 20_000) * 0.99, 9);
    expect(cost).toBeCloseTo(v - acc.Y, 9);
  });

  it('depth D: selling more than D sells D (realising D/2) and leaves the rest on the account', () => {
    const acc = { X: 0, Y: 0 };
    hedgeOnCex(acc, { feeBp: 0, depthY: 1000 }, 'Y', 3000, 2000);
    expect(acc.Y).toBe(-1000);
    expect(acc.X).toBeCloseTo(500 / 2000, 12);
  });

  it('without a venue, the hedge is at the reference price, free', () => {
    const acc = { X: 0, Y: 0 };
    expect(hedgeOnCex(acc, undefined, 'X', 2, 2000)).toBe(0);
    expect(acc).toEqual({ X: -2, Y: 4000 });
  });
});
