import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { RandomStreams } from '../../src/engine/randomStreams.js';
import { runAuctions } from '../../src/marketModel/phases/auction.js';
import { learnFromSlot } from '../../src/marketModel/phases/learn.js';
import { createRuntime } from '../../src/marketModel/runtime.js';
import type { Candidate } from '../../src/marketModel/slot.js';
import { createWorld } from '../../src/marketModel/world.js';
import { smallConfig } from '../cli/helpers.js';

/*
 * Equilibrium bidders in the market's own block auction (runAuctions, then the learn step that
 * books each builder's expected payoff), with block values held fixed so that the revenue can be
 * compared with the closed forms:
 * - first-price, complete information: the top builder bids the second-highest value (the essay
 *   ../shared/seeds/001_…, Aside #1); revenue v(2);
 * - second-price: truthful bids, revenue v(2) (Vickrey 1961);
 * - all-pay: the mixed equilibrium of Baye, Kovenock & de Vries (1996), revenue (v2/2)(1 + v2/v1);
 * - Tullock (α = 1) with values (4, 2): revenue v1·v2/(v1 + v2) = 4/3 (Tullock 1980; seed 001).
 * Random revenues are compared within 4 standard errors; every builder's mean expected payoff is
 * ≥ 0 (within 4 SE) under every mechanism.
 */
function market(mechanism: Record<string, unknown>, values: readonly number[]) {
  const config = resolveMarketConfig(
    smallConfig({
      rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 1000, reserveY: 2_000_000, fee: 0 }, users: { arrivalsPerSlot: 0 } }],
      searchers: [],
      mechanism,
      builders: values.map((_, i) => ({ id: `b${i}`, costY: 0, strategy: { name: 'equilibrium' } })),
    }),
  );
  const world = createWorld(config);
  const rt = createRuntime(new RandomStreams(config.seed));
  const candidates: Candidate[] = values.map((v) => ({ included: [], valueByRollupY: [v], seen: [] }));
  return { world, auction: runAuctions(rt), candidates };
}

function simulate(mechanism: Record<string, unknown>, values: readonly number[], n: number) {
  const { world, auction, candidates } = market(mechanism, values);
  const revenues: number[] = [];
  // Each builder's expected payoff of each auction: the step of its record's Σ payoff.
  const payoffs = world.builders.map((): number[] => []);
  for (let slot = 0; slot < n; slot++) {
    const before = world.builders.map((b) => b.bidding.payoffY);
    const sold = auction(world, [], candidates, slot);
    const block = sold.blocks[0]!;
    revenues.push(block.payments!.perBidderY.reduce((a, p) => a + p, 0));
    learnFromSlot(world, { slot, search: { bundles: [], decisions: [], arms: [], nextGroupId: 0 }, candidates, auction: sold, execution: { trace: [], executed: [], tally: [] } });
    world.builders.forEach((b, i) => payoffs[i]!.push(b.bidding.payoffY - before[i]!));
  }
  const mean = revenues.reduce((a, r) => a + r, 0) / n;
  const se = Math.sqrt(revenues.reduce((a, r) => a + (r - mean) ** 2, 0) / (n - 1) / n);
  return { mean, se, builders: world.builders.map((b, i) => ({ auctions: b.bidding.auctions, wins: b.bidding.wins, payoffs: payoffs[i]! })) };
}

// Pure equilibria are exact up to the first-price tie-break increment (1e-9 of the top value).
const expectWithin4Se = (mean: number, se: number, expected: number) =>
  expect(Math.abs(mean - expected)).toBeLessThanOrEqual(Math.max(4 * se, 2e-9 * expected));

describe('equilibrium builders in the market reproduce the closed-form revenues', () => {
  it('first-price: revenue = v(2), the top builder wins every block', () => {
    const r = simulate({ name: 'first-price' }, [5, 3, 1], 200);
    expectWithin4Se(r.mean, r.se, 3);
    expect(r.builders[0]!.wins).toBe(200);
  });

  it('second-price: revenue = v(2)', () => {
    const r = simulate({ name: 'second-price' }, [5, 3, 1], 200);
    expectWithin4Se(r.mean, r.se, 3);
  });

  it('all-pay (4, 2): revenue (v2/2)(1 + v2/v1) = 1.5 within 4 SE', () => {
    const r = simulate({ name: 'all-pay' }, [4, 2], 20_000);
    expect(r.se).toBeGreaterThan(0);
    expectWithin4Se(r.mean, r.se, (2 / 2) * (1 + 2 / 4));
  });

  it('Tullock α = 1 (4, 2): revenue 4/3', () => {
    const r = simulate({ name: 'tullock', alpha: 1 }, [4, 2], 200);
    expectWithin4Se(r.mean, r.se, 4 / 3);
  });

  for (const mechanism of [{ name: 'first-price' }, { name: 'second-price' }, { name: 'all-pay' }, { name: 'tullock', alpha: 1 }, { name: 'execution-tickets', ticketPrice: 0.001 }]) {
    it(`${mechanism.name}: every builder's expected payoff is >= 0`, () => {
      const n = 4000;
      const { builders } = simulate(mechanism, [4, 2, 1], n);
      for (const b of builders) {
        expect(b.auctions).toBe(n);
        const payoffs = b.payoffs;
        const mean = payoffs.reduce((a, p) => a + p, 0) / n;
        const se = Math.sqrt(payoffs.reduce((a, p) => a + (p - mean) ** 2, 0) / (n - 1) / n);
        expect(mean).toBeGreaterThanOrEqual(-4 * se - 1e-12);
      }
    });
  }
});
