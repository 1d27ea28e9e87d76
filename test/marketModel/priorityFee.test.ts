import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { runSimulation } from '../../src/index.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import type { SlotOutcome } from '../../src/marketModel/slot.js';
import type { RollupSlotRecord } from '../../src/marketModel/slotRecord.js';
import type { WorldState } from '../../src/marketModel/types.js';

/*
 * Priority-fee ordering (OP Stack, Base): the rollup's sequencer sorts its block by priority fee,
 * searchers pay their bids as priority fees, and the rollup keeps them (Robinson & White 2024,
 * "Priority Is All You Need", paradigm.xyz/2024/06/priority-is-all-you-need).
 */

const users = { arrivalsPerSlot: 3, medianSizeY: 20_000, sizeLogSd: 0.5, slippageTolerance: 0.02 };

/** One Y-gas rollup A with public flow and every single-rollup searcher kind, fixed fractions all different (no tied bids). */
function config(ordering: string, overrides: Record<string, unknown> = {}) {
  return resolveMarketConfig({
    seed: 21,
    slots: 250,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.5 },
    rollups: [{ id: 'A', gasToken: 'Y', ordering, pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 }, users }],
    searchers: [
      { kind: 'cex-dex', id: 'arb', rollup: 'A', bidFraction: 0.6 },
      { kind: 'backrun', id: 'br', rollup: 'A', bidFraction: 0.7 },
      { kind: 'backrun', id: 'br2', rollup: 'A', bidFraction: 0.55 },
      { kind: 'sandwich', id: 'sw', rollup: 'A', bidFraction: 0.8 },
    ],
    ...overrides,
  });
}

/** Steps every slot, handing the world before and after, the outcome and the records to `check`. */
function runChecking(cfg: ReturnType<typeof config>, check: (before: { X: number; Y: number }, w: WorldState, out: SlotOutcome, rows: readonly RollupSlotRecord[]) => void): RollupSlotRecord[][] {
  const { sim, world, bus, lastOutcome } = buildMarketSimulation(cfg);
  let rows: readonly RollupSlotRecord[] = [];
  const all: RollupSlotRecord[][] = [];
  bus.on('slot', (e) => void all.push([...(rows = e.rollups)]));
  for (let slot = 0; slot < cfg.slots; slot++) {
    const before = { ...world.rollups[0]!.treasury };
    stepSlot(sim, slot);
    check(before, world, lastOutcome()!, rows);
  }
  return all;
}

describe('priority-fee ordering', () => {
  it("the rollup's treasury rises by exactly its data fees plus Σ priority fees paid; the proposer gets nothing", () => {
    let fees = 0;
    let sandwiches = 0;
    runChecking(config('priority-fee'), (before, w, out, rows) => {
      const r = rows[0]!;
      // Σ fees as paid: each executed allocation placed by fee pays its payment in the gas token (Y).
      const paid = out.execution.executed.filter((a) => a.payee === 'rollup').reduce((s, a) => s + a.paymentGas, 0);
      expect(out.execution.executed.every((a) => a.payee === 'rollup')).toBe(true);
      expect(r.unpaidBidGas).toBe(0);
      expect(r.priorityFeeY).toBeCloseTo(paid, 9);
      const feesGas = out.execution.tally[0]!.feesGas;
      expect(w.rollups[0]!.treasury.Y - before.Y - feesGas).toBeCloseTo(paid, 6);
      expect(r.proposerRevenueY).toBe(0);
      expect(w.proposer.holdings[0]!.Y).toBe(0);
      // Token conservation (conservation.ts): the fee moved from the searcher to the treasury.
      expect(Math.abs(r.supplyDriftY)).toBeLessThan(1e-9 * w.rollups[0]!.initialSupply.Y);
      expect(Math.abs(r.supplyDriftX)).toBeLessThan(1e-9 * w.rollups[0]!.initialSupply.X);
      fees += paid;
      sandwiches += r.sandwiches;
    });
    expect(fees).toBeGreaterThan(1000); // the check ran on real fees
    expect(sandwiches).toBeGreaterThan(10); // ordered by fee, not time: sandwiches remain possible
  });

  it("on one seed, the proposer's revenue under `auction` ordering becomes the rollup's priority fees, slot by slot", () => {
    const auction = runSimulation(config('auction'), { keepRows: true }).rows;
    const priority = runSimulation(config('priority-fee'), { keepRows: true }).rows;
    expect(priority).toHaveLength(auction.length);
    let total = 0;
    auction.forEach((a, i) => {
      const p = priority[i]!;
      expect(p.priority_fee_y).toBeCloseTo(a.proposer_revenue_y as number, 9);
      expect(p.proposer_revenue_y).toBe(0);
      expect(a.priority_fee_y).toBe(0);
      // Nothing else moved: same executions, same users' surplus, same pool.
      expect(p.user_surplus_y).toBe(a.user_surplus_y);
      expect(p.reserve_y).toBe(a.reserve_y);
      total += a.proposer_revenue_y as number;
    });
    expect(total).toBeGreaterThan(1000);
  });

  it('builders and the proposer leave priority-fee positions alone: with builders the fee still goes to the rollup', () => {
    const cfg = config('priority-fee', { builders: [{ id: 'b1' }, { id: 'b2' }] });
    const s = runSimulation(cfg).summary;
    const a = s.rollups[0]!;
    expect(a.priority_fee_y).toBeGreaterThan(1000);
    expect(a.proposer_revenue_y).toBe(0);
    expect(s.builders.every((b) => b.received_y === 0)).toBe(true);
  });

  /*
   * Competitive priority ordering (Robinson & White 2024, §"Priority ordering"): searchers competing
   * for one opportunity bid priority fees up to its value, so the fee captures the opportunity's
   * value (an application's MEV tax of k per unit of fee then takes k/(1+k) of it; here k = 0 and the
   * rollup, as sequencer, keeps the whole fee). In the model this is complete-information first
   * price with equal values, Bertrand: both bid v(2) = v, the fee is the value (the essay's Aside #1,
   * ε = min(1e-9·v(1), v(1) − v(2)) = 0). A lone searcher bids only ε = 1e-9·v.
   */
  it('two Bertrand (equilibrium) searchers: the priority fee equals the opportunity value (relative 1e-9); alone, about 1e-9 of it', () => {
    const ratio = (n: number) => {
      const cfg = resolveMarketConfig({
        seed: 4,
        slots: 300,
        reference: { initialPriceYPerX: 2000, sigmaPerYear: 2 },
        rollups: [{ id: 'A', gasToken: 'Y', ordering: 'priority-fee', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.0001 }, users: { arrivalsPerSlot: 0 } }],
        searchers: Array.from({ length: n }, (_, i) => ({ kind: 'cex-dex', id: `arb-${i}`, rollup: 'A', strategy: { name: 'equilibrium' } })),
        mechanism: { name: 'second-price' }, // the proposer's rule is irrelevant: the rollup sells by fee
      });
      let fee = 0;
      let value = 0;
      let wins = 0;
      runChecking(cfg, (_b, _w, out) => {
        for (const a of out.execution.executed) {
          fee += a.paymentGas;
          value += a.bundle.valueY;
          wins++;
          if (n === 2) expect(a.paymentGas / a.bundle.valueY).toBeCloseTo(1, 9);
        }
      });
      expect(wins).toBeGreaterThan(100);
      return fee / value;
    };
    expect(Math.abs(ratio(2) - 1)).toBeLessThan(1e-9);
    expect(ratio(1)).toBeLessThan(2e-9);
  });
});
