import type { Source } from '../engine/randomStreams.js';
import { ticketsBought } from '../market/mechanisms/executionTickets.js';
import type { MechanismConfigOf } from '../market/mechanisms/config.js';
import { drawSlotHolder, redeemTicket, type TicketHolding } from '../market/mechanisms/ticketLedger.js';
import { resellSlotRight } from '../market/mechanisms/ticketResale.js';
import type { TicketLedger, WorldState } from './types.js';

/*
 * Execution tickets in the market (Drake & Neuder, "Execution tickets", ethresear.ch/t/17944):
 * every slot each builder buys whole tickets at the posted price with its bid (on what it expects a
 * future block to be worth), the proceeds are burned, and tickets persist until drawn. The holder of
 * slot t is drawn at slot t − L (L = `lookaheadSlots`) among the tickets bought at or before then,
 * and the drawn ticket is redeemed. A ledger that starts (the run's first slot, or a sequencing
 * group that appears after governance) draws its first L + 1 slots at once from its first slot's
 * tickets; with L = 0 each slot's holder is drawn from every ticket held at it. A slot whose draw
 * found no ticket is drawn again when it comes. When the slot comes the holder may resell the right (ticketResale.ts). Deciding reads the ledger (`decideTickets`);
 * settlement applies it (`applyTickets`).
 */

/** The configured execution-ticket mechanism, when blocks are sold with tickets (builders present); else null. */
export function ticketMechanism(world: WorldState): MechanismConfigOf<'execution-tickets'> | null {
  const m = world.config.mechanism;
  return m.name === 'execution-tickets' && world.builders.length > 0 ? m : null;
}

/** One draw: the slot it assigns, the holder drawn (−1: no ticket was eligible), and every builder's eligible tickets then. */
export interface TicketDraw {
  readonly slot: number;
  readonly holder: number;
  readonly eligible: readonly number[];
}

/** What one sequencing group's ticket market decided this slot (applied at settlement by `applyTickets`). */
export interface TicketSlot {
  /** The sequencing group (`shared`, or a rollup's id) and the slot. */
  readonly key: string;
  readonly slot: number;
  /** Tickets each builder bought this slot, and what they cost it (Y: whole tickets × price, burned). */
  readonly bought: readonly number[];
  readonly spentY: readonly number[];
  /** The draws made this slot, in slot order (one, or L + 1 when the ledger starts). */
  readonly draws: readonly TicketDraw[];
  /** This slot drawn again, when its draw ahead found no eligible ticket (null otherwise). */
  readonly redraw: TicketDraw | null;
  /** This slot's drawn holder and the builder that builds it after any resale (−1: none). */
  readonly holder: number;
  readonly builder: number;
  readonly resold: boolean;
  /** What the buyer paid the holder (Y, off-chain); 0 without a resale. */
  readonly resalePriceY: number;
  /** Each builder's realised value of this slot's block (Y, its candidate less its cost). */
  readonly realisedY: readonly number[];
  /** The ledger after the slot: tickets per builder; whether its drawn holders start afresh at this slot (a ledger that starts, or one whose draws ran out while its group was away). */
  readonly ticketsAfter: readonly number[];
  readonly restart: boolean;
}

/** The group's ledger, or an empty one (a ledger that has not started). */
function ledgerOf(world: WorldState, key: string): TicketLedger {
  // Own keys only: a rollup may be called "constructor" or "__proto__".
  return (Object.hasOwn(world.tickets.ledgers, key) ? world.tickets.ledgers[key] : undefined) ?? { tickets: world.builders.map(() => 0), firstSlot: 0, holders: [] };
}

/**
 * Decides group `key`'s ticket market in `slot`: purchases from the builders' bids `bidsY` (spends,
 * whole tickets at the price), the draws of every slot in [slot, slot + L] not drawn yet (each one
 * draw from `source`, among every ticket held now — all bought at or before `slot`), this slot's
 * holder, and its resale on the builders' realised values `realisedY`. Changes nothing.
 */
export function decideTickets(world: WorldState, key: string, slot: number, bidsY: readonly number[], realisedY: readonly number[], source: Source): TicketSlot {
  const m = ticketMechanism(world)!;
  const n = world.builders.length;
  const ledger = ledgerOf(world, key);
  const bought = bidsY.map((b) => ticketsBought(b, m.ticketPrice));
  // Lot i: builder i's tickets from earlier slots; lot n + i: what it bought now.
  let holdings: TicketHolding[] = [
    ...world.builders.map((b, i) => ({ bidderId: b.id, tickets: ledger.tickets[i] ?? 0, purchasedAtSlot: slot - 1 })),
    ...world.builders.map((b, i) => ({ bidderId: b.id, tickets: bought[i]!, purchasedAtSlot: slot })),
  ];
  // Holders already drawn cover slots firstSlot … firstSlot + holders.length − 1 (firstSlot ≤ slot).
  const restart = ledger.firstSlot + ledger.holders.length <= slot;
  const draw = (u: number): TicketDraw => {
    const eligible = world.builders.map((_, i) => holdings[i]!.tickets + holdings[n + i]!.tickets);
    // Drawn now, at `slot`: the lookahead of this draw is u − slot.
    const d = drawSlotHolder(holdings, u, u - slot, source);
    if (d.lotIndex !== null) holdings = redeemTicket(holdings, d.lotIndex);
    return { slot: u, holder: d.lotIndex === null ? -1 : d.lotIndex % n, eligible };
  };
  const draws: TicketDraw[] = [];
  for (let u = restart ? slot : ledger.firstSlot + ledger.holders.length; u <= slot + m.lookaheadSlots; u++) draws.push(draw(u));
  // A slot drawn ahead when no ticket was eligible (a ledger's opening slots) is drawn again when it
  // comes, among the tickets left after the draws ahead: the lookahead comes first, so a scarce
  // ticket goes to the slot L ahead (its holder known in advance) rather than to this one.
  const redraw = !restart && ledger.holders[slot - ledger.firstSlot]! < 0 ? draw(slot) : null;
  const holder = restart ? draws[0]!.holder : (redraw?.holder ?? ledger.holders[slot - ledger.firstSlot]!);
  const sale = holder >= 0 && m.resale ? resellSlotRight(realisedY, holder) : { builder: holder, resold: false, priceY: 0 };
  return {
    key,
    slot,
    bought,
    spentY: bought.map((t) => t * m.ticketPrice),
    draws,
    redraw,
    holder,
    builder: sale.builder,
    resold: sale.resold,
    resalePriceY: sale.priceY,
    realisedY,
    ticketsAfter: world.builders.map((_, i) => holdings[i]!.tickets + holdings[n + i]!.tickets),
    restart,
  };
}

/** Tickets outstanding after the slot (held, not yet drawn). */
export const outstandingTickets = (t: TicketSlot): number => t.ticketsAfter.reduce((a, x) => a + x, 0);

/** Apply step (at settlement): the group's ledger after the slot, the run totals, and the resale price paid buyer → holder (Y, off-chain). */
export function applyTickets(world: WorldState, t: TicketSlot): void {
  if (!Object.hasOwn(world.tickets.ledgers, t.key)) Object.defineProperty(world.tickets.ledgers, t.key, { value: { tickets: [], firstSlot: t.slot, holders: [] }, enumerable: true, writable: true, configurable: true });
  const ledger = world.tickets.ledgers[t.key]!;
  ledger.tickets = [...t.ticketsAfter];
  if (t.restart) {
    ledger.firstSlot = t.slot;
    ledger.holders.length = 0;
  }
  for (const d of t.draws) ledger.holders.push(d.holder);
  // This slot's holder is spent (and any left from before it, after a gap): the ledger starts at slot + 1.
  while (ledger.firstSlot <= t.slot) {
    ledger.holders.shift();
    ledger.firstSlot++;
  }
  const totals = world.tickets.totals;
  totals.ticketsBought += t.bought.reduce((a, x) => a + x, 0);
  totals.ticketsRedeemed += t.draws.filter((d) => d.holder >= 0).length + (t.redraw !== null && t.redraw.holder >= 0 ? 1 : 0);
  if (t.redraw !== null) totals.redraws++;
  totals.proceedsY += t.spentY.reduce((a, x) => a + x, 0);
  if (t.builder >= 0) {
    totals.slotsHeld++;
    totals.blockValueY += t.realisedY[t.builder]!;
  } else totals.slotsWithoutHolder++;
  if (t.resold) {
    totals.resales++;
    totals.resalePriceY += t.resalePriceY;
    world.builders[t.builder]!.resaleY -= t.resalePriceY;
    world.builders[t.holder]!.resaleY += t.resalePriceY;
  }
}

/**
 * Builder i's realised payoff from the slot (Y): the block's value if it built it, the resale price
 * received (holder) or paid (buyer), less this slot's ticket purchases. Tickets bought now pay off
 * only in later slots, so a slot's payoff mixes this purchase with earlier ones: what a learner can
 * observe, not the payoff of this slot's bid alone.
 */
export function realisedTicketPayoffY(t: TicketSlot, i: number): number {
  let y = -t.spentY[i]!;
  if (t.builder === i) y += t.realisedY[i]! - (t.resold ? t.resalePriceY : 0);
  if (t.resold && t.holder === i) y += t.resalePriceY;
  return y;
}
