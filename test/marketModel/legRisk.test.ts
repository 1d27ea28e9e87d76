import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { supplyDrift } from '../../src/marketModel/conservation.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { MarketRun } from '../../src/marketModel/marketRun.js';
import type { TraceEntry } from '../../src/marketModel/slot.js';
import type { RollupSlotRecord } from '../../src/marketModel/slotRecord.js';
import type { WorldState } from '../../src/marketModel/types.js';

/*
 * Leg risk (issue 14 items 2, 3 and the leg-risk half of 6): per-rollup inclusion failures
 * (`rollups[].inclusionFailureProbability`) and where a lone leg is unwound (`searchers[].unwind`).
 */

/** The slot's rows, trace and the world after it. */
type Check = (rows: readonly RollupSlotRecord[], trace: readonly TraceEntry[], w: WorldState) => void;

/**
 * Steps `config` slot by slot. With `resetPools`, both pools are put back to their initial reserves
 * before every slot, so every slot offers the same cross-rollup opportunity (this breaks token
 * conservation, which these runs do not check).
 */
function run(config: ReturnType<typeof resolveMarketConfig>, check: Check, resetPools = false): WorldState {
  const { sim, world: w, bus, lastOutcome } = buildMarketSimulation(config);
  const pools = w.rollups.map((r) => r.pool);
  let rows: readonly RollupSlotRecord[] = [];
  bus.on('slot', (e) => void (rows = e.rollups));
  for (let slot = 0; slot < config.slots; slot++) {
    if (resetPools) w.rollups.forEach((r, i) => void (r.pool = pools[i]!));
    stepSlot(sim, slot);
    check(rows, lastOutcome()!.execution.trace, w);
  }
  return w;
}

/** A point of the closed-form comparison: pools' Y reserves (500 X each), pool fee, reference price, failure probabilities, CEX cost. */
interface Point {
  readonly reserveYA: number;
  readonly reserveYB: number;
  readonly fee: number;
  readonly priceP: number;
  readonly fA: number;
  readonly fB: number;
  readonly costBp: number;
}

/**
 * One cross-rollup arbitrageur alone between two no-user pools on a near-constant reference price
 * (σ = 1e-12 a year), bidding nothing, with zero data fees: what it makes is the cycle's own profit.
 */
function closedFormWorld(pt: Point, bundling: 'atomic' | 'split', slots: number, seed: number) {
  const feeModel = { initialBaseFeePerByte: 0, minBaseFeePerByte: 0 };
  const users = { arrivalsPerSlot: 0 };
  return resolveMarketConfig({
    seed,
    slots,
    reference: { initialPriceYPerX: pt.priceP, sigmaPerYear: 1e-12 },
    rollups: [
      { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: pt.reserveYA, fee: pt.fee }, users, feeModel, inclusionFailureProbability: pt.fA },
      { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: pt.reserveYB, fee: pt.fee }, users, feeModel, inclusionFailureProbability: pt.fB },
    ],
    searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling, bidFraction: 0, unwind: { venue: 'cex', costBp: pt.costBp } }],
  });
}

/**
 * The optimal cycle through two constant-product pools with input fee (Uniswap v2 `getAmountOut`,
 * out = R_out·γ·a/(R_in + γ·a), γ = 1 − fee): buying X with Δ Y on A (reserves X_A, Y_A) and
 * selling it on B gives out(Δ) = aΔ/(b + cΔ) with a = γ²·X_A·Y_B, b = X_B·Y_A,
 * c = γ(X_B + γX_A); out(Δ) − Δ is maximal at out'(Δ) = ab/(b + cΔ)² = 1, Δ* = (√(ab) − b)/c.
 */
function optimalCycle(pt: Point): { dy: number; dx: number; yOut: number } {
  const g = 1 - pt.fee;
  const [xA, yA, xB, yB] = [500, pt.reserveYA, 500, pt.reserveYB];
  const a = g * g * xA * yB;
  const b = xB * yA;
  const c = g * (xB + g * xA);
  const dy = (Math.sqrt(a * b) - b) / c;
  const dx = (xA * g * dy) / (yA + g * dy);
  return { dy, dx, yOut: (yB * g * dx) / (xB + g * dx) };
}

/**
 * Silva & Livshits (2024), "Atomic Execution is Not Enough for Arbitrage Profit Extraction in Shared
 * Sequencers" (arXiv:2410.11552): the buy leg on A fails with f_A, the sell leg on B with f_B,
 * independently; an atomic bundle lands only if neither fails, a lone leg is closed at the external
 * price P. With the optimal cycle (Δ Y in, ΔX, Y_out out) and π = Y_out − Δ:
 *   E[atomic] = (1 − f_A)(1 − f_B)·π;
 *   E[split]  = (1 − f_A)(1 − f_B)·π + (1 − f_A)f_B·π_A + f_A(1 − f_B)·π_B, where a lone buy leg
 *     sells its ΔX at P(1 − k) (k = costBp/1e4): π_A = ΔX·P(1 − k) − Δ = ΔX(P(1 − k) − P*_A), and a
 *     lone sell leg sells its Y_out for X at P, keeping (1 − k): π_B = Y_out(1 − k) − ΔX·P =
 *     ΔX(P*_B(1 − k) − P), with P*_A = Δ/ΔX and P*_B = Y_out/ΔX the legs' effective prices;
 *     neither landing costs nothing (no bid, no fee is paid by what does not land).
 * So E[split] − E[atomic] = (1 − f_A)f_B·π_A + f_A(1 − f_B)·π_B: linear in P, of either sign by where
 * P lies against P*_A and P*_B — the paper's point that atomicity alone need not raise profits. With
 * k = 0 this is their expected-profit difference (non-atomic minus atomic).
 */
function closedFormDifference(pt: Point): { pi: number; diff: number } {
  const { dy, dx, yOut } = optimalCycle(pt);
  const k = pt.costBp / 1e4;
  const piA = dx * pt.priceP * (1 - k) - dy;
  const piB = yOut * (1 - k) - dx * pt.priceP;
  return { pi: yOut - dy, diff: (1 - pt.fA) * pt.fB * piA + pt.fA * (1 - pt.fB) * piB };
}

/** Σ over the searcher's on-chain inventories and CEX account, valued at the reference price (summary's pnl_y). */
const valueOf = (w: WorldState) => {
  const p = w.refPriceYPerX;
  const s = w.searchers[0]!;
  return [...s.onchain, s.cex].reduce((a, b) => a + b.X * p + b.Y, 0);
};

/**
 * Each slot's profit of the arbitrageur, read from the table: with a lone leg, minus its
 * `leg_failure_loss_y` (the leg and its CEX unwind together); else the legs' `cross_arb_profit_y`.
 */
function slotProfits(config: ReturnType<typeof resolveMarketConfig>): { profits: number[]; landed: number; atomicFailures: number[]; total: number } {
  const profits: number[] = [];
  let landed = 0;
  const atomicFailures = [0, 0];
  const w = run(config, (rows) => {
    rows.forEach((r, i) => void (atomicFailures[i]! += r.atomicFailures));
    const lone = rows.some((r) => r.legFailures > 0);
    const profit = lone ? -rows.reduce((a, r) => a + r.legFailureLossY, 0) : rows.reduce((a, r) => a + r.crossArbProfitY, 0);
    if (rows[0]!.crossArbLegs > 0 && rows[1]!.crossArbLegs > 0) landed++;
    profits.push(profit);
  }, true);
  return { profits, landed, atomicFailures, total: valueOf(w) };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

describe('Silva & Livshits (2024): expected profit of split minus atomic cross-rollup arbitrage, by simulation', () => {
  const slots = 3000;
  // Point 1: P between the pools' prices (1980 and 2020), fee 30 bp: both lone legs gain at P, split beats atomic.
  // Point 2: P = 1950 below both (1990, 2030), fee 10 bp, a costlier CEX: a lone buy leg loses, a lone
  // sell leg gains; with the sell leg the likelier to fail, atomic beats split.
  const points: [string, Point][] = [
    ['P inside the pools\' prices, fee 30 bp, f_A = 0.2, f_B = 0.3, 10 bp unwind', { reserveYA: 990_000, reserveYB: 1_010_000, fee: 0.003, priceP: 2000, fA: 0.2, fB: 0.3, costBp: 10 }],
    ['P below both pools\' prices, fee 10 bp, f_A = 0.1, f_B = 0.4, 30 bp unwind', { reserveYA: 995_000, reserveYB: 1_015_000, fee: 0.001, priceP: 1950, fA: 0.1, fB: 0.4, costBp: 30 }],
  ];
  for (const [name, pt] of points) {
    it(`${name}: within 4 standard errors of the closed form`, () => {
      const { pi, diff } = closedFormDifference(pt);
      const atomic = slotProfits(closedFormWorld(pt, 'atomic', slots, 11));
      const split = slotProfits(closedFormWorld(pt, 'split', slots, 12));
      // The table's per-slot profits add up to what the searcher holds (summary.json's pnl_y).
      expect(mean(atomic.profits) * slots).toBeCloseTo(atomic.total, 6);
      expect(mean(split.profits) * slots).toBeCloseTo(split.total, 6);
      // Every slot where both legs landed made exactly π.
      const full = atomic.profits.filter((x) => x !== 0);
      expect(full.length).toBe(atomic.landed);
      for (const x of full) expect(x / pi).toBeCloseTo(1, 9);
      // The atomic bundle lands with (1 − f_A)(1 − f_B), each rollup's draw failing with its f (binomial, 4 SE).
      const within = (k: number, q: number) => expect(Math.abs(k / slots - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / slots));
      within(atomic.landed, (1 - pt.fA) * (1 - pt.fB));
      within(atomic.atomicFailures[0]!, pt.fA);
      within(atomic.atomicFailures[1]!, pt.fB);
      const measured = mean(split.profits) - mean(atomic.profits);
      const se = Math.sqrt(variance(split.profits) / slots + variance(atomic.profits) / slots);
      console.log(`${name}: E[split] − E[atomic] measured ${measured.toFixed(4)} ± ${se.toFixed(4)} Y (SE), closed form ${diff.toFixed(4)} Y; π = ${pi.toFixed(4)} Y`);
      expect(Math.abs(diff)).toBeGreaterThan(4 * se); // the difference is resolved, not lost in noise
      expect(Math.abs(measured - diff)).toBeLessThan(4 * se);
    });
  }
});

/** Two busy rollups with CEX-DEX arbitrageurs and a split cross-rollup arbitrageur. */
function busyWorld(overrides: { sequencing?: object; fA?: number; fB?: number; unwind?: object; slots?: number; sigma?: number } = {}) {
  const users = { arrivalsPerSlot: 3, medianSizeY: 20_000, sizeLogSd: 0.5, slippageTolerance: 0.02 };
  return resolveMarketConfig({
    seed: 5,
    slots: overrides.slots ?? 600,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: overrides.sigma ?? 1.5 },
    rollups: [
      { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 }, users, inclusionFailureProbability: overrides.fA ?? 0 },
      { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users, inclusionFailureProbability: overrides.fB ?? 0 },
    ],
    searchers: [
      { kind: 'cex-dex', id: 'arb-A', rollup: 'A', latencyMs: 300 },
      { kind: 'cex-dex', id: 'arb-B', rollup: 'B', latencyMs: 300 },
      { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'split', ...(overrides.unwind ? { unwind: overrides.unwind } : {}) },
    ],
    ...(overrides.sequencing ? { sequencing: overrides.sequencing } : {}),
  });
}

describe('inclusion failures per rollup', () => {
  it('a bundle that won but failed to land is credited what happened for every action of its grid: no regret from the rollup\'s failure', () => {
    const pt: Point = { reserveYA: 990_000, reserveYB: 1_010_000, fee: 0.003, priceP: 2000, fA: 1, fB: 0, costBp: 0 };
    const countered = (fA: number) => {
      const w = run(closedFormWorld({ ...pt, fA }, 'atomic', 50, 3), () => {}, true);
      return w.searchers[0]!.bidding;
    };
    const never = countered(1); // A never lands: every atomic bundle fails, nothing is paid or earned
    expect(never.auctions).toBe(50);
    expect(never.payoffY).toBe(0);
    expect(never.counterfactualY.length).toBeGreaterThan(1);
    expect(never.counterfactualY.every((v) => v === 0)).toBe(true);
    expect(countered(0).counterfactualY.some((v) => v > 0)).toBe(true); // landing, the replay credits winning bids
  });

  it('leave every other stream aligned: the same users arrive, slot by slot, with or without them', () => {
    const arrivals = (config: ReturnType<typeof busyWorld>) => {
      const out: number[] = [];
      run(config, (rows) => void out.push(rows[0]!.userCount, rows[1]!.userCount));
      return out;
    };
    expect(arrivals(busyWorld({ fA: 0.5, fB: 0.2, slots: 200 }))).toEqual(arrivals(busyWorld({ slots: 200 })));
  });

  it('under separate sequencing a split leg lands with (1 − legFailureProbability)(1 − f_r), an inclusion failure drawn for every included leg (binomial, 4 SE)', () => {
    const p = 0.2;
    const fA = 0.3;
    // The cross-rollup arbitrageur alone at the top of each block, unwinding at the CEX: none of its legs can revert.
    const base = busyWorld({ sequencing: { mode: 'separate', legFailureProbability: p }, fA, unwind: { venue: 'cex', costBp: 5 } });
    const config = resolveMarketConfig({ ...base, searchers: base.searchers.filter((s) => s.kind === 'cross-rollup') });
    const n = [0, 0];
    const landed = [0, 0];
    const failed = [0, 0];
    run(config, (rows) => {
      rows.forEach((r, i) => {
        n[i]! += r.bidCount;
        landed[i]! += r.crossArbLegs;
        failed[i]! += r.legInclusionFailures;
        expect(r.atomicFailures).toBe(0); // nothing atomic under separate
      });
    });
    const within = (k: number, m: number, q: number) => expect(Math.abs(k / m - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / m));
    expect(n[0]).toBeGreaterThan(200);
    within(failed[0]!, n[0]!, fA);
    within(landed[0]!, n[0]!, (1 - p) * (1 - fA));
    expect(failed[1]).toBe(0); // f_B = 0
    within(landed[1]!, n[1]!, 1 - p); // B's legs only fail as before
  });
});

/** `busyWorld` with the cross-rollup arbitrageur alone (no other searcher's swaps on either pool). */
function crossOnly(overrides: Parameters<typeof busyWorld>[0]) {
  const base = busyWorld(overrides);
  return resolveMarketConfig({ ...base, searchers: base.searchers.filter((s) => s.kind === 'cross-rollup') });
}

describe('unwinding venues', () => {
  it('cex: a lone leg is sold at once at the reference price less costBp, booked on its rollup in the same slot; rollup tokens stay conserved', () => {
    const k = 25 / 1e4;
    let lone = 0;
    const w = run(crossOnly({ fA: 0.3, fB: 0.3, unwind: { venue: 'cex', costBp: 25 } }), (rows, trace, ws) => {
      expect(trace.some((e) => e.kind === 'unwind')).toBe(false); // nothing is unwound on-chain
      expect(ws.searchers[0]!.openLegs).toEqual([]);
      for (let r = 0; r < 2; r++) {
        for (const t of ['X', 'Y'] as const) expect(Math.abs(supplyDrift(ws, r, t))).toBeLessThan(1e-9 * ws.rollups[r]!.initialSupply[t]);
        const row = rows[r]!;
        if (row.legFailures === 0) {
          expect(row.legFailureLossY).toBe(0);
          continue;
        }
        lone++;
        // Its loss is the leg's gross profit given back plus k of what it bought (worth profit + input at P).
        expect(row.legFailureLossY + row.crossArbProfitY).toBeCloseTo(k * (row.crossArbProfitY + row.arbVolumeY), 6);
      }
    });
    expect(lone).toBeGreaterThan(50);
    expect(w.searchers[0]!.cex.X).not.toBe(0); // the CEX side is where the unwinds went
  });

  it('hold with horizonSlots 0 is the pool venue, byte for byte', () => {
    const rowsOf = (unwind: object) => {
      const out: string[] = [];
      run(crossOnly({ fA: 0.3, unwind, slots: 300 }), (rows) => void out.push(JSON.stringify(rows)));
      return out;
    };
    expect(rowsOf({ venue: 'hold', horizonSlots: 0 })).toEqual(rowsOf({ venue: 'pool' }));
  });

  it('hold: a lone leg is unwound in its pool at the first block where that loses nothing, and at the horizon at the latest', () => {
    const horizon = 5;
    const lifetimes: number[] = [];
    const born = new Map<number, number>();
    let slot = 0;
    run(crossOnly({ fA: 0.3, fB: 0.3, unwind: { venue: 'hold', horizonSlots: horizon } }), (rows, trace, ws) => {
      const legs = ws.searchers[0]!.openLegs;
      for (const leg of legs) {
        expect(leg.heldBlocks).toBeLessThan(horizon);
        if (!born.has(leg.amount)) born.set(leg.amount, slot);
      }
      const open = new Set(legs.map((l) => l.amount));
      const gone = [...born.keys()].filter((a) => !open.has(a));
      for (const a of gone) {
        const life = slot - born.get(a)!;
        lifetimes.push(life);
        // An early exit happens only when the leg and its unwind lose nothing at the reference price.
        if (life < horizon && gone.length === 1) expect(rows.reduce((x, r) => x + r.legFailureLossY, 0)).toBeLessThanOrEqual(1e-9);
        born.delete(a);
      }
      if (gone.length > 0) expect(trace.some((e) => e.kind === 'unwind')).toBe(true);
      slot++;
    });
    expect(lifetimes.length).toBeGreaterThan(30);
    expect(Math.max(...lifetimes)).toBe(horizon); // the horizon binds for some
    expect(lifetimes.some((l) => l < horizon)).toBe(true); // others leave early, at no loss
  });
});

describe('checkpoints', () => {
  it('a run with inclusion failures and held legs restored from its JSON snapshot continues exactly as a straight run', () => {
    const config = busyWorld({ fA: 0.3, fB: 0.2, unwind: { venue: 'hold', horizonSlots: 6 }, slots: 300 });
    const straightRows: unknown[] = [];
    const straight = MarketRun.start(config, { onRow: (r) => void straightRows.push(r) });
    straight.step(300);
    const rows: unknown[] = [];
    const first = MarketRun.start(config, { onRow: (r) => void rows.push(r) });
    first.step(137);
    const snap = JSON.parse(JSON.stringify(first.snapshot()));
    expect(Object.keys(snap.streams)).toContain('inclusion');
    MarketRun.restore(config, snap, { onRow: (r) => void rows.push(r) }).step(300);
    expect(JSON.stringify(rows)).toBe(JSON.stringify(straightRows));
  });
});
