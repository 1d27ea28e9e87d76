import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import type { SlotOutcome, TraceEntry } from '../../src/marketModel/slot.js';
import type { RollupSlotRecord } from '../../src/marketModel/slotRecord.js';
import type { WorldState } from '../../src/marketModel/types.js';

/** Two rollups with busy public flow and every kind of searcher; `overrides` set policies and modes. */
function world(overrides: Record<string, unknown> = {}, ordering: [string, string] = ['auction', 'auction']) {
  const users = { arrivalsPerSlot: 4, medianSizeY: 20_000, sizeLogSd: 0.5, slippageTolerance: 0.02 };
  return resolveMarketConfig({
    seed: 9,
    slots: 300,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 1.5 },
    rollups: [
      { id: 'A', gasToken: 'X', ordering: ordering[0], pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 }, users },
      { id: 'B', gasToken: 'Y', ordering: ordering[1], pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 }, users },
    ],
    searchers: [
      { kind: 'cex-dex', id: 'arb-A', rollup: 'A', latencyMs: 300 },
      { kind: 'cex-dex', id: 'arb-B', rollup: 'B', latencyMs: 300 },
      { kind: 'backrun', id: 'br-A', rollup: 'A', latencyMs: 20 },
      { kind: 'backrun', id: 'br-A-slow', rollup: 'A', latencyMs: 80, bidFraction: 0.9 },
      { kind: 'sandwich', id: 'sw-A', rollup: 'A', bidFraction: 0.9 },
      { kind: 'sandwich', id: 'sw-B', rollup: 'B', bidFraction: 0.9 },
      { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'atomic' },
    ],
    ...overrides,
  });
}

/** What a check sees after each slot: the trace, the world, what the slot decided, its records. */
type Check = (trace: readonly TraceEntry[], w: WorldState, out: SlotOutcome, rows: readonly RollupSlotRecord[]) => void;

/** Steps every slot, handing each slot's trace, world, outcome and per-rollup records to `check`. */
function runChecking(config: ReturnType<typeof world>, check: Check): WorldState {
  const { sim, world: w, bus, lastOutcome } = buildMarketSimulation(config);
  let rows: readonly RollupSlotRecord[] = [];
  bus.on('slot', (e) => void (rows = e.rollups));
  for (let slot = 0; slot < config.slots; slot++) {
    stepSlot(sim, slot);
    const out = lastOutcome()!;
    check(out.execution.trace, w, out, rows);
  }
  return w;
}

const searcherKinds = new Set(['cex-dex', 'cross-rollup', 'backrun', 'sandwich-front', 'sandwich-back']);

describe('ordering policies', () => {
  it('fcfs: no searcher bundle ever executes ahead of a user swap that arrived earlier', () => {
    let bundlesOnA = 0;
    let usersOnA = 0;
    runChecking(world({}, ['fcfs', 'auction']), (trace) => {
      const onA = trace.filter((e) => e.rollup === 0);
      onA.forEach((e, i) => {
        if (!searcherKinds.has(e.kind)) return;
        bundlesOnA++;
        // Every user swap executed after this bundle arrived no earlier than it.
        for (const later of onA.slice(i + 1)) if (later.kind === 'user') expect(later.timeMs).toBeGreaterThanOrEqual(e.timeMs);
      });
      usersOnA += onA.filter((e) => e.kind === 'user').length;
      expect(onA.some((e) => e.kind === 'sandwich-front')).toBe(false);
    });
    expect(bundlesOnA).toBeGreaterThan(100); // the check ran on real bundles
    expect(usersOnA).toBeGreaterThan(500);
  });

  it('fcfs: latency, not the bid, decides who is first behind a swap', () => {
    let both = 0;
    const w = runChecking(world({}, ['fcfs', 'auction']), (trace, ws) => {
      const fast = ws.searchers.findIndex((s) => s.id === 'br-A');
      const slow = ws.searchers.findIndex((s) => s.id === 'br-A-slow');
      const backruns = trace.filter((e) => e.kind === 'backrun');
      for (const e of backruns.filter((b) => b.searcher === slow)) {
        const fastOne = backruns.findIndex((b) => b.searcher === fast && b.userId === e.userId);
        if (fastOne < 0) continue;
        both++;
        expect(fastOne).toBeLessThan(backruns.indexOf(e)); // the faster one, though it bids less, went first
      }
    });
    const wins = (id: string) => w.searchers.find((s) => s.id === id)!.record.wins;
    // The slow one only profits when a later swap moved the price again before its arrival.
    expect(wins('br-A')).toBeGreaterThan(3 * wins('br-A-slow'));
    expect(both).toBeGreaterThan(0);
  });

  it('timeboost: as fcfs nothing goes ahead of a swap placed earlier and nothing is sandwiched; only the controller skips the 200 ms delay', () => {
    let controlled = 0;
    let delayed = 0;
    runChecking(world({}, ['timeboost', 'auction']), (trace, ws, out, rows) => {
      const onA = trace.filter((e) => e.rollup === 0);
      onA.forEach((e, i) => {
        if (!searcherKinds.has(e.kind)) return;
        for (const later of onA.slice(i + 1)) if (later.kind === 'user') expect(later.timeMs).toBeGreaterThanOrEqual(e.timeMs);
      });
      expect(onA.some((e) => e.kind === 'sandwich-front')).toBe(false);
      // Each executed CEX-DEX or backrun bundle on A takes its place at its arrival if it is the
      // controller's, else 200 ms later.
      const controller = rows[0]!.expressLaneController;
      for (const e of onA) {
        if (e.kind !== 'cex-dex' && e.kind !== 'backrun') continue;
        const b = out.search.bundles.find((x) => x.searcher === e.searcher && x.bidRollup === 0 && (e.kind === 'backrun' ? x.target.kind === 'backrun' && x.target.userId === e.userId : x.target.kind === 'top'))!;
        const mine = ws.searchers[e.searcher!]!.id === controller;
        expect(e.timeMs).toBe(b.arrivalMs + (mine ? 0 : 200));
        if (mine) controlled++;
        else delayed++;
      }
    });
    expect(controlled).toBeGreaterThan(20);
    expect(delayed).toBeGreaterThan(20);
  });

  it('auction ordering: the same world does see sandwiches, on both rollups', () => {
    let sandwiches = 0;
    runChecking(world(), (trace) => void (sandwiches += trace.filter((e) => e.kind === 'sandwich-front').length));
    expect(sandwiches).toBeGreaterThan(50);
  });

  it('encrypted: no sandwich ever executes there, and no backrun targets its swaps', () => {
    let elsewhere = 0;
    runChecking(world({}, ['encrypted', 'auction']), (trace) => {
      const onA = trace.filter((e) => e.rollup === 0);
      expect(onA.some((e) => e.kind === 'sandwich-front' || e.kind === 'sandwich-back' || e.kind === 'backrun')).toBe(false);
      elsewhere += trace.filter((e) => e.rollup === 1 && e.kind === 'sandwich-front').length;
    });
    expect(elsewhere).toBeGreaterThan(10); // B still auctions its order: sandwiches happen there
  });
});

describe('sequencing modes', () => {
  it('shared: an atomic cross-rollup bundle executes on both legs or on neither', () => {
    let atomic = 0;
    runChecking(world(), (_t, _w, _o, rows) => {
      expect(rows[0]!.crossArbLegs).toBe(rows[1]!.crossArbLegs);
      atomic += rows[0]!.crossArbLegs;
      expect(rows[0]!.legFailures + rows[1]!.legFailures).toBe(0);
    });
    expect(atomic).toBeGreaterThan(5);
  });

  it('separate: the same searcher bids leg by leg; lone legs are counted, held and unwound next block at a booked loss', () => {
    let failures = 0;
    let unwinds = 0;
    const w = runChecking(world({ sequencing: { mode: 'separate', legFailureProbability: 0.3 } }), (trace, _w, _o, rows) => {
      failures += rows[0]!.legFailures + rows[1]!.legFailures;
      unwinds += trace.filter((e) => e.kind === 'unwind').length;
    });
    expect(failures).toBeGreaterThan(5);
    // Every lone leg but possibly the last block's is unwound at the top of the next block.
    expect(unwinds).toBeGreaterThanOrEqual(failures - 2);
    expect(w.searchers.find((s) => s.id === 'x')!.record.legFailureLossY).not.toBe(0);
  });

  it('the proposer is drawn in proportion to stake (binomial, 4 standard errors)', () => {
    const n = 2000;
    const config = world({ slots: n, validators: [{ id: 'small', stake: 1 }, { id: 'big', stake: 3 }] });
    let big = 0;
    runChecking(config, (_t, _w, out) => void (big += out.auction.proposers[0] === 1 ? 1 : 0));
    expect(Math.abs(big / n - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / n));
  });
});

describe('builders', () => {
  const builders = [
    { id: 'b-exclusive', skill: 0, margin: 0.1 },
    { id: 'b-skilled', skill: 1, margin: 0.1 },
  ];

  it('a builder with no skill sees only its exclusive flow; exclusive bundles reach only their builder', () => {
    const base = world();
    const searchers = base.searchers.map((s) => (s.id === 'br-A' ? { ...s, exclusiveBuilder: 'b-exclusive' } : s));
    const config = resolveMarketConfig({ ...base, searchers, builders });
    runChecking(config, (_t, w, out) => {
      const exclusiveOnly = out.candidates[0]!.included.every((b) => w.searchers[b.searcher]!.id === 'br-A');
      expect(exclusiveOnly).toBe(true);
      expect(out.candidates[1]!.included.some((b) => w.searchers[b.searcher]!.id === 'br-A')).toBe(false);
    });
  });

  it('first-price among builders: the winner pays its bid, (1 − margin) of its block value, to the proposer', () => {
    const config = resolveMarketConfig({ ...world(), builders });
    runChecking(config, (_t, _w, out) => {
      const block = out.auction.blocks[0]!;
      if (block.builder === null) return;
      const value = out.candidates[block.builder]!.valueByRollupY.reduce((a, v) => a + v, 0);
      expect(block.payments!.toProposerY).toBeCloseTo(0.9 * value, 9);
      expect(Math.max(...block.bidsY)).toBe(block.bidsY[block.builder]);
    });
  });
});
