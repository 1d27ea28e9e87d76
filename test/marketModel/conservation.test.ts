import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { runSlots } from '../../src/engine/simulation.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { holdingsOf } from '../../src/marketModel/conservation.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { columnsOf } from '../../src/marketModel/marketRun.js';
import { SummaryAccumulator } from '../../src/marketModel/summary.js';

/*
 * Token conservation over every shipped market scenario: on each rollup the sum of X (and of Y) over
 * every holder stays at the pool's initial reserves, up to floating-point rounding.
 *
 * The bound. A flow rounds a handful of numbers, each of magnitude at most M (the largest |balance|
 * of any holder of that token on that rollup so far), each with an error of at most half an ulp,
 * 2^-53·M. A swap computes the new output reserve and the amount paid out separately (≤ 3 roundings
 * each), adds the amounts to two holders and charges a fee: fewer than 16 roundings, so at most
 * 8·2^-52·M per flow. The flows of one slot on one rollup are at most: each user swap; per bundle
 * submitted on the rollup (`bids`, an upper bound of those executed) two swaps (a sandwich's front
 * and back), its payment, and its unwind next slot if it was a lone leg — 4 per bid; and 4 per slot
 * for the builder's split of each token and the proposer's disposal sale. Summing H holders adds at
 * most H²·2^-53·M. So after slots 1…s
 *
 *     |drift| ≤ 2^-52 · M · (8 · Σ_slots (user_swaps + 4·bids + 4) + H²)
 *
 * a worst case (errors of one sign); the actual drift is a random walk far below it.
 */

const SLOTS = 3000;
const ULP = 2 ** -52;

const shipped = ['configs/baseline.json', ...readdirSync('configs/scenarios').filter((f) => f.endsWith('.json')).sort().map((f) => join('configs/scenarios', f))];
const marketScenarios = shipped.filter((p) => ((JSON.parse(readFileSync(p, 'utf8')) as { kind?: string }).kind ?? 'market') === 'market');
// Variants whose flows no shipped scenario has: a partial-block auction's local part pays the proposer directly.
const variants: { path: string; sets: readonly string[] }[] = ['greedy', 'fcfs'].map((localBuild) => ({
  path: 'configs/scenarios/shared-vs-separate.json',
  sets: [`mechanism=${JSON.stringify({ name: 'partial-block', topOfBlockShare: 0.25, localBuild })}`],
}));
// An atomic cross-rollup searcher paying its bids on both legs (payOn "both"): each share is bought and paid on its own rollup.
const bothLegs = { kind: 'cross-rollup', id: 'cross', rollups: ['A', 'B'], bundling: 'atomic', payOn: 'both', payOnRatio: 0.3, bidFraction: 0.6 };
variants.push({ path: 'configs/scenarios/shared-vs-separate.json', sets: [`searchers=${JSON.stringify([bothLegs, { kind: 'backrun', id: 'backrun-A', rollup: 'A', bidFraction: 0.6 }])}`] });
// Searchers with capital (initial balances in the initial supply; trades cut to holdings; negative balances financed) and a CEX with fee and depth.
const withCapital = [
  { kind: 'cex-dex', id: 'arb-A', rollup: 'A', bidFraction: 0.6, capital: { initialX: 2, initialY: 4000, negative: 'forbid' }, cex: { feeBp: 10, depthY: 20_000 } },
  { kind: 'capped-cex-dex', id: 'arb-B', rollup: 'B', maxTradeY: 3000, bidFraction: 0.6, capital: { negative: 'finance', financeRatePerSlot: 1e-5 }, cex: { feeBp: 5 } },
  { ...bothLegs, capital: { initialX: 3, initialY: 5000 } },
  { kind: 'backrun', id: 'backrun-A', rollup: 'A', bidFraction: 0.6, capital: { initialY: 1000, negative: 'finance', financeRatePerSlot: 1e-5 } },
];
variants.push({ path: 'configs/scenarios/shared-vs-separate.json', sets: [`searchers=${JSON.stringify(withCapital)}`] });
const cases = [...marketScenarios.map((path) => ({ path, sets: [] as readonly string[] })), ...variants];

describe(`token conservation over ${SLOTS} slots of every shipped market scenario`, () => {
  it('finds the shipped market scenarios', () => {
    expect(marketScenarios).toContain('configs/baseline.json');
    expect(marketScenarios.length).toBeGreaterThanOrEqual(6);
  });

  for (const { path, sets } of cases) {
    it(`${[path, ...sets].join(' --set ')}: |Σ over holders − initial| stays within the rounding bound every slot`, () => {
      const config = loadConfig(path, sets) as MarketConfig;
      const ms = buildMarketSimulation(config);
      const acc = new SummaryAccumulator({ refPriceYPerX: ms.world.refPriceYPerX, poolPrices: ms.world.rollups.map((r) => r.pool.reserveY / r.pool.reserveX) }, columnsOf(config));
      const ops = config.rollups.map(() => 0);
      const maxAbs = config.rollups.map(() => ({ X: 0, Y: 0 }));
      let worst = 0; // largest |drift| ÷ bound seen
      ms.observeSlots((f) => acc.add(f));
      ms.bus.on('slot', (e) => {
        e.rollups.forEach((r, i) => {
          ops[i]! += r.userCount + 4 * r.bidCount + 4;
          const holders = holdingsOf(ms.world, i);
          for (const t of ['X', 'Y'] as const) {
            const m = maxAbs[i]!;
            for (const h of holders) m[t] = Math.max(m[t], Math.abs(h.balances[t]));
            const bound = ULP * m[t] * (8 * ops[i]! + holders.length ** 2);
            const drift = Math.abs(t === 'X' ? r.supplyDriftX : r.supplyDriftY);
            expect(drift, `${r.rollup} ${t} slot ${e.slot}`).toBeLessThanOrEqual(bound);
            worst = Math.max(worst, drift / bound);
          }
        });
      });
      runSlots(ms.sim, 0, SLOTS);
      const summary = acc.result(ms.world);
      expect(summary.slots).toBe(SLOTS);
      expect(Number.isFinite(summary.conservation.max_relative_drift)).toBe(true);
      expect(summary.conservation.max_relative_drift).toBeLessThan(1e-12);
      // The payment cap (half the pool's reserve per bid) never bites in a shipped scenario.
      for (const r of summary.rollups) expect(r.unpaid_bid_gas, r.rollup).toBe(0);
      expect(worst).toBeLessThan(1);
    });
  }
});
