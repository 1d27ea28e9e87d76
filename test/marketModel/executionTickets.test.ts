import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { drawSlotHolder } from '../../src/market/mechanisms/ticketLedger.js';
import { resellSlotRight } from '../../src/market/mechanisms/ticketResale.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { applyTickets, decideTickets, type TicketSlot } from '../../src/marketModel/tickets.js';
import { createWorld } from '../../src/marketModel/world.js';
import { cli, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';

/*
 * Execution tickets in the market (Drake & Neuder, ethresear.ch/t/17944): tickets persist until
 * drawn, the holder of slot t is drawn at t − L among the tickets bought by then, and a drawn
 * holder may resell its slot (tickets.ts, ticketResale.ts).
 */

const builders = [
  { id: 'b-best', skill: 1, margin: 0.1, costY: 0, strategy: { name: 'truthful' } },
  { id: 'b-mid', skill: 0.8, margin: 0.1, costY: 0, strategy: { name: 'truthful' } },
  { id: 'b-low', skill: 0.5, margin: 0.1, costY: 0, strategy: { name: 'truthful' } },
];
const tickets = (extra: Record<string, unknown> = {}) => ({ name: 'execution-tickets', ticketPrice: 0.01, lookaheadSlots: 4, ...extra });
const marketConfig = (mechanism: Record<string, unknown>, slots = 300) =>
  smallConfig({
    slots,
    builders,
    mechanism,
    searchers: [
      { kind: 'cex-dex', id: 'arb-A', rollup: 'A' },
      { kind: 'cex-dex', id: 'arb-B', rollup: 'B' },
      { kind: 'backrun', id: 'back-A', rollup: 'A' },
    ],
  });

/** Runs the market and returns each slot's ticket decision (one sequencing group: shared). */
function ticketSlots(mechanism: Record<string, unknown>, slots = 300): { slots: TicketSlot[] } {
  const config = resolveMarketConfig(marketConfig(mechanism, slots));
  const { sim, lastOutcome } = buildMarketSimulation(config);
  const out: TicketSlot[] = [];
  for (let s = 0; s < slots; s++) {
    stepSlot(sim, s);
    const t = lastOutcome()!.auction.blocks[0]!.tickets;
    if (t) out.push(t);
  }
  return { slots: out };
}

describe('the ticket ledger: who may win slot t', () => {
  it('a lot bought after t − L never wins slot t, however large (drawSlotHolder)', () => {
    const holdings = [
      { bidderId: 'early', tickets: 1, purchasedAtSlot: 5 },
      { bidderId: 'late', tickets: 1_000_000, purchasedAtSlot: 8 },
    ];
    for (const u of [0, 0.5, 0.999999]) {
      // Slot 10, L = 3: drawn at slot 7, so only the lot bought at slot 5 is eligible.
      const d = drawSlotHolder(holdings, 10, 3, () => u);
      expect(d.holderId).toBe('early');
      expect(d.eligibleTickets).toBe(1);
    }
  });

  it('in the model, a builder that starts buying at slot k never holds a slot before k + L; a slot drawn empty is drawn again, after the draws ahead', () => {
    const L = 3;
    const k = 6;
    const world = createWorld(resolveMarketConfig(marketConfig(tickets({ lookaheadSlots: L }))));
    let u = 0.1234;
    const source = () => (u = (u * 9301 + 0.49297) % 1); // deterministic, covers [0, 1)
    const holders: number[] = [];
    const redrawn: boolean[] = [];
    for (let slot = 0; slot < 30; slot++) {
      // Builder 0 buys one ticket a slot; builder 1 buys 10,000 from slot k on (price 0.01).
      const bids = [0.01, slot >= k ? 100 : 0, 0];
      const t = decideTickets(world, 'shared', slot, bids, [1, 1, 1], source);
      holders.push(t.holder);
      redrawn.push(t.redraw !== null);
      // A redraw is made for this slot, now, only when its draw ahead found no ticket.
      if (t.redraw !== null) {
        expect(t.redraw.slot).toBe(slot);
        expect(t.holder).toBe(t.redraw.holder);
      }
      // Each draw is made now for a slot ≤ slot + L, and the holder of `slot` was drawn by then.
      for (const d of t.draws) expect(d.slot - slot).toBeLessThanOrEqual(L);
      applyTickets(world, t);
    }
    for (let slot = 0; slot < k + L; slot++) if (!redrawn[slot]) expect(holders[slot]).not.toBe(1);
    // The ledger opens at slot 0 with builder 0's one ticket for slots 0 … L: slots 1 … L are drawn
    // empty. At each of them the slot's new ticket goes first to the draw L ahead, so the redraw
    // finds none and the slot stays without a holder; from L + 1 on every slot was drawn ahead.
    expect(redrawn.slice(1, L + 1).every(Boolean)).toBe(true);
    expect(holders.slice(1, L + 1).every((h) => h === -1)).toBe(true);
    expect(redrawn.slice(L + 1).some(Boolean)).toBe(false);
    expect(holders.slice(L + 1).every((h) => h >= 0)).toBe(true);
    for (let slot = 0; slot < k + L; slot++) expect(holders[slot]).not.toBe(1);
    // Once its tickets are eligible it holds nearly every slot (10,000 of ~10,000 + slots tickets).
    expect(holders.slice(k + L).filter((h) => h === 1).length).toBeGreaterThan(15);
  });

  it('a slot drawn empty ahead is filled when it comes by a ticket left after the draw ahead', () => {
    const L = 3;
    const world = createWorld(resolveMarketConfig(marketConfig(tickets({ lookaheadSlots: L }))));
    // Slot 0: one ticket (price 0.01) for slots 0 … 3 — slots 1 … 3 drawn empty.
    const first = decideTickets(world, 'shared', 0, [0.01, 0, 0], [1, 1, 1], () => 0.5);
    expect(first.draws.map((d) => d.holder)).toEqual([0, -1, -1, -1]);
    applyTickets(world, first);
    // Slot 1: builder 2 buys two; the draw for slot 4 takes one, the redraw of slot 1 the other.
    const next = decideTickets(world, 'shared', 1, [0, 0, 0.02], [1, 1, 1], () => 0.5);
    expect(next.draws.map((d) => [d.slot, d.holder])).toEqual([[4, 2]]);
    expect(next.redraw).toEqual({ slot: 1, holder: 2, eligible: [0, 0, 1] });
    expect(next.holder).toBe(2);
    expect(next.ticketsAfter).toEqual([0, 0, 0]);
    applyTickets(world, next);
    expect(world.tickets.totals.redraws).toBe(1);
    expect(world.tickets.totals.ticketsRedeemed).toBe(3);
  });

  it('the first slot draws its L + 1 slots from its own tickets; later slots draw one; memory is one lot per builder', () => {
    const world = createWorld(resolveMarketConfig(marketConfig(tickets({ lookaheadSlots: 4 }))));
    const first = decideTickets(world, 'shared', 0, [0.05, 0, 0], [1, 1, 1], () => 0.5);
    expect(first.draws.map((d) => d.slot)).toEqual([0, 1, 2, 3, 4]);
    expect(first.draws.every((d) => d.holder === 0)).toBe(true);
    expect(first.ticketsAfter).toEqual([0, 0, 0]); // 5 bought, 5 drawn and redeemed
    applyTickets(world, first);
    const next = decideTickets(world, 'shared', 1, [0.03, 0.02, 0], [1, 1, 1], () => 0.5);
    expect(next.draws.map((d) => d.slot)).toEqual([5]);
    expect(next.holder).toBe(0); // drawn at slot 0
    applyTickets(world, next);
    const ledger = world.tickets.ledgers.shared!;
    expect(ledger.tickets).toEqual([2, 2, 0]); // 3 + 2 bought at slot 1, one of builder 0's drawn for slot 5
    expect(ledger.firstSlot).toBe(2);
    expect(ledger.holders).toEqual([0, 0, 0, 0]); // slots 2, 3, 4 (drawn at slot 0) and 5 (drawn at slot 1)
    // A group away past its drawn slots (governance) draws afresh when it is back: slots 10 … 14.
    const back = decideTickets(world, 'shared', 10, [0.05, 0, 0], [1, 1, 1], () => 0.5);
    expect(back.restart).toBe(true);
    expect(back.draws.map((d) => d.slot)).toEqual([10, 11, 12, 13, 14]);
    applyTickets(world, back);
    expect([ledger.firstSlot, ledger.holders.length]).toEqual([11, 4]);
  });

  it('with lookaheadSlots = 0 a slot is drawn from every ticket held at it, its own purchases included', () => {
    const world = createWorld(resolveMarketConfig(marketConfig(tickets({ lookaheadSlots: 0 }))));
    applyTickets(world, decideTickets(world, 'shared', 0, [0.01, 0, 0], [1, 1, 1], () => 0.5)); // builder 0's ticket is drawn for slot 0
    const t = decideTickets(world, 'shared', 1, [0, 0.03, 0], [1, 1, 1], () => 0.5);
    expect(t.draws).toEqual([{ slot: 1, holder: 1, eligible: [0, 3, 0] }]);
    expect(t.holder).toBe(1);
  });
});

describe('the slot holder in the market', () => {
  it('each builder holds slots in proportion to its share of eligible tickets (within 4 binomial standard errors)', () => {
    const { slots } = ticketSlots(tickets());
    const draws = slots.flatMap((t) => t.draws).filter((d) => d.holder >= 0);
    expect(draws.length).toBeGreaterThan(250);
    const n = builders.length;
    const wins = Array.from({ length: n }, () => 0);
    const expected = Array.from({ length: n }, () => 0);
    const variance = Array.from({ length: n }, () => 0);
    for (const d of draws) {
      const total = d.eligible.reduce((a, x) => a + x, 0);
      wins[d.holder]!++;
      d.eligible.forEach((e, i) => {
        const p = e / total;
        expected[i]! += p;
        variance[i]! += p * (1 - p); // a sum of independent Bernoulli(p) draws (Poisson-binomial)
      });
    }
    // Builders of different skill hold different shares, so the comparison is not trivial.
    expect(Math.max(...expected) - Math.min(...expected)).toBeGreaterThan(0.1 * draws.length);
    for (let i = 0; i < n; i++) expect(Math.abs(wins[i]! - expected[i]!)).toBeLessThanOrEqual(4 * Math.sqrt(variance[i]!));
  });

  it('a slot\'s holder is the one drawn lookaheadSlots before it', () => {
    const L = 4;
    const { slots } = ticketSlots(tickets({ lookaheadSlots: L }), 120);
    for (const t of slots.slice(1)) {
      const drawnAt = slots.find((s) => s.draws.some((d) => d.slot === t.slot))!;
      expect(drawnAt.slot).toBe(Math.max(0, t.slot - L));
      expect(drawnAt.draws.find((d) => d.slot === t.slot)!.holder).toBe(t.holder);
    }
  });
});

describe('the secondary market: an English auction with the holder\'s value as reserve', () => {
  // English auction with private values = second-price auction (Vickrey 1961): the highest other
  // value wins iff above the reserve, paying max(reserve, second-highest other value).
  it('closed form: price = max(v_holder, v(2) of the others)', () => {
    expect(resellSlotRight([3, 7, 5, 1], 0)).toEqual({ builder: 1, resold: true, priceY: 5 });
    expect(resellSlotRight([6, 7, 5, 1], 0)).toEqual({ builder: 1, resold: true, priceY: 6 });
    expect(resellSlotRight([2, 9, 1], 2)).toEqual({ builder: 1, resold: true, priceY: 2 });
    expect(resellSlotRight([8, 7, 5], 0)).toEqual({ builder: 0, resold: false, priceY: 0 });
    expect(resellSlotRight([7, 7], 0)).toEqual({ builder: 0, resold: false, priceY: 0 });
    expect(resellSlotRight([4], 0)).toEqual({ builder: 0, resold: false, priceY: 0 });
  });

  it('in the market every resale moves the slot to the highest value at that price, and none happens with resale off', () => {
    const { slots } = ticketSlots(tickets());
    const resold = slots.filter((t) => t.resold);
    expect(resold.length).toBeGreaterThan(5);
    for (const t of slots.filter((s) => s.holder >= 0)) {
      const v = t.realisedY;
      const others = v.filter((_, i) => i !== t.holder).sort((a, b) => b - a);
      const sells = others[0]! > v[t.holder]!;
      expect(t.resold).toBe(sells);
      if (!sells) continue;
      expect(v[t.builder]).toBe(others[0]);
      expect(t.resalePriceY).toBeCloseTo(Math.max(v[t.holder]!, others[1] ?? 0), 12);
    }
    expect(ticketSlots(tickets({ resale: false }), 100).slots.some((t) => t.resold || t.builder !== t.holder)).toBe(false);
  });
});

describe('outputs: execution tickets with lookahead differ from lookahead 0 and from first-price', () => {
  const run = async (mechanism: Record<string, unknown>) => {
    const dir = tempDir();
    const path = writeConfig(marketConfig(mechanism, 200), dir);
    const out = join(dir, 'run');
    const r = await cli('run', path, '--out', out);
    expect(r.code).toBe(0);
    return { csv: readFileSync(join(out, 'slots.csv'), 'utf8'), summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
  };

  it('holders known ahead, resales happening, capture reported; tables differ', async () => {
    const ahead = await run(tickets({ lookaheadSlots: 8 }));
    const now = await run(tickets({ lookaheadSlots: 0 }));
    const fp = await run({ name: 'first-price' });
    expect(ahead.csv).not.toBe(now.csv);
    expect(ahead.csv).not.toBe(fp.csv);
    const rows = ahead.csv.trim().split('\n').map((l) => l.split(','));
    const head = rows[0]!;
    const col = (name: string) => head.indexOf(name);
    const data = rows.slice(1);
    expect(data.some((r) => r[col('resold')] === 'true' && r[col('slot_holder')] !== r[col('builder')])).toBe(true);
    expect(data.every((r) => r[col('resold')] === 'true' || r[col('slot_holder')] === r[col('builder')])).toBe(true);
    const et = ahead.summary.execution_tickets;
    expect(et.resales).toBeGreaterThan(0);
    expect(et.capture).toBeCloseTo(et.proceeds_burned_y / et.block_value_y, 12);
    expect(et.tickets_bought).toBe(et.tickets_redeemed + et.tickets_outstanding);
    expect(fp.summary.execution_tickets).toBeNull();
    expect(ahead.summary.conservation.max_relative_drift).toBeLessThan(1e-9);
    expect(ahead.summary.bidders[0].regret_y).toBeNull();
  });
});
