import type { MarketConfig } from '../../src/config/schema.js';
import { stepSlot } from '../../src/engine/simulation.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import type { RollupSlotRecord } from '../../src/marketModel/slotRecord.js';

/**
 * Runs slot 0 of a resolved market config whose only searcher is the one measured: its PnL at the
 * reference price (on-chain holdings), the pools and their prices after the slot, the slot's
 * per-rollup records and the world (feedback tests).
 */
export function runOneSlot(config: MarketConfig) {
  const { sim, world, bus } = buildMarketSimulation(config);
  let stats: readonly RollupSlotRecord[] = [];
  bus.on('slot', (e) => void (stats = e.rollups));
  stepSlot(sim, 0);
  const pnlY = world.searchers[0]!.onchain.reduce((a, b) => a + b.X * world.refPriceYPerX + b.Y, 0);
  const pools = world.rollups.map((r) => r.pool);
  return { pnlY, pools, prices: pools.map((p) => p.reserveY / p.reserveX), stats, ref: world.refPriceYPerX, world };
}
