import { drawByWeight } from './selectWinner.js';
import { nonNegativeInteger, requireParam } from './paramChecks.js';
import type { Source } from './types.js';

/** A lot of execution tickets held by one bidder, bought in one slot. */
export interface TicketHolding {
  readonly bidderId: string;
  /** Number of whole tickets in the lot, integer ≥ 0. */
  readonly tickets: number;
  /** Slot in which the lot was bought. */
  readonly purchasedAtSlot: number;
}

/** The assignment of one slot to a ticket holder. */
export interface SlotDraw {
  /** The slot whose block-building rights are assigned. */
  readonly slot: number;
  /** The slot in which the draw is made: `slot − lookaheadSlots`. */
  readonly drawnAtSlot: number;
  /** The drawn holder, or null if no ticket was eligible. */
  readonly holderId: string | null;
  /** Index into `holdings` of the lot the winning ticket came from, or null. */
  readonly lotIndex: number | null;
  /** Tickets in the draw: those bought at or before `drawnAtSlot`. */
  readonly eligibleTickets: number;
}

/**
 * Draws the holder of `slot`'s rights with lookahead (Drake & Neuder, "Execution tickets",
 * ethresear.ch/t/17944: "ticket holders are randomly sampled ... with a fixed lookahead"). The draw
 * is made at `slot − lookaheadSlots`, so only tickets bought at or before that slot take part;
 * each eligible ticket is equally likely, i.e. a holder wins with probability proportional to its
 * eligible tickets. Pure: one draw from `source`; the table is not modified (see `redeemTicket`).
 */
export function drawSlotHolder(
  holdings: readonly TicketHolding[],
  slot: number,
  lookaheadSlots: number,
  source: Source,
): SlotDraw {
  requireParam(nonNegativeInteger, 'lookaheadSlots', lookaheadSlots);
  holdings.forEach((h, i) => requireParam(nonNegativeInteger, `holdings[${i}].tickets`, h.tickets));
  const drawnAtSlot = slot - lookaheadSlots;
  const weights = holdings.map((h) => (h.purchasedAtSlot <= drawnAtSlot ? h.tickets : 0));
  const eligibleTickets = weights.reduce((s, w) => s + w, 0);
  const lotIndex = drawByWeight(weights, source());
  const holderId = lotIndex === null ? null : holdings[lotIndex]!.bidderId;
  return { slot, drawnAtSlot, holderId, lotIndex, eligibleTickets };
}

/** A new holdings table with one ticket removed from lot `lotIndex` (a drawn ticket is spent). */
export function redeemTicket(
  holdings: readonly TicketHolding[],
  lotIndex: number,
): TicketHolding[] {
  const lot = holdings[lotIndex];
  if (lot === undefined || lot.tickets < 1) {
    throw new RangeError(`lotIndex ${lotIndex} does not name a lot holding a ticket`);
  }
  return holdings.map((h, i) => (i === lotIndex ? { ...h, tickets: h.tickets - 1 } : h));
}
