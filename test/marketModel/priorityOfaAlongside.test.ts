import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { runSlots } from '../../src/engine/simulation.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { placementOf } from '../../src/marketModel/orderingPolicy.js';
import type { RollupSlotRecord } from '../../src/marketModel/slotRecord.js';

/*
 * Priority-fee ordering and the order-flow auction alongside the other features of the market: a
 * Timeboost rollup is ordered by arrival (its bundles placed as fcfs ones: never sold by the block,
 * the rollup's fee auction or the OFA), a partial-block auction's local part takes only what the
 * block sells, execution tickets leave priority fees to the rollup, and every row splits the bids
 * paid: winning_bid_y = auctioned_part_y + local_part_y + priority_fee_y + ofa_revenue_y.
 */

const SCENARIO = 'configs/scenarios/shared-vs-separate.json';
const SLOTS = 150;

/** The scenario (two rollups, builders) with rollup orderings and a mechanism set. */
function configOf(orderings: readonly string[], mechanism: Record<string, unknown> | null): MarketConfig {
  const sets = orderings.map((o, i) => `rollups.${i}.ordering=${o}`);
  if (mechanism) sets.push(`mechanism=${JSON.stringify(mechanism)}`);
  return loadConfig(SCENARIO, [...sets, `slots=${SLOTS}`]) as MarketConfig;
}

/** Runs every slot; `check` sees each slot's outcome and rows. Returns Σ of some columns. */
function runChecking(config: MarketConfig, check: (ms: ReturnType<typeof buildMarketSimulation>, rows: readonly RollupSlotRecord[]) => void) {
  const ms = buildMarketSimulation(config);
  const sums = { winningBidY: 0, auctionedPartY: 0, localPartY: 0, priorityFeeY: 0, ofaRevenueY: 0, expressLaneRevenueY: 0 };
  ms.bus.on('slot', (e) => {
    for (const r of e.rollups) {
      const parts = r.auctionedPartY + r.localPartY + r.priorityFeeY + r.ofaRevenueY;
      expect(Math.abs(r.winningBidY - parts)).toBeLessThanOrEqual(1e-9 * Math.max(1, r.winningBidY));
      for (const k of Object.keys(sums) as (keyof typeof sums)[]) sums[k] += r[k];
    }
    check(ms, e.rollups);
  });
  runSlots(ms.sim, 0, config.slots);
  return sums;
}

describe('priority fees and the OFA alongside Timeboost, partial-block and execution tickets', () => {
  it('a Timeboost rollup places bundles by arrival: its bundles pay nothing, even under the OFA; the priority-fee rollup keeps its fees', () => {
    const config = configOf(['timeboost', 'priority-fee'], { name: 'order-flow-auction', pricing: 'first-price', userShare: 1 });
    let onTimeboost = 0;
    const sums = runChecking(config, (ms) => {
      const o = ms.lastOutcome()!;
      for (const a of o.auction.allocated) {
        const placement = placementOf(ms.world, a.bundle, o.auction.ofaUsers);
        if (a.bundle.bidRollup === 0) {
          onTimeboost++;
          expect(placement).toBe('fcfs');
          expect(a.paymentGas).toBe(0);
          expect(a.payee).toBeUndefined();
        } else if (placement === 'priority-fee') expect(a.payee).toBe('rollup');
      }
    });
    expect(onTimeboost).toBeGreaterThan(0);
    expect(sums.priorityFeeY).toBeGreaterThan(0);
    expect(sums.expressLaneRevenueY).toBeGreaterThan(0);
  });

  it.each(['greedy', 'fcfs'] as const)('partial-block (local build %s) with a priority-fee rollup: the local part takes only what the block sells', (localBuild) => {
    const config = configOf(['priority-fee', 'auction'], { name: 'partial-block', topOfBlockShare: 0.3, localBuild });
    const sums = runChecking(config, (ms) => {
      const o = ms.lastOutcome()!;
      for (const a of o.auction.allocated) {
        if (a.localBuild !== undefined) {
          expect(a.payee).toBeUndefined();
          expect(placementOf(ms.world, a.bundle, o.auction.ofaUsers)).toBe('block');
        }
        if (a.payee === 'rollup') expect(a.localBuild).toBeUndefined();
      }
      // Each bundle is allocated at most once.
      expect(new Set(o.auction.allocated.map((a) => a.bundle)).size).toBe(o.auction.allocated.length);
    });
    expect(sums.localPartY).toBeGreaterThan(0);
    expect(sums.priorityFeeY).toBeGreaterThan(0);
    expect(sums.auctionedPartY).toBeGreaterThan(0);
  });

  it('execution tickets with a priority-fee rollup: the fees go to the rollup, the block to the ticket holder', () => {
    const config = configOf(['priority-fee', 'auction'], { name: 'execution-tickets', lookaheadSlots: 2 });
    const sums = runChecking(config, (ms, rows) => {
      // The proposer is paid nothing by the priority-fee rollup.
      expect(rows[0]!.proposerRevenueY).toBe(0);
      const o = ms.lastOutcome()!;
      expect(o.auction.blocks.every((b) => b.tickets !== undefined)).toBe(true);
    });
    expect(sums.priorityFeeY).toBeGreaterThan(0);
    expect(sums.auctionedPartY).toBeGreaterThan(0);
  });

  it('the OFA with builders (first-price pricing): its prices are outside the block, split between users and the proposer', () => {
    const config = configOf(['auction', 'auction'], { name: 'order-flow-auction', pricing: 'first-price', userShare: 0.8 });
    let rebates = 0;
    const sums = runChecking(config, (_ms, rows) => {
      for (const r of rows) rebates += r.userRebateY;
    });
    expect(sums.ofaRevenueY).toBeGreaterThan(0);
    expect(rebates).toBeCloseTo(sums.ofaRevenueY / 2, 6); // rebateFraction 0.5
    expect(sums.auctionedPartY).toBeGreaterThan(0);
  });
});
