import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payoffOfBid, replaySource } from '../../../src/market/mechanisms/counterfactual.js';
import type { MechanismConfig } from '../../../src/market/mechanisms/config.js';
import { getMechanism } from '../../../src/market/mechanisms/registry.js';
import type { Bid, Mechanism } from '../../../src/market/mechanisms/types.js';

/*
 * `payoffOfBid` answers first-price (losers pay nothing) without running the mechanism, and so
 * slot-auction, which allocates and pays as first-price. It must be
 * the expected payoff by definition — Σ over possible winners w of x_w·(1[w = me]·value − p_me(w)),
 * with the mechanism's own allocation of the trial bids (the realised draws replayed) and payments —
 * bit for bit, ties among the top bids included (bids drawn from a small set, with 0 and −0).
 */
function byDefinition(config: MechanismConfig, bids: readonly Bid[], me: number, valueY: number, draws: readonly number[], amount: number): number {
  const mechanism = getMechanism(config.name) as Mechanism<MechanismConfig>;
  const trial = bids.map((b, i) => (i === me ? { bidderId: b.bidderId, amount, timeMs: b.timeMs } : b));
  const allocation = mechanism.allocate(trial, config, replaySource(draws));
  let payoff = 0;
  allocation.winProbabilities.forEach((x, w) => {
    if (!(x > 0)) return;
    const paid = mechanism.pay(trial, { ...allocation, winnerIndex: w }, config).perBidder[me]!;
    payoff += x * ((w === me ? valueY : 0) - paid);
  });
  return payoff;
}

const amountArb = fc.oneof(fc.constantFrom(0, -0, 1, 2, 2.5, 3), fc.double({ min: 0, max: 10, noNaN: true }));

const FIRST_PRICE_RULES: MechanismConfig[] = [{ name: 'first-price' }, { name: 'slot-auction', leadSlots: 8 }];

describe('payoffOfBid under first-price', () => {
  it.each(FIRST_PRICE_RULES)('$name: is the expected payoff by definition, bit for bit, for every trial bid', (config) => {
    fc.assert(
      fc.property(
        fc.array(amountArb, { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.double({ min: 0, max: 12, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { maxLength: 2 }),
        fc.array(amountArb, { minLength: 1, maxLength: 6 }),
        (amounts, meRaw, valueY, draws, trials) => {
          const bids = amounts.map((amount, i) => ({ bidderId: `b${i}`, amount, timeMs: 900 + i }));
          const me = meRaw % bids.length;
          const payoff = payoffOfBid(config, bids, me, valueY, draws, false);
          for (const amount of trials) expect(Object.is(payoff(amount), byDefinition(config, bids, me, valueY, draws, amount))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('still rejects an invalid trial bid or rival as the mechanism does', () => {
    const bids = [{ bidderId: 'b0', amount: 1 }, { bidderId: 'b1', amount: 2 }];
    expect(() => payoffOfBid({ name: 'first-price' }, bids, 0, 5, [], false)(Number.POSITIVE_INFINITY)).toThrow(/bid 0 \(bidder "b0"\) has amount Infinity/);
    const badRival = [{ bidderId: 'b0', amount: 1 }, { bidderId: 'b1', amount: Number.NaN }];
    expect(() => payoffOfBid({ name: 'first-price' }, badRival, 0, 5, [], false)(3)).toThrow(/bid 1 \(bidder "b1"\) has amount NaN/);
  });

  it('still rejects invalid mechanism parameters, which the shortcut never passes to allocate', () => {
    const bids = [{ bidderId: 'b0', amount: 1 }, { bidderId: 'b1', amount: 2 }];
    const bad = { name: 'slot-auction', leadSlots: 0 } as MechanismConfig;
    const viaMechanism = () => (getMechanism('slot-auction') as Mechanism<MechanismConfig>).allocate(bids, bad, replaySource([]));
    expect(viaMechanism).toThrow(RangeError);
    expect(() => payoffOfBid(bad, bids, 0, 5, [], false)(3)).toThrow(RangeError);
  });
});

describe('payoffOfBid with the mechanism passed in', () => {
  it('equals the lookup by name, for every bid of a grid', () => {
    const bids: Bid[] = [{ bidderId: 'a', amount: 3 }, { bidderId: 'b', amount: 5 }, { bidderId: 'c', amount: 5 }];
    for (const name of ['first-price', 'second-price', 'all-pay'] as const) {
      const looked = payoffOfBid({ name }, bids, 0, 8, [0.3], false);
      const given = payoffOfBid({ name }, bids, 0, 8, [0.3], false, getMechanism(name) as Mechanism<MechanismConfig>);
      for (const amount of [0, 2, 5, 6, 8]) expect(Object.is(given(amount), looked(amount))).toBe(true);
    }
  });
});
