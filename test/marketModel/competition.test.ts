import { describe, expect, it } from 'vitest';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runSimulation } from '../../src/index.js';
import { smallConfig } from '../cli/helpers.js';

/*
 * Competition among searchers: several CEX-DEX arbitrageurs on one pool see the same opportunity
 * and bid for the same top of block, sold directly by the proposer. How much of the MEV reaches the
 * proposer (the MEV-oracle accuracy: payments ÷ the winners' own value of what they won) depends on
 * the number of competitors and the mechanism, as complete-information theory says:
 * - one bidder alone pays (almost) nothing under first-price (it bids the least winning bid) and
 *   nothing under second-price (no rival bid to pay);
 * - two or more bidders of equal value bid their value under first-price (Bertrand: v(2) = v) and
 *   pay the rival's bid, the value, under second-price (Vickrey 1961): accuracy 1.
 * Learners (Hedge on min-to-win feedback) shade less against a rival than alone.
 */
function accuracy(n: number, mechanism: string, strategy: Record<string, unknown>, slots = 400, feedback = 'own'): number {
  const config = resolveMarketConfig(
    smallConfig({
      slots,
      reference: { initialPriceYPerX: 2000, sigmaPerYear: 2 },
      rollups: [{ id: 'A', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.0001 }, users: { arrivalsPerSlot: 0 } }],
      searchers: Array.from({ length: n }, (_, i) => ({ kind: 'cex-dex', id: `arb-${i}`, rollup: 'A', strategy })),
      mechanism: { name: mechanism },
      bidding: { feedback },
    }),
  );
  const s = runSimulation(config).summary;
  expect(s.searchers.reduce((a, x) => a + x.wins, 0)).toBeGreaterThan(slots / 3);
  return s.mev_oracle_accuracy!;
}

describe('how much MEV reaches the proposer depends on the competitors and the mechanism', () => {
  it('equilibrium bidders: alone they keep the MEV, two or three give it all to the proposer (first- and second-price)', () => {
    for (const m of ['first-price', 'second-price']) {
      expect(accuracy(1, m, { name: 'equilibrium' })).toBeLessThan(1e-6);
      expect(accuracy(2, m, { name: 'equilibrium' })).toBeCloseTo(1, 6);
      expect(accuracy(3, m, { name: 'equilibrium' })).toBeCloseTo(1, 6);
    }
  });

  it('a fixed fraction gives the proposer the same share whatever the competition (what round 1 measured)', () => {
    const fixed = { name: 'fixed-fraction' };
    expect(accuracy(1, 'first-price', fixed)).toBeCloseTo(0.5, 6);
    expect(accuracy(3, 'first-price', fixed)).toBeCloseTo(0.5, 6);
  });

  it('Hedge learners shade less against rivals than alone (first-price, min-to-win feedback)', () => {
    const hedge = { name: 'hedge', learningRate: 0.2 };
    const alone = accuracy(1, 'first-price', hedge, 1500, 'min-to-win');
    const three = accuracy(3, 'first-price', hedge, 1500, 'min-to-win');
    expect(alone).toBeLessThan(0.2);
    expect(three).toBeGreaterThan(alone + 0.3);
  });
});

describe('bidding.regret', () => {
  it('off: regret is null and everything else is as with it on', () => {
    const base = {
      slots: 300,
      builders: [{ id: 'b1' }, { id: 'b2', skill: 0.5, strategy: { name: 'ucb1' } }],
      searchers: [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A', strategy: { name: 'exp3' } }, { kind: 'cex-dex', id: 'arb-B', rollup: 'B' }],
    };
    const on = runSimulation(resolveMarketConfig(smallConfig(base))).summary;
    const off = runSimulation(resolveMarketConfig(smallConfig({ ...base, bidding: { regret: false } }))).summary;
    expect(off.bidders.every((b) => b.regret_y === null && b.best_fixed_action === null && b.regret_per_auction_y === null)).toBe(true);
    expect(on.bidders.every((b) => b.auctions === 0 || typeof b.regret_y === 'number')).toBe(true);
    const strip = (s: typeof on) => ({ ...s, bidders: s.bidders.map(({ regret_y: _r, best_fixed_action: _b, regret_per_auction_y: _p, ...rest }) => rest) });
    expect(strip(off)).toEqual(strip(on));
  });
});
