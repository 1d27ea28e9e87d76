import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { runSlots } from '../../src/engine/simulation.js';
import type { Allocated, Bundle, UserSwap } from '../../src/market/orders/types.js';
import { executionPlan, type PlanItem } from '../../src/marketModel/executionPlan.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { auctionedSpace, blockSpace, localPart } from '../../src/marketModel/partialBlock.js';
import type { WorldState } from '../../src/marketModel/types.js';
import { cli, tempDir } from '../cli/helpers.js';

/*
 * The partial-block auction in the market (issue 13, item 3): builders sell only the top
 * ⌈share × N⌉ bundles of the block's space (N: the slot's bundles for sale that fit one block by
 * position), the proposer builds the rest itself (greedy by bid or fcfs) and is paid those bids
 * directly. With share = 1 it is a first-price block auction.
 */

const SCENARIO = 'configs/scenarios/shared-vs-separate.json';
const SLOTS = 300;
const partial = (params: Record<string, unknown>) => `mechanism=${JSON.stringify({ name: 'partial-block', ...params })}`;

async function tableHash(sets: readonly string[]): Promise<string> {
  const out = join(tempDir('seqsim-partial-'), 'run');
  const r = await cli('run', SCENARIO, ...sets.flatMap((s) => ['--set', s]), '--slots', String(SLOTS), '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return createHash('sha256').update(readFileSync(join(out, 'slots.csv'))).digest('hex');
}

describe('partial-block vs first-price on one seed (slots.csv)', () => {
  it('share = 1 sells the whole block: byte-identical to first-price; share < 1 (greedy or fcfs) differs', async () => {
    const firstPrice = await tableHash([]);
    expect(await tableHash([partial({ topOfBlockShare: 1 })])).toBe(firstPrice);
    const greedy = await tableHash([partial({ topOfBlockShare: 0.25 })]);
    const fcfs = await tableHash([partial({ topOfBlockShare: 0.25, localBuild: 'fcfs' })]);
    expect(greedy).not.toBe(firstPrice);
    expect(fcfs).not.toBe(firstPrice);
    expect(fcfs).not.toBe(greedy);
  });
});

/** N counted directly: every top-of-block bundle, and one per user swap some bundle targets. */
function spaceOf(bundles: readonly Bundle[]): number {
  const users = new Set(bundles.flatMap((b) => (b.target.kind === 'top' ? [] : [b.target.userId])));
  return bundles.filter((b) => b.target.kind === 'top').length + users.size;
}

describe.each(['greedy', 'fcfs'] as const)('partial-block with share 0.25, local build %s, every slot', (localBuild) => {
  it('builders value their top ⌈share × N⌉ bundles, the winner executes at most that many; the proposer is paid the builder\'s price plus the local part\'s bids', () => {
    const share = 0.25;
    const config = loadConfig(SCENARIO, [partial({ topOfBlockShare: share, localBuild }), `slots=${SLOTS}`]) as MarketConfig;
    const ms = buildMarketSimulation(config);
    let slotsWithLocal = 0;
    let slotsCapped = 0; // the winner's whole block was larger than the auctioned space
    let localTotalY = 0;
    let revenueTotalY = 0;
    const p = () => ms.world.refPriceYPerX;
    ms.bus.on('slot', () => {
      const o = ms.lastOutcome()!;
      const forSale = o.search.bundles; // shared sequencing, no fcfs rollup: one block, every bundle for sale
      expect(o.auction.blocks).toHaveLength(1);
      const cap = Math.ceil(share * spaceOf(forSale) - 1e-9);
      const auctioned = o.execution.executed.filter((a) => a.localBuild === undefined);
      const local = o.execution.executed.filter((a) => a.localBuild !== undefined);
      expect(auctioned.length).toBeLessThanOrEqual(cap);
      // The local part is the proposer's own: at most the rest of the space, never a builder's.
      expect(o.auction.allocated.filter((a) => a.localBuild !== undefined).length).toBeLessThanOrEqual(spaceOf(forSale) - cap);
      expect(local.every((a) => a.localBuild === localBuild)).toBe(true);
      if (local.length > 0) slotsWithLocal++;
      // Builders value (and bid on) only their auctioned part: the k highest bids of their block, less their cost.
      o.candidates.forEach((c, i) => {
        const topK = c.included.map((b) => b.bidY).sort((a, b) => b - a).slice(0, cap).reduce((a, v) => a + v, 0);
        const expected = Math.max(0, topK - config.builders[i]!.costY);
        expect(Math.abs(o.auction.blocks[0]!.valuesY[i]! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      });
      const winner = o.auction.blocks[0]!.builder;
      if (winner !== null && o.candidates[winner]!.included.length > cap) slotsCapped++;
      const localY = local.reduce((a, { bundle, paymentGas }) => a + (ms.world.rollups[bundle.bidRollup]!.gasToken === 'X' ? paymentGas * p() : paymentGas), 0);
      const builderPaysY = o.auction.blocks[0]!.payments!.toProposerY;
      const revenueY = o.settlement.reduce((a, s) => a + s.proposerRevenueY, 0);
      expect(Math.abs(revenueY - (builderPaysY + localY))).toBeLessThanOrEqual(1e-9 * Math.max(1, revenueY));
      // The two parts add up to the bids paid.
      for (const s of o.settlement) expect(Math.abs(s.auctionedPartY + s.localPartY - s.winningBidY)).toBeLessThanOrEqual(1e-9 * Math.max(1, s.winningBidY));
      localTotalY += localY;
      revenueTotalY += revenueY;
    });
    runSlots(ms.sim, 0, SLOTS);
    expect(slotsWithLocal).toBeGreaterThan(SLOTS / 10);
    expect(slotsCapped).toBeGreaterThan(SLOTS / 10);
    expect(localTotalY).toBeGreaterThan(0);
    expect(localTotalY).toBeLessThan(revenueTotalY);
  });
});

describe('block space and the local part (partialBlock.ts)', () => {
  const top = (bidY: number, arrivalMs: number, rollups = [0]): Bundle => ({ searcher: 0, kind: 'cex-dex', target: { kind: 'top', rollups }, legs: [], valueY: bidY, bidRollup: rollups[0]!, bidGas: bidY, bidY, hedge: false, arrivalMs });
  const back = (userId: number, bidY: number, arrivalMs: number): Bundle => ({ ...top(bidY, arrivalMs), kind: 'backrun', target: { kind: 'backrun', rollup: 0, userId } });
  const none = () => 0.5;

  it('N counts every top and one bundle per targeted user; k = ⌈share × N⌉ without rounding up 0.3 × 10', () => {
    expect(blockSpace([top(1, 0), top(2, 0, [0, 1]), back(7, 1, 0), back(7, 2, 0), back(8, 1, 0)])).toBe(4);
    expect(auctionedSpace(0.3, 10)).toBe(3);
    expect(auctionedSpace(0.25, 5)).toBe(2);
    expect(auctionedSpace(1, 7)).toBe(7);
    expect(auctionedSpace(0.01, 0)).toBe(0);
  });

  it('greedy takes by bid, fcfs by arrival, each skipping positions already held, up to the capacity', () => {
    const early = back(1, 1, 100);
    const rich = back(1, 5, 900);
    const other = back(2, 3, 500);
    const onTop = top(9, 50);
    const held = [top(4, 0)]; // the auctioned part holds rollup 0's top
    expect(localPart([early, rich, other, onTop], held, 5, 'greedy', none)).toEqual([rich, other]);
    expect(localPart([early, rich, other, onTop], held, 5, 'fcfs', none)).toEqual([early, other]);
    expect(localPart([early, rich, other], [], 1, 'greedy', none)).toEqual([rich]);
    expect(localPart([early, rich, other], [], 0, 'greedy', none)).toEqual([]);
  });
});

describe('execution order of the local part (executionPlan)', () => {
  const slotStartMs = 0;
  const user: UserSwap = { id: 1, rollup: 0, arrivalMs: 100, tokenIn: 'Y', amountIn: 10, minAmountOut: 0, isPrivate: false };
  const world = { config: { rollups: [{ ordering: 'auction' }] }, searchers: [], rollups: [{ pending: [user] }] } as unknown as WorldState;
  const bundle = (searcher: number, arrivalMs: number): Bundle => ({ searcher, kind: 'cex-dex', target: { kind: 'top', rollups: [0] }, legs: [], valueY: 1, bidRollup: 0, bidGas: 1, bidY: 1, hedge: false, arrivalMs });
  const auctioned: Allocated = { bundle: bundle(0, 10), paymentGas: 1 };
  const order = (plan: PlanItem[]) => plan.map((i) => (i.kind === 'user' ? 'user' : i.kind === 'bundle' ? `s${i.won.bundle.searcher}` : i.kind));

  it('greedy: the local top after the auctioned top, both ahead of the user; fcfs: the local top at its arrival, behind the earlier user', () => {
    const late = bundle(1, 500);
    // Listed local first: the plan still puts the auctioned part on top.
    expect(order(executionPlan(world, [{ bundle: late, paymentGas: 1, localBuild: 'greedy' }, auctioned], slotStartMs))).toEqual(['s0', 's1', 'user']);
    expect(order(executionPlan(world, [{ bundle: late, paymentGas: 1, localBuild: 'fcfs' }, auctioned], slotStartMs))).toEqual(['s0', 'user', 's1']);
  });
});
