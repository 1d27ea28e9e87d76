import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { mechanisms } from '../../../src/market/mechanisms/registry.js';
import type { Bid, Mechanism } from '../../../src/market/mechanisms/types.js';

/*
 * A mechanism may give `run` (allocate then pay in one step, its checks done once); runMechanism
 * then calls it instead of the two. It must be that composition exactly: the same allocation, the
 * same payments and the same draws, for bids with ties (the draw decides them).
 */
const withRun = mechanisms.filter((m) => (m as Mechanism<unknown>).run !== undefined);
const params: Record<string, object> = { 'slot-auction': { leadSlots: 2 } };

describe('Mechanism.run', () => {
  it('exists for first-price and slot-auction', () => {
    expect(withRun.map((m) => m.name).sort()).toEqual(['first-price', 'slot-auction']);
  });

  it.each(withRun.map((m) => [m.name, m] as const))('%s: run equals allocate then pay, with the same draws', (name, m) => {
    const mech = m as Mechanism<object>;
    const p = params[name] ?? {};
    const bid = fc.record({ bidder: fc.nat(5), amount: fc.constantFrom(0, 1, 2.5, 2.5, 7) });
    fc.assert(
      fc.property(fc.array(bid, { maxLength: 8 }), fc.integer(), (raw, seed) => {
        const bids = raw.map((b, i) => ({ ...b, bidder: i })) as unknown as Bid[];
        const a = seedrandom.alea(String(seed));
        const b = seedrandom.alea(String(seed));
        const allocation = mech.allocate(bids, p, a);
        const composed = { allocation, payments: mech.pay(bids, allocation, p) };
        expect(mech.run!(bids, p, b)).toEqual(composed);
        expect(a()).toBe(b()); // the same number of draws taken
      }),
      { numRuns: 300, seed: 28 },
    );
  });
});
