import type { MarketConfig } from '../config/schema.js';
import { MarketRun, type MarketRunOptions, type SlotDone } from './marketRun.js';
import type { RunSummary } from './summary.js';

export type RunMarketOptions = MarketRunOptions;

/** Runs `config.slots` slots of a market simulation and returns its summary; `onSlot` as `MarketRun.step`'s. */
export function runMarket(config: MarketConfig, opts: RunMarketOptions = {}, onSlot?: (done: SlotDone) => void): RunSummary {
  const run = MarketRun.start(config, opts);
  run.step(config.slots, onSlot);
  run.flushTable();
  return run.result();
}
