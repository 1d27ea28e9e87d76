import type { MarketConfig } from '../config/schema.js';
import type { Row } from '../engine/recorder.js';
import { attachRecorder } from '../engine/recorder.js';
import { runSlots } from '../engine/simulation.js';
import { buildMarketSimulation } from './buildSimulation.js';
import { slotRows, type SlotEvent } from './slotRecord.js';
import { SummaryAccumulator, type RunSummary } from './summary.js';

export interface RunMarketOptions {
  /** Receives each per-slot table row (one per rollup per slot) as it is produced. */
  onRow?: (row: Row) => void;
  /** Receives each slot event (for observables and progress). */
  onSlot?: (event: SlotEvent) => void;
}

/** Runs `config.slots` slots of a market simulation and returns its summary. */
export function runMarket(config: MarketConfig, opts: RunMarketOptions = {}): RunSummary {
  const { sim, world, bus } = buildMarketSimulation(config);
  const summary = new SummaryAccumulator({
    refPriceYPerX: world.refPriceYPerX,
    poolPrices: world.rollups.map((r) => r.pool.reserveY / r.pool.reserveX),
  });
  bus.on('slot', (e) => summary.add(e));
  if (opts.onRow) attachRecorder(bus, { eventType: 'slot', toRows: slotRows }, opts.onRow);
  if (opts.onSlot) bus.on('slot', opts.onSlot);
  runSlots(sim, 0, config.slots);
  bus.complete();
  return summary.result(world);
}
