import { describe, expect, it } from 'vitest';
import {
  allocateExecutionTickets,
  payExecutionTickets,
  ticketsBought,
} from '../../../src/market/mechanisms/executionTickets.js';
import { drawSlotHolder, redeemTicket, type TicketHolding } from '../../../src/market/mechanisms/ticketLedger.js';
import { bidsOf, binomialTolerance, constant, seeded } from './helpers.js';

const params = { ticketPrice: 1 / 900, lookaheadSlots: 2, resale: true };

describe('execution tickets (posted price, unlimited supply, proportional lottery)', () => {
  it("buys whole tickets: the essay's spends 8/9 and 4/9 at 1/900 per ticket are 800 and 400", () => {
    expect(ticketsBought(8 / 9, 1 / 900)).toBe(800);
    expect(ticketsBought(4 / 9, 1 / 900)).toBe(400);
    expect(ticketsBought(2.5, 1)).toBe(2);
    expect(ticketsBought(0.999, 1)).toBe(0);
  });

  it('allocates in proportion to tickets (2/3, 1/3) and burns price × tickets', () => {
    const bids = bidsOf([8 / 9, 4 / 9]);
    const allocation = allocateExecutionTickets(bids, params, constant(0.5));
    expect(allocation.winProbabilities[0]).toBeCloseTo(2 / 3, 12);
    expect(allocation.winnerIndex).toBe(0);
    const payments = payExecutionTickets(bids, allocation, params);
    expect(payments.perBidder[0]).toBeCloseTo(800 / 900, 12);
    expect(payments.burned).toBeCloseTo(1200 / 900, 12); // revenue 4/3, as in the essay
    expect(payments.toProposer).toBe(0);
  });

  it('a spend below one ticket buys nothing and pays nothing; no tickets → no holder', () => {
    const bids = bidsOf([0.5, 0.2]);
    const p = { ticketPrice: 1, lookaheadSlots: 0, resale: true };
    const allocation = allocateExecutionTickets(bids, p, constant(0.5));
    expect(allocation.winnerIndex).toBeNull();
    expect(payExecutionTickets(bids, allocation, p).perBidder).toEqual([0, 0]);
  });

  it('rejects a non-positive ticketPrice and a fractional lookaheadSlots', () => {
    expect(() => allocateExecutionTickets(bidsOf([1]), { ticketPrice: 0, lookaheadSlots: 1, resale: true }, constant(0))).toThrow(/ticketPrice/);
    expect(() => allocateExecutionTickets(bidsOf([1]), { ticketPrice: 1, lookaheadSlots: 1.5, resale: true }, constant(0))).toThrow(/lookaheadSlots/);
  });
});

describe('ticket ledger with lookahead', () => {
  const holdings: TicketHolding[] = [
    { bidderId: 'a', tickets: 3, purchasedAtSlot: 0 },
    { bidderId: 'b', tickets: 1, purchasedAtSlot: 5 },
    { bidderId: 'c', tickets: 100, purchasedAtSlot: 9 },
  ];

  it('the draw for slot t is made at t − lookahead, over tickets bought by then', () => {
    const draw = drawSlotHolder(holdings, 10, 5, constant(0.99));
    expect(draw.drawnAtSlot).toBe(5);
    expect(draw.eligibleTickets).toBe(4); // c's tickets (slot 9) are too late
    expect(draw.holderId).toBe('b'); // u = 0.99 → the 4th of 4 eligible tickets
    expect(drawSlotHolder(holdings, 3, 5, constant(0.5)).holderId).toBeNull();
  });

  it('holders win with probability proportional to eligible tickets (3/4 vs 1/4)', () => {
    const source = seeded('tickets/ledger');
    const rounds = 20_000;
    let a = 0;
    for (let r = 0; r < rounds; r += 1) if (drawSlotHolder(holdings, 10, 5, source).holderId === 'a') a += 1;
    expect(Math.abs(a / rounds - 0.75)).toBeLessThanOrEqual(binomialTolerance(0.75, rounds));
  });

  it('redeeming spends one ticket of the drawn lot without mutating the table', () => {
    const after = redeemTicket(holdings, 0);
    expect(after[0]!.tickets).toBe(2);
    expect(holdings[0]!.tickets).toBe(3);
    expect(() => redeemTicket([{ bidderId: 'x', tickets: 0, purchasedAtSlot: 0 }], 0)).toThrow(RangeError);
  });
});
