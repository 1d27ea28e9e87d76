import type { MarketConfig } from '../config/schema.js';
import { MarketRun, type MarketRunOptions } from './marketRun.js';
import type { RunSummary } from './summary.js';

export type RunMarketOptions = MarketRunOptions;

/** Runs `config.slots` slots of a market simulation and returns its summary. */
export function runMarket(config: MarketConfig, opts: RunMarketOptions = {}): RunSummary {
  const run = MarketRun.start(config, opts);
  run.step(config.slots);
  run.flushTable();
  return run.result();
}
