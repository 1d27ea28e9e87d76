import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { RandomStreams } from '../../src/engine/randomStreams.js';
import { slotContext } from '../../src/engine/simulation.js';
import { optimalArbAgainstPrice } from '../../src/market/arbitrage/index.js';
import { admitArrivals, drawArrivals } from '../../src/marketModel/phases/arrivals.js';
import { runAuctions } from '../../src/marketModel/phases/auction.js';
import { buildCandidates } from '../../src/marketModel/phases/build.js';
import { runCounterfactuals } from '../../src/marketModel/phases/counterfactual.js';
import { referencePriceStep } from '../../src/marketModel/phases/exogenous.js';
import { searchBundles } from '../../src/marketModel/phases/search.js';
import { createRuntime } from '../../src/marketModel/runtime.js';
import { createWorld, persistentState } from '../../src/marketModel/world.js';
import { smallConfig } from '../cli/helpers.js';

/*
 * Each deciding phase as a unit (decide, then apply): it reads the world and returns its decision,
 * and the world is exactly as it was — the persistent state, compared as a whole, before and after.
 */
function setup(overrides: Record<string, unknown> = {}) {
  const config = resolveMarketConfig(
    smallConfig({
      rollups: [
        // Pool A prices X at 1,800 Y against a reference of 2,000: a CEX-DEX arbitrage is open.
        { id: 'A', gasToken: 'Y', pool: { reserveX: 1000, reserveY: 1_800_000, fee: 0 }, users: { arrivalsPerSlot: 3, privateFraction: 0 } },
        { id: 'B', gasToken: 'Y', pool: { reserveX: 1000, reserveY: 2_000_000, fee: 0 }, users: { arrivalsPerSlot: 3, privateFraction: 0 } },
      ],
      searchers: [
        { kind: 'cex-dex', id: 'arb-A', rollup: 'A', bidFraction: 0.5 },
        { kind: 'cex-dex', id: 'arb-A2', rollup: 'A', bidFraction: 0.8 },
        { kind: 'backrun', id: 'br-B', rollup: 'B', bidFraction: 0.5 },
        { kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'split' },
      ],
      ...overrides,
    }),
  );
  const world = createWorld(config);
  const rt = createRuntime(new RandomStreams(config.seed));
  return { config, world, rt, ctx: slotContext(config.clock, 0) };
}

describe('deciding phases read the world and leave it unchanged', () => {
  it('reference price: returns the next GBM price; the world keeps the old one', () => {
    const { world, rt, ctx } = setup();
    const before = persistentState(world);
    const next = referencePriceStep(rt)(world, ctx);
    expect(persistentState(world)).toEqual(before);
    expect(next).toBeGreaterThan(0);
    expect(next).not.toBe(world.refPriceYPerX);
  });

  it('arrivals: swaps numbered on from nextUserId, sorted by arrival in the slot; only admitting them changes the world', () => {
    const { world, rt, ctx } = setup();
    const before = persistentState(world);
    const arrivals = drawArrivals(rt)(world, ctx);
    expect(persistentState(world)).toEqual(before);
    const ids = arrivals.flat().map((u) => u.id);
    expect(ids).toEqual(ids.map((_, i) => i));
    for (const list of arrivals) {
      for (const u of list) expect(u.arrivalMs >= ctx.startMs && u.arrivalMs < ctx.endMs).toBe(true);
      expect(list.map((u) => u.arrivalMs)).toEqual([...list.map((u) => u.arrivalMs)].sort((a, b) => a - b));
    }
    admitArrivals(world, arrivals);
    expect(world.nextUserId).toBe(ids.length);
    expect(world.rollups.map((r) => r.pending.length)).toEqual(arrivals.map((a) => a.length));
  });

  it('search: each searcher’s bundles at its value; split legs share the slot’s group id; the world is unchanged', () => {
    const { world, rt, ctx } = setup();
    admitArrivals(world, drawArrivals(rt)(world, ctx));
    const before = persistentState(world);
    const { bundles, nextGroupId } = searchBundles(rt)(world, ctx);
    expect(persistentState(world)).toEqual(before);
    const profit = optimalArbAgainstPrice(world.rollups[0]!.pool, world.refPriceYPerX).profitY;
    const arbs = bundles.filter((b) => b.kind === 'cex-dex');
    expect(arbs.map((b) => b.valueY)).toEqual([profit, profit]);
    expect(arbs.map((b) => b.bidY)).toEqual([0.5 * profit, 0.8 * profit]);
    const legs = bundles.filter((b) => b.kind === 'cross-rollup');
    expect(legs).toHaveLength(2);
    expect(legs.every((b) => b.group === 0)).toBe(true);
    expect(nextGroupId).toBe(1);
    // The backrunner bids behind every public swap it can profit from on B (all are public here).
    expect(bundles.filter((b) => b.kind === 'backrun').every((b) => b.target.kind === 'backrun' && b.target.rollup === 1)).toBe(true);
  });

  it('auction without builders (first-price per position): the higher bid wins the top of A and pays its bid; the world is unchanged', () => {
    const { world, rt, ctx } = setup();
    const { bundles } = searchBundles(rt)(world, ctx);
    const before = persistentState(world);
    const sold = runAuctions(rt)(world, bundles, buildCandidates(rt)(world, bundles), 0);
    expect(persistentState(world)).toEqual(before);
    const topOfA = sold.allocated.filter((a) => a.bundle.target.kind === 'top' && a.bundle.target.rollups.includes(0));
    const best = Math.max(...bundles.filter((b) => b.target.kind === 'top' && b.target.rollups.includes(0)).map((b) => b.bidY));
    expect(topOfA).toHaveLength(1);
    expect(topOfA[0]!.bundle.bidY).toBe(best);
    expect(topOfA[0]!.paymentGas).toBe(topOfA[0]!.bundle.bidGas);
    expect(sold.tally.map((t) => t.bidCount)).toEqual([0, 1].map((r) => bundles.filter((b) => (b.target.kind === 'top' ? b.target.rollups.includes(r) : b.target.rollup === r)).length));
    expect(sold.proposers).toEqual([0, 0]);
  });

  it('build and auction with builders: each builder bids (1 − margin) × its block’s value; first-price sells to the highest; the world is unchanged', () => {
    const { world, rt, ctx } = setup({ builders: [{ id: 'b1', margin: 0.1 }, { id: 'b2', margin: 0.3 }] });
    const { bundles } = searchBundles(rt)(world, ctx);
    const before = persistentState(world);
    const candidates = buildCandidates(rt)(world, bundles);
    const sold = runAuctions(rt)(world, bundles, candidates, 0);
    expect(persistentState(world)).toEqual(before);
    const values = candidates.map((c) => c.valueByRollupY.reduce((a, v) => a + v, 0));
    const block = sold.blocks[0]!;
    expect(block.bidsY[0]).toBeCloseTo(0.9 * values[0]!, 9);
    expect(block.bidsY[1]).toBeCloseTo(0.7 * values[1]!, 9);
    expect(block.builder).toBe(block.bidsY[0]! >= block.bidsY[1]! ? 0 : 1);
    expect(block.payments!.toProposerY).toBeCloseTo(Math.max(...block.bidsY), 9);
  });

  it('counterfactuals: v({r}) per rollup and the surplus v(N) − Σ v({r}), computed without changing the world', () => {
    const { world, rt, ctx } = setup({ revenueSharing: { counterfactuals: true } });
    const { bundles } = searchBundles(rt)(world, ctx);
    const candidates = buildCandidates(rt)(world, bundles);
    const before = persistentState(world);
    const cf = runCounterfactuals(rt)(world, bundles, candidates);
    expect(persistentState(world)).toEqual(before);
    const [a, b] = cf.tally;
    expect(a!.coalitionValueY).toBe(b!.coalitionValueY);
    expect(a!.sharingSurplusY).toBeCloseTo(a!.coalitionValueY - a!.standaloneValueY - b!.standaloneValueY, 9);
    expect(a!.standaloneValueY).toBeGreaterThan(0); // A has an open arbitrage
  });
});
