import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolveMarketConfig } from '../../../src/config/loadConfig.js';
import { RandomStreams } from '../../../src/engine/randomStreams.js';
import { sellSlot } from '../../../src/marketModel/aheadOfTime.js';
import { createRuntime } from '../../../src/marketModel/runtime.js';
import { runMarket } from '../../../src/marketModel/runMarket.js';
import { createWorld } from '../../../src/marketModel/world.js';

/*
 * Blocks sold ahead of time (slot-auction, aps-burn) in the market: the sale of slot s happens at
 * s − leadSlots on the builders' expectations, and the winner builds with what exists at s.
 */
const raw = JSON.parse(readFileSync('configs/scenarios/shared-vs-separate.json', 'utf8')) as Record<string, unknown>;
const run = (mechanism: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const rows: Record<string, unknown>[] = [];
  const summary = runMarket(resolveMarketConfig({ ...raw, slots: 600, mechanism, ...extra }), { onRow: (r) => void rows.push(r) });
  return { summary, rows };
};

describe('a slot sold ahead of time', () => {
  it('is sold first-price on the builders’ expected values: the highest expectation wins and pays its bid, (1 − margin) × expected gross (the essay’s slot auction; first-price: the winner pays its own bid)', () => {
    const config = resolveMarketConfig({ ...raw, mechanism: { name: 'slot-auction', leadSlots: 4 } });
    const world = createWorld(config);
    const expected = [30, 50, 40];
    world.builders.forEach((b, i) => {
      b.expectation.slots = 10;
      b.expectation.valueByRollupY.fill(0);
      b.expectation.valueByRollupY[0] = expected[i]!;
    });
    const rt = createRuntime(new RandomStreams(1));
    const sale = sellSlot(world, rt, [], [0, 1], 'shared', 14, 10, rt.dist('auction/shared').source);
    // The fixed rule of every builder here: bid (1 − margin) × value − cost, with margins 0.1, 0.05, 0.02 and no cost.
    const bids = config.builders.map((b, i) => Math.max(0, (1 - b.margin) * expected[i]! - b.costY));
    expect(bids).toEqual([27, 47.5, 39.2].map((b) => expect.closeTo(b, 12) as unknown as number));
    expect(sale.slot).toBe(14);
    expect(sale.soldAtSlot).toBe(10);
    expect(sale.expectedY).toEqual(expected.map((g, i) => Math.max(0, g - config.builders[i]!.costY)));
    for (let i = 0; i < bids.length; i++) expect(sale.bidsY[i]).toBeCloseTo(bids[i]!, 9);
    const top = sale.bidsY.indexOf(Math.max(...sale.bidsY));
    expect(sale.builder).toBe(top);
    expect(sale.payments.perBidderY[top]).toBeCloseTo(sale.bidsY[top]!, 12);
    expect(sale.payments.toProposerY).toBeCloseTo(sale.bidsY[top]!, 12);
  });

  it('loses allocative efficiency against selling in the slot: the right goes to the best expectation, not the best block (block_efficiency below first-price’s, which is 1 up to ties and costs)', () => {
    const jit = run({ name: 'first-price' }).summary;
    const ahead = run({ name: 'slot-auction', leadSlots: 8 }).summary;
    expect(jit.block_efficiency!).toBeGreaterThan(0.99);
    expect(ahead.block_efficiency!).toBeLessThan(jit.block_efficiency! - 0.02);
    expect(jit.ahead_of_time).toBeNull();
    expect(ahead.ahead_of_time!.lead_slots).toBe(8);
  });

  it('learners replay a sale on the values they bid on: a builder with a one-action grid has regret exactly 0 (its only action is the best fixed action in hindsight)', () => {
    const one = { name: 'epsilon-greedy', epsilon: 0, grid: [0.8] };
    const builders = (raw['builders'] as Record<string, unknown>[]).map((b) => ({ ...b, strategy: one }));
    for (const mechanism of [{ name: 'slot-auction', leadSlots: 8 }, { name: 'aps-burn', leadSlots: 8 }, { name: 'first-price' }]) {
      const summary = runMarket(resolveMarketConfig({ ...raw, slots: 300, mechanism, builders }));
      const regrets = summary.bidders.filter((b) => b.role === 'builder').map((b) => b.regret_y);
      expect(regrets.length, mechanism.name).toBe(3);
      for (const r of regrets) expect(Math.abs(r!), mechanism.name).toBeLessThan(1e-9);
    }
  });

  it('slot s’s builder is the one that bought it leadSlots before: the first leadSlots slots are sold in the slot (ahead price = just-in-time price), later ones on expectations', () => {
    const { rows } = run({ name: 'slot-auction', leadSlots: 8 });
    const first = rows.filter((r) => (r['slot'] as number) < 8);
    for (const r of first) expect(r['ahead_price_y']).toBe(r['just_in_time_price_y']);
    const later = rows.filter((r) => (r['slot'] as number) >= 8);
    expect(later.some((r) => r['ahead_price_y'] !== r['just_in_time_price_y'])).toBe(true);
  });

  it('APS-burn sells ahead with mev-burn’s committee floor: part of each price is burned, and the outputs differ from the slot auction’s', () => {
    const slot = run({ name: 'slot-auction', leadSlots: 8 }).summary;
    const aps = run({ name: 'aps-burn', leadSlots: 8 }).summary;
    expect(slot.totals.burned_y).toBe(0);
    expect(aps.totals.burned_y).toBeGreaterThan(0);
    expect(aps.ahead_of_time!.lead_slots).toBe(8);
    // Payments split: the proposer's part plus the burn is what the builders paid (mev-burn's identity, Drake 2023).
    expect(aps.totals.proposer_revenue_y + aps.totals.burned_y).toBeCloseTo(aps.totals.ahead_price_y, 6);
  });
});

describe('a block auction’s deadline', () => {
  it('leaves the bundles and users arriving after bidDeadlineMs out of the block; the users execute in the next one', () => {
    const late = run({ name: 'block-auction', bidDeadlineMs: 500 });
    const fp = run({ name: 'first-price' });
    const sum = (rows: Record<string, unknown>[], k: string) => rows.reduce((a, r) => a + (r[k] as number), 0);
    expect(sum(late.rows, 'late_users')).toBeGreaterThan(0);
    expect(sum(late.rows, 'late_bundles')).toBeGreaterThan(0);
    expect(sum(fp.rows, 'late_users')).toBe(0);
    // A user who waits is executed one block later: every slot's swaps are its own early arrivals plus the last slot's late ones.
    const byRollup = new Map<string, Record<string, unknown>[]>();
    for (const r of late.rows) byRollup.set(r['rollup'] as string, [...(byRollup.get(r['rollup'] as string) ?? []), r]);
    for (const rows of byRollup.values()) {
      const carried = sum(rows, 'late_users') - (rows.at(-1)!['late_users'] as number);
      expect(carried).toBeGreaterThan(0);
    }
    // Users arrive uniformly in the 2 s slot: about (2000 − 500) / 2000 = 75 % of them arrive after the deadline (binomial, ±5 points).
    const arrivals = sum(late.rows, 'user_swaps');
    expect(sum(late.rows, 'late_users') / arrivals).toBeGreaterThan(0.7);
    expect(sum(late.rows, 'late_users') / arrivals).toBeLessThan(0.8);
  });
});
