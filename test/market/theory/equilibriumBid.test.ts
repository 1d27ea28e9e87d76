import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { defaultMechanismConfig, type MechanismConfig } from '../../../src/market/mechanisms/config.js';
import { getMechanism, mechanismNames } from '../../../src/market/mechanisms/registry.js';
import type { Bid, Mechanism, Source } from '../../../src/market/mechanisms/types.js';
import { committeeFloorMoments, seenProbability } from '../../../src/market/theory/committeeFloor.js';
import {
  EQUILIBRIUM_MECHANISMS,
  TIE_BREAK_INCREMENT,
  equilibriumBidFor,
  equilibriumBids,
  hasEquilibrium,
} from '../../../src/market/theory/equilibriumBid.js';
import { indicesByValueDescending } from '../../../src/market/theory/contestEquilibrium.js';
import { firstPriceEquilibrium } from '../../../src/market/theory/firstPrice.js';
import { tullockEquilibrium } from '../../../src/market/theory/tullock.js';
import { bestDeviationGain, grid } from './deviation.js';

const alea = (seed: string): Source => {
  const rng = seedrandom.alea(seed);
  return () => rng();
};
const mechanismOf = (config: MechanismConfig) => getMechanism(config.name) as Mechanism<MechanismConfig>;
const bidsOf = (amounts: readonly number[], timeMs = 0): Bid[] =>
  amounts.map((amount, i) => ({ bidderId: `b${i}`, amount, timeMs }));

/** Sample mean and its standard error (sample sd / √n). */
function meanAndSe(xs: readonly number[]): { mean: number; se: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, se: Math.sqrt(variance / xs.length) };
}

/**
 * `rounds` auctions with fresh equilibrium bids each round, run through the mechanism's own
 * allocate/pay: revenue Σ perBidder, each bidder's payoff v_i·[won] − p_i, and the floor's part.
 */
function simulate(config: MechanismConfig, values: readonly number[], rounds: number, timeMs = 0) {
  const mechanism = mechanismOf(config);
  const bidSource = alea(`equilibrium/${config.name}/${values.join(',')}/bids`);
  const mechanismSource = alea(`equilibrium/${config.name}/${values.join(',')}/mechanism`);
  const revenue: number[] = [];
  const floorPart: number[] = [];
  const payoffs: number[][] = values.map(() => []);
  for (let r = 0; r < rounds; r += 1) {
    const bids = bidsOf(equilibriumBids(config, values, bidSource), timeMs);
    const allocation = mechanism.allocate(bids, config, mechanismSource);
    const payments = mechanism.pay(bids, allocation, config);
    revenue.push(payments.perBidder.reduce((s, p) => s + p, 0));
    floorPart.push(payments.burned + payments.toCommittee);
    values.forEach((v, i) => {
      payoffs[i]!.push((allocation.winnerIndex === i ? v : 0) - payments.perBidder[i]!);
    });
  }
  return { revenue: meanAndSe(revenue), floorPart: meanAndSe(floorPart), payoffs: payoffs.map(meanAndSe) };
}

/** Expected payoff of bidder i at `amounts`: Σ_j x_j (v_i·[j = i] − p_i | j wins), via the mechanism. */
function expectedPayoff(config: MechanismConfig, amounts: readonly number[], values: readonly number[], i: number): number {
  const mechanism = mechanismOf(config);
  const bids = bidsOf(amounts);
  const allocation = mechanism.allocate(bids, config, () => 0.5);
  const payoffIf = (winnerIndex: number | null) =>
    (winnerIndex === i ? values[i]! : 0) - mechanism.pay(bids, { ...allocation, winnerIndex }, config).perBidder[i]!;
  const x = allocation.winProbabilities;
  if (x.every((p) => p === 0)) return payoffIf(null);
  return x.reduce((sum, p, j) => (p > 0 ? sum + p * payoffIf(j) : sum), 0);
}

const eps = (v1: number) => TIE_BREAK_INCREMENT * v1;
const firstPriceLike: MechanismConfig[] = [
  { name: 'first-price' },
  defaultMechanismConfig('partial-block'),
  defaultMechanismConfig('slot-auction'),
  defaultMechanismConfig('block-auction'),
  defaultMechanismConfig('mev-burn'),
  defaultMechanismConfig('mev-smoothing'),
  { name: 'order-flow-auction', pricing: 'first-price', rebateFraction: 0.5, userShare: 1 },
];
const truthful: MechanismConfig[] = [
  { name: 'second-price' },
  { name: 'order-flow-auction', pricing: 'second-price', rebateFraction: 0.5, userShare: 1 },
];
const ticketPrice = 1e-6;
const tickets: MechanismConfig = { name: 'execution-tickets', ticketPrice, lookaheadSlots: 0, resale: false };
// Two-player α = 1/2 (Nti 1999): revenue α (v1 v2)^α (v1 + v2) / (v1^α + v2^α)²; (4, 2) → 3√8 / (2 + √2)².
const tullockHalfRevenue = (3 * Math.sqrt(8)) / (2 + Math.SQRT2) ** 2;

/** Pure equilibria: [config, values, closed-form revenue, deviation tolerance]. */
const pureCases: [MechanismConfig, number[], number, number][] = [
  ...firstPriceLike.flatMap((c): [MechanismConfig, number[], number, number][] => [
    // Essay Aside #1 / Vickrey: revenue v(2) (+ ε, which is all the top bidder could save).
    [c, [4, 2], 2 + eps(4), eps(4) + 1e-12],
    [c, [5, 3, 1], 3 + eps(5), eps(5) + 1e-12],
  ]),
  ...truthful.flatMap((c): [MechanismConfig, number[], number, number][] => [
    [c, [4, 2], 2, 1e-12],
    [c, [5, 3, 1], 3, 1e-12],
  ]),
  // Tullock α = 1 (Tullock 1980; Neuder, Garimidi & Roughgarden 2024, "On block-space distribution
  // mechanisms", Aside #1): (4, 2) → 4/3; (5, 3, 1): the 1 is inactive (Stein 2002), X = 15/8.
  [{ name: 'tullock', alpha: 1 }, [4, 2], 4 / 3, 1e-12],
  [{ name: 'tullock', alpha: 1 }, [5, 3, 1], 15 / 8, 1e-12],
  [{ name: 'tullock', alpha: 0.5 }, [4, 2], tullockHalfRevenue, 1e-12],
  // Symmetric (Pérez-Castrillo & Verdier 1992): revenue α (n − 1) v / n = 1.2 · 2/3 = 0.8.
  [{ name: 'tullock', alpha: 1.2 }, [1, 1, 1], 0.8, 1e-12],
  // Tickets: the α = 1 spend rounded down to whole tickets (tolerances below).
  [tickets, [4, 2], 4 / 3, 1e-9],
  [tickets, [5, 3, 1], 15 / 8, 1e-9],
];

const label = (c: MechanismConfig) => JSON.stringify(c);

describe('equilibrium bids simulated through the mechanisms reproduce the closed-form revenue', () => {
  it.each(pureCases)('pure: %j with values %j → revenue %d (1e-9 relative), payoffs >= 0', (config, values, theory) => {
    const sim = simulate(config, values, 200);
    // Whole tickets under-spend by less than one ticket price per bidder.
    const bias = config.name === 'execution-tickets' ? values.length * ticketPrice : 0;
    expect(sim.revenue.se).toBeLessThan(1e-12 * theory); // pure bids, deterministic payment rules
    expect(sim.revenue.mean).toBeLessThanOrEqual(theory * (1 + 1e-9));
    expect(sim.revenue.mean).toBeGreaterThanOrEqual((theory - bias) * (1 - 1e-9));
    for (const p of sim.payoffs) expect(p.mean).toBeGreaterThanOrEqual(-Math.max(4 * p.se, 1e-12));
  });

  it('first-price family: revenue is v(2) to within ε = 1e-9 · v(1)', () => {
    for (const config of firstPriceLike) {
      expect(Math.abs(simulate(config, [5, 3, 1], 10).revenue.mean - 3)).toBeLessThanOrEqual(eps(5) * (1 + 1e-6));
    }
  });

  it.each([
    // Baye, Kovenock & de Vries (1996): revenue (v2/2)(1 + v2/v1).
    [[4, 2], (2 / 2) * (1 + 2 / 4)], // 3/2
    [[5, 3, 1], (3 / 2) * (1 + 3 / 5)], // 12/5
  ])('all-pay %j: mean revenue within 4 SE of (v2/2)(1 + v2/v1) = %d over 20,000 draws', (values, theory) => {
    const sim = simulate({ name: 'all-pay' }, values, 20_000);
    expect(Math.abs(sim.revenue.mean - theory)).toBeLessThanOrEqual(4 * sim.revenue.se);
    for (const p of sim.payoffs) expect(p.mean).toBeGreaterThanOrEqual(-4 * p.se);
  });

  it('mev-burn with late bids (a member sees each with q = 1 − e^−0.4): revenue still v(2) + ε, burned = E[floor]', () => {
    // Default committee (16 members, majority, 100 ms + Exp(50 ms), deadline 1500 ms); bids at 1380 ms.
    const config = defaultMechanismConfig('mev-burn');
    const values = [5, 3, 1];
    const sim = simulate(config, values, 20_000, 1380);
    expect(Math.abs(sim.revenue.mean - (3 + eps(5)))).toBeLessThanOrEqual(1e-9 * 3);
    const q = seenProbability(1380, 100, 50, 1500);
    expect(q).toBeCloseTo(1 - Math.exp(-0.4), 12);
    const seen = equilibriumBids(config, values, alea('unused')).map((amount) => ({ amount, seenProbability: q }));
    const floor = committeeFloorMoments(seen, 16, 'majority');
    expect(Math.abs(sim.floorPart.mean - floor.mean)).toBeLessThanOrEqual(4 * sim.floorPart.se);
    expect(floor.mean).toBeLessThan(3); // the floor is below the payment: the proposer keeps the rest
  });
});

describe('no unilateral deviation gains (pure equilibria, 101-point grid on [0, v_max])', () => {
  it.each(pureCases)('%j with values %j (tolerance: ε under first-price rules, 1e-9 with whole tickets, else 1e-12)', (config, values, _theory, tolerance) => {
    const bids = equilibriumBids(config, values, alea('unused'));
    const deviations = grid(Math.max(...values), 100);
    values.forEach((_, i) => {
      const payoffAt = (b: number) => expectedPayoff(config, bids.map((x, j) => (j === i ? b : x)), values, i);
      expect(bestDeviationGain(payoffAt, bids[i]!, deviations), `${label(config)} bidder ${i}`).toBeLessThanOrEqual(tolerance);
    });
  });
});

describe('bidders with value 0, and a lone positive value', () => {
  it('value-0 bidders bid 0 and the others play their own equilibrium: first-price (4, 0, 2) → (2 + ε, 0, 2)', () => {
    expect(equilibriumBids({ name: 'first-price' }, [4, 0, 2], alea('x'))).toEqual([2 + eps(4), 0, 2]);
    const tullock = equilibriumBids({ name: 'tullock', alpha: 1 }, [4, 0, 2], alea('x'));
    expect(tullock).toEqual([8 / 9, 0, 4 / 9].map((b) => expect.closeTo(b, 12)));
  });

  it('the lone positive bidder bids the least winning bid: ε·v, one ticket, or its value under second price', () => {
    const lone = (config: MechanismConfig, values: number[]) => equilibriumBids(config, values, alea('x'));
    for (const config of [...firstPriceLike, { name: 'all-pay' } as const, { name: 'tullock', alpha: 3 } as const]) {
      expect(lone(config, [0, 4, 0])).toEqual([0, eps(4), 0]);
    }
    for (const config of truthful) expect(lone(config, [4, 0])).toEqual([4, 0]);
    expect(lone({ ...tickets, ticketPrice: 1 }, [4, 0])).toEqual([1, 0]);
    expect(lone({ ...tickets, ticketPrice: 5 }, [4, 0])).toEqual([0, 0]); // a ticket is worth less than it costs
    for (const name of mechanismNames) expect(lone(defaultMechanismConfig(name), [0, 0])).toEqual([0, 0]);
  });
});

describe('the first-price bid without the profile', () => {
  // equilibriumBidFor computes one bidder's bid by scanning for the top two values; it must be that
  // bidder's entry of firstPriceEquilibrium over the positive values, ε = min(TIE_BREAK_INCREMENT · v(1), v(1) − v(2)),
  // bit for bit, ties and zeros included.
  const byProfile = (values: readonly number[]): number[] => {
    const active = values.flatMap((v, i) => (v > 0 ? [i] : []));
    if (active.length < 2) return values.map((v) => (v > 0 ? eps(v) : 0));
    const activeValues = active.map((i) => values[i]!);
    const [first, second] = indicesByValueDescending(activeValues) as [number, number];
    const increment = Math.min(TIE_BREAK_INCREMENT * activeValues[first]!, activeValues[first]! - activeValues[second]!);
    const bids = firstPriceEquilibrium(activeValues, increment).bids;
    const out = values.map(() => 0);
    active.forEach((i, k) => { out[i] = bids[k]!; });
    return out;
  };
  const valueArb = fc.oneof(fc.constantFrom(0, 1, 2, 2.5, 1e-300, 1e300), fc.double({ min: 0, max: 10, noNaN: true }));

  it('is firstPriceEquilibrium\'s bid for each bidder, bit for bit (Object.is)', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 6 }), (values) => {
        const expected = byProfile(values);
        values.forEach((_, i) => expect(Object.is(equilibriumBidFor({ name: 'first-price' }, values, i, alea('x')), expected[i])).toBe(true));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('draws from the source', () => {
  const counting = () => {
    let n = 0;
    const source = () => {
      n += 1;
      return 0.5;
    };
    return { source, count: () => n };
  };

  it('equilibriumBidFor draws exactly once under all-pay (whatever the values), never otherwise', () => {
    for (const name of mechanismNames) {
      for (const values of [[4, 2], [5, 0, 3], [4, 0], [0, 0]]) {
        values.forEach((_, me) => {
          const c = counting();
          equilibriumBidFor(defaultMechanismConfig(name), values, me, c.source);
          expect(c.count()).toBe(name === 'all-pay' ? 1 : 0);
        });
      }
    }
  });

  it('equilibriumBids is equilibriumBidFor for bidders 0, 1, … in turn (independent all-pay marginals)', () => {
    const values = [3, 5, 0, 4];
    const together = alea('same');
    const apart = alea('same');
    for (let round = 0; round < 50; round += 1) {
      const bids = equilibriumBids({ name: 'all-pay' }, values, together);
      expect(values.map((_, me) => equilibriumBidFor({ name: 'all-pay' }, values, me, apart))).toEqual(bids);
      expect(bids[2]).toBe(0);
      expect(bids[0]).toBe(0); // the third-highest value is inactive (BKdV 1996)
    }
  });
});

describe('hasEquilibrium and the fallback', () => {
  it('every registered mechanism has one at its defaults, for any number of bidders', () => {
    expect(EQUILIBRIUM_MECHANISMS).toEqual([...mechanismNames]);
    for (const name of mechanismNames) {
      for (const players of [undefined, 0, 1, 2, 3, 10]) {
        expect(hasEquilibrium(defaultMechanismConfig(name), players)).toEqual({ ok: true });
      }
    }
  });

  it('Tullock α > 2: neither closed form applies, for any values or number of bidders', () => {
    for (const players of [undefined, 2, 3]) {
      const support = hasEquilibrium({ name: 'tullock', alpha: 3 }, players);
      expect(support).toEqual({ ok: false, reason: expect.stringMatching(/neither implemented pure equilibrium exists for any values/) });
    }
    expect(hasEquilibrium({ name: 'tullock', alpha: 3 }, 1)).toEqual({ ok: true }); // a lone bidder
  });

  it('Tullock α ≠ 1 with more than 2 bidders: only equal values are covered → rejected', () => {
    for (const alpha of [0.5, 1.5]) {
      for (const players of [undefined, 3]) {
        const support = hasEquilibrium({ name: 'tullock', alpha }, players);
        expect(support).toEqual({ ok: false, reason: expect.stringMatching(/only when all values are equal/) });
      }
      expect(hasEquilibrium({ name: 'tullock', alpha }, 2)).toEqual({ ok: true });
    }
  });

  it('a mechanism without a strategy is rejected by name; bad players or params throw', () => {
    const unknown = { name: 'sealed-lottery' } as unknown as MechanismConfig;
    expect(hasEquilibrium(unknown)).toEqual({ ok: false, reason: expect.stringMatching(/"sealed-lottery"/) });
    expect(() => equilibriumBids(unknown, [1, 2], alea('x'))).toThrow(RangeError);
    const inherited = { name: 'constructor' } as unknown as MechanismConfig;
    expect(hasEquilibrium(inherited)).toEqual({ ok: false, reason: expect.stringMatching(/"constructor"/) });
    expect(() => hasEquilibrium({ name: 'first-price' }, 2.5)).toThrow(RangeError);
    expect(() => hasEquilibrium({ name: 'tullock', alpha: -1 })).toThrow(/alpha/);
  });

  it('falls back to the α = 1 bids where no closed form covers the values, and does not throw', () => {
    // (4, 2), α = 1.5: 1 + (1/2)^1.5 ≈ 1.354 < 1.5, so no two-player pure equilibrium (Nti 1999).
    for (const [alpha, values] of [[1.5, [4, 2]], [3, [4, 2]], [0.5, [5, 3, 1]]] as const) {
      const bids = equilibriumBids({ name: 'tullock', alpha }, values, alea('x'));
      expect(bids).toEqual(tullockEquilibrium(values).bids);
    }
  });

  it('rejects invalid values and bidder indices', () => {
    expect(() => equilibriumBids({ name: 'first-price' }, [4, -1], alea('x'))).toThrow(/value 1/);
    expect(() => equilibriumBids({ name: 'first-price' }, [4, Number.NaN], alea('x'))).toThrow(RangeError);
    expect(() => equilibriumBidFor({ name: 'first-price' }, [4, 2], 2, alea('x'))).toThrow(/me must be/);
    expect(() => equilibriumBidFor({ name: 'first-price' }, [4, 2], 0.5, alea('x'))).toThrow(RangeError);
  });
});
