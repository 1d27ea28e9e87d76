import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { timeboostSchema } from '../../src/config/schema.js';
import { stepSlot } from '../../src/engine/simulation.js';
import type { Allocated, Bundle } from '../../src/market/orders/types.js';
import { executionPlan, sequencedAtMs } from '../../src/marketModel/executionPlan.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { runSimulation } from '../../src/index.js';
import { roundClosingIn, roundOf, secondPriceWithReserve } from '../../src/marketModel/timeboost.js';
import { createWorld } from '../../src/marketModel/world.js';

/*
 * Arbitrum Timeboost (OffchainLabs, timeboost-design research spec; Arbitrum docs, "A gentle
 * introduction: Timeboost"): rounds, a sealed-bid second-price express-lane auction with a reserve
 * price, and a delay for every transaction but the controller's under first-come-first-served order.
 */

describe('the express-lane auction: second price with a reserve', () => {
  // Vickrey (1961): the highest bid wins and pays the second-highest; with a reserve r (Myerson 1981)
  // the winner pays max(r, b(2)) and nothing is sold when every bid is below r.
  it.each([
    [[5, 3, 1], 0, 0, 3],
    [[5, 3, 1], 2, 0, 3],
    [[5, 3, 1], 4, 0, 4],
    [[1, 5, 3], 5, 1, 5],
    [[5], 2, 0, 2],
    [[5], 0, 0, 0],
  ])('bids %j, reserve %d: bidder %d wins and pays %d', (bids, reserve, winner, price) => {
    expect(secondPriceWithReserve(bids, reserve, 0.5)).toEqual({ winner, priceY: price });
  });

  it('sells nothing below the reserve, nor for bids of 0', () => {
    expect(secondPriceWithReserve([5, 3, 1], 6, 0.5)).toEqual({ winner: null, priceY: 0 });
    expect(secondPriceWithReserve([0, 0], 0, 0.5)).toEqual({ winner: null, priceY: 0 });
    expect(secondPriceWithReserve([], 0, 0.5)).toEqual({ winner: null, priceY: 0 });
  });

  it('breaks a tie at the top by the draw, at the tied bid', () => {
    expect(secondPriceWithReserve([2, 5, 5], 0, 0.2)).toEqual({ winner: 1, priceY: 5 });
    expect(secondPriceWithReserve([2, 5, 5], 0, 0.7)).toEqual({ winner: 2, priceY: 5 });
  });

  it('revenue with two truthful bidders of U[0,1] values: 1/3 without reserve, 5/12 at the optimal reserve 1/2 (Myerson 1981)', () => {
    // Midpoint quadrature over the two values (bids = values: truthful is dominant, Vickrey 1961).
    const n = 400;
    const revenue = (reserve: number) => {
      let sum = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += secondPriceWithReserve([(i + 0.5) / n, (j + 0.5) / n], reserve, 0.5).priceY;
      return sum / (n * n);
    };
    expect(revenue(0)).toBeCloseTo(1 / 3, 4);
    expect(revenue(0.5)).toBeCloseTo(5 / 12, 4);
    expect(revenue(0.5)).toBeGreaterThan(revenue(0.3));
    expect(revenue(0.5)).toBeGreaterThan(revenue(0.7));
  });
});

describe('rounds on the slot clock', () => {
  const tb = (roundSeconds: number, closingSeconds: number) => timeboostSchema.parse({ roundSeconds, closingSeconds });

  it("a round's auction clears in the slot that ends at or after its closing time", () => {
    // 60 s rounds closing 15 s ahead, 2 s slots: round 1 closes at 45 s, in the slot (44 s, 46 s].
    expect(roundClosingIn(44_000, 46_000, tb(60, 15))).toBe(1);
    expect(roundClosingIn(42_000, 44_000, tb(60, 15))).toBeNull();
    expect(roundClosingIn(46_000, 48_000, tb(60, 15))).toBeNull();
    expect(roundClosingIn(104_000, 106_000, tb(60, 15))).toBe(2);
    // Closing at the round's start: the slot that ends there clears it, before the round's first slot.
    expect(roundClosingIn(58_000, 60_000, tb(60, 0))).toBe(1);
    expect(roundClosingIn(60_000, 62_000, tb(60, 0))).toBeNull();
  });

  it('the first round is never auctioned (its auction would close before the run), and a slot belongs to the round of its start', () => {
    for (let start = 0; start < 40_000; start += 2000) expect(roundClosingIn(start, start + 2000, tb(60, 15))).toBeNull();
    expect(roundClosingIn(0, 2000, tb(60, 0))).toBeNull();
    expect(roundOf(58_000, tb(60, 15))).toBe(0);
    expect(roundOf(60_000, tb(60, 15))).toBe(1);
  });
});

/** One Timeboost rollup; `searchers` the given ones. */
function timeboostConfig(searchers: unknown[], overrides: Record<string, unknown> = {}, ordering = 'timeboost') {
  return resolveMarketConfig({
    seed: 21,
    slots: 400,
    reference: { initialPriceYPerX: 2000, sigmaPerYear: 0.6 },
    rollups: [{ id: 'A', gasToken: 'Y', ordering, pool: { reserveX: 5000, reserveY: 10_000_000, fee: 0.0005 }, users: { arrivalsPerSlot: 2, medianSizeY: 5000 } }],
    searchers,
    ...overrides,
  });
}

describe('the express lane in the execution plan', () => {
  const bundle = (searcher: number, arrivalMs: number): Allocated => {
    const b: Bundle = { searcher, kind: 'cex-dex', target: { kind: 'top', rollups: [0] }, legs: [], valueY: 1, bidRollup: 0, bidGas: 0, bidY: 0, hedge: true, arrivalMs };
    return { bundle: b, paymentGas: 0 };
  };
  const planOrder = (controller: number | null, delayMs = 200) => {
    const config = timeboostConfig([
      { kind: 'cex-dex', id: 'rival', rollup: 'A', latencyMs: 50 },
      { kind: 'cex-dex', id: 'controller', rollup: 'A', latencyMs: 150 },
    ]);
    const world = createWorld({ ...config, rollups: [{ ...config.rollups[0]!, timeboost: timeboostSchema.parse({ nonExpressDelayMs: delayMs }) }] });
    world.rollups[0]!.expressLane!.rounds.push({ round: 0, controller });
    world.rollups[0]!.pending.push({ id: 7, rollup: 0, tokenIn: 'Y', amountIn: 1, minAmountOut: 0, arrivalMs: 100, isPrivate: false });
    // The rival is 100 ms faster: it arrives at 50 ms, the controller at 150 ms, a user at 100 ms.
    return executionPlan(world, [bundle(0, 50), bundle(1, 150)], 0).map((it) => (it.kind === 'user' ? 'user' : it.kind === 'bundle' ? world.searchers[it.won.bundle.searcher]!.id : it.kind));
  };

  it('the controller, 100 ms slower than its rival, executes first when everyone else waits 200 ms', () => {
    expect(planOrder(1)).toEqual(['controller', 'rival', 'user']); // 150 ms < 250 ms < 300 ms
  });

  it('without a controller everyone waits alike, so arrival order stands', () => {
    expect(planOrder(null)).toEqual(['rival', 'user', 'controller']); // 250, 300, 350 ms
  });

  it('a controller slower than the delay loses the race', () => {
    expect(planOrder(1, 50)).toEqual(['rival', 'user', 'controller']); // 100 (rival), 150 (user, then controller: arrival ties keep queue order)
    expect(sequencedAtMs(150, 50, 1, 1)).toBe(150);
    expect(sequencedAtMs(50, 50, 1, 0)).toBe(100);
    expect(sequencedAtMs(100, 50, 1, null)).toBe(150);
  });
});

describe('Timeboost in the market (one seed, 400 slots, two backrunners)', () => {
  // Two backrunners see every public swap and bid truthfully; the slow one (120 ms) loses every
  // race under fcfs. Under Timeboost (60 s rounds = 30 slots, 200 ms delay) each round's controller
  // is first behind every swap it backruns, whichever is faster, since 120 ms < 200 ms + 20 ms.
  const searchers = [
    { kind: 'backrun', id: 'fast', rollup: 'A', latencyMs: 20, strategy: { name: 'truthful' } },
    { kind: 'backrun', id: 'slow', rollup: 'A', latencyMs: 120, strategy: { name: 'truthful' } },
  ];

  it('the controller wins almost all contested backruns of its rounds; the auction raises revenue', () => {
    const config = timeboostConfig(searchers);
    const { sim, world, lastOutcome } = buildMarketSimulation(config);
    let contested = 0;
    let controllerFirst = 0;
    const controllers = new Set<number>();
    let revenueY = 0;
    let controlledProfitY = 0;
    let allProfitY = 0;
    let controllerProfitY = 0;
    for (let slot = 0; slot < config.slots; slot++) {
      stepSlot(sim, slot);
      const out = lastOutcome()!;
      revenueY += out.expressLane[0]?.priceY ?? 0;
      const controller = world.rollups[0]!.expressLane!.rounds.find((r) => r.round === Math.floor((slot * 2000) / 60_000))?.controller ?? null;
      allProfitY += out.execution.tally[0]!.backrunProfitY;
      if (controller === null) continue;
      controllers.add(controller);
      controlledProfitY += out.execution.tally[0]!.backrunProfitY;
      controllerProfitY += out.execution.tally[0]!.controllerProfitY;
      // A contested opportunity: a swap both searchers sent a backrun for; won by whoever's executed first.
      const wanted = new Map<number, Set<number>>();
      for (const b of out.search.bundles) if (b.target.kind === 'backrun') wanted.set(b.target.userId, (wanted.get(b.target.userId) ?? new Set()).add(b.searcher));
      for (const [userId, who] of wanted) {
        if (who.size < 2) continue;
        const first = out.execution.trace.find((e) => e.kind === 'backrun' && e.userId === userId);
        if (!first) continue; // neither executed (the swap reverted)
        contested++;
        if (first.searcher === controller) controllerFirst++;
      }
    }
    expect(contested).toBeGreaterThan(200); // the check ran on real races (520 on this seed)
    // The express lane puts the controller first behind every swap it backruns (measured: 520 of 520);
    // 95% leaves room only for its backruns that revert while the rival's goes through.
    expect(controllerFirst / contested).toBeGreaterThan(0.95);
    // And of the backrun profit made in slots with a controller, it takes nearly all (measured 99.96%).
    expect(controllerProfitY / controlledProfitY).toBeGreaterThan(0.95);
    expect(allProfitY).toBeGreaterThan(controlledProfitY); // the first round, without a controller, had some too
    expect(controllers.size).toBe(2); // equal values: the tie-break gives rounds to both
    expect(revenueY).toBeGreaterThan(0);
    expect(world.rollups[0]!.treasury.Y).toBeGreaterThanOrEqual(revenueY); // paid to the rollup (with data fees)
  });

  it('differs from fcfs on the same config: the slow searcher wins its rounds, revenue goes to the rollup, tokens are conserved', () => {
    const tb = runSimulation(timeboostConfig(searchers)).summary;
    const fcfs = runSimulation(timeboostConfig(searchers, {}, 'fcfs')).summary;
    const wins = (s: typeof tb, id: string) => s.searchers.find((x) => x.searcher === id)!.wins;
    // Under fcfs the fast one wins nearly every race; under Timeboost each wins in the rounds it controls.
    expect(wins(fcfs, 'slow')).toBeLessThan(0.1 * wins(fcfs, 'fast'));
    expect(wins(tb, 'slow')).toBeGreaterThan(0.3 * wins(tb, 'fast'));
    const a = tb.rollups[0]!;
    expect(a.express_lane_auctions).toBe(13); // rounds 1–13 close within 400 slots of 2 s (800 s)
    expect(a.express_lane_revenue_y).toBeGreaterThan(0);
    expect(a.express_lane_revenue_per_round_y).toBeCloseTo(a.express_lane_revenue_y / 13, 9);
    // The first of the 13⅓ rounds (30 of 400 slots) has no controller, and on this seed it carried
    // about a fifth of the backrun profit; in the others the controller takes nearly all (above).
    expect(a.express_lane_controller_share).toBeGreaterThan(0.75);
    expect(a.express_lane_controller_share).toBeCloseTo(a.controller_profit_y / a.mev_extracted_y, 12);
    expect(fcfs.rollups[0]!.express_lane_controller_share).toBeNull();
    expect(fcfs.rollups[0]!.express_lane_revenue_y).toBe(0);
    expect(tb.conservation.max_relative_drift).toBeLessThan(1e-9);
  });
});
