import { z } from 'zod';
import { defineMechanism } from './defineMechanism.js';
import { validateAllocationFor, validateBids } from './validateBids.js';
import { drawByWeight } from './selectWinner.js';
import {
  nonNegativeInteger,
  positiveFinite,
  requireParam,
  zParam,
} from './paramChecks.js';
import type { Allocation, Bid, Payments, Source } from './types.js';

/**
 * Parameters of execution tickets (Drake & Neuder, "Execution tickets", ethresear.ch/t/17944;
 * the essay's posted-price, unlimited-supply model): `ticketPrice` in numéraire per ticket
 * (> 0; default 1, the essay's "1 WEI"), and `lookaheadSlots`, the number of slots between the
 * draw and the slot it assigns (integer ≥ 0; default 32, one epoch — a modelling default, not a
 * specified value), and `resale`, whether a drawn holder may resell its slot when the slot comes
 * (default true; ticketResale.ts). In the market model (src/marketModel/tickets.ts) tickets persist
 * in a ledger until drawn (`drawSlotHolder`, `redeemTicket`); the one-shot `allocate` below is the
 * lottery of a single purchase round (the mechanism library's theory table, `seqsim validate`).
 */
export const executionTicketsParamsSchema = z.strictObject({
  ticketPrice: zParam(positiveFinite, 'ticketPrice')
    .default(1)
    .describe('Posted price of one ticket, in the bid numéraire (Y); finite, > 0. Proceeds are burned.'),
  lookaheadSlots: zParam(nonNegativeInteger, 'lookaheadSlots')
    .default(32)
    .describe('Slots between a ticket draw and the slot it assigns; integer >= 0 (32 = one epoch). The holder of slot t is drawn at slot t − lookaheadSlots among the tickets bought by then (the first lookaheadSlots + 1 slots are all drawn at the ledger\'s first slot); 0 draws each slot from every ticket held at it. Must be less than the run\'s `slots`.'),
  resale: z
    .boolean()
    .default(true)
    .describe('A drawn holder may resell its slot when the slot comes: the builder valuing the block most buys it if it values it more than the holder, at max(holder\'s value, second-highest other value) — an English auction with the holder\'s value as reserve; the price is paid buyer → holder in Y off-chain.'),
});
/** Parameters of `execution-tickets`. */
export type ExecutionTicketsParams = z.output<typeof executionTicketsParamsSchema>;

/** Throws a RangeError naming `ticketPrice` or `lookaheadSlots` if invalid. */
export function validateExecutionTicketsParams(
  params: ExecutionTicketsParams,
): ExecutionTicketsParams {
  requireParam(positiveFinite, 'ticketPrice', params.ticketPrice);
  requireParam(nonNegativeInteger, 'lookaheadSlots', params.lookaheadSlots);
  if (params.resale !== undefined && typeof params.resale !== 'boolean') throw new RangeError(`resale must be true or false, got ${String(params.resale)}`);
  return params;
}

/**
 * Whole tickets bought with `amount` at `ticketPrice`: ⌊amount / price⌋, where a quotient within
 * 1e-9 (relative) of an integer counts as that integer, so 8/9 at price 1/900 buys 800 tickets
 * despite floating-point rounding. Supply is unlimited, so every purchase is filled.
 */
export function ticketsBought(amount: number, ticketPrice: number): number {
  const q = amount / ticketPrice;
  const r = Math.round(q);
  return Math.abs(q - r) <= 1e-9 * Math.max(1, r) ? r : Math.floor(q);
}

/**
 * One round of the ticket lottery: each bid is a spend, converted to whole tickets; the slot's
 * holder is drawn with probability tickets_i / Σ tickets (the essay's `Proportional-all-pay`,
 * i.e. Tullock with α = 1 in tickets), using exactly one draw. No tickets → no holder.
 */
export function allocateExecutionTickets(
  bids: readonly Bid[],
  params: ExecutionTicketsParams,
  source: Source,
): Allocation {
  validateBids(bids);
  validateExecutionTicketsParams(params);
  const u = source();
  const tickets = bids.map((b) => ticketsBought(b.amount, params.ticketPrice));
  const total = tickets.reduce((s, t) => s + t, 0);
  const winProbabilities = tickets.map((t) => (total > 0 ? t / total : 0));
  return { winProbabilities, winnerIndex: drawByWeight(tickets, u), floor: 0, auctionedShare: 1 };
}

/**
 * Every buyer pays price × tickets at purchase, win or lose; proceeds are burned (the essay's
 * footnote 2: "The all-pay feature is made possible by burning the price paid for each ticket").
 * Any remainder of a bid below one ticket's price is not spent.
 */
export function payExecutionTickets(
  bids: readonly Bid[],
  allocation: Allocation,
  params: ExecutionTicketsParams,
): Payments {
  validateBids(bids);
  validateExecutionTicketsParams(params);
  validateAllocationFor(bids, allocation);
  const price = params.ticketPrice;
  const perBidder = bids.map((b) => ticketsBought(b.amount, price) * price);
  const burned = perBidder.reduce((s, p) => s + p, 0);
  return { perBidder, toProposer: 0, burned, toCommittee: 0, rebateToUser: 0 };
}

/** The `execution-tickets` mechanism (one purchase round; see ticketLedger.ts for lookahead). */
export const executionTickets = defineMechanism({
  name: 'execution-tickets',
  // Feedback: ticket purchases are public; a win probability needs every purchase.
  reveals: 'all-bids',
  counterfactualFrom: 'all-bids',
  losersPay: true,
  summary: 'posted-price tickets, unlimited supply; the slot holder is drawn in proportion to tickets; proceeds burned.',
  params: executionTicketsParamsSchema,
  validateParams: validateExecutionTicketsParams,
  allocate: allocateExecutionTickets,
  pay: payExecutionTickets,
});
