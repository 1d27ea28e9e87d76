/**
 * The sweep's worker-thread task (run by piscina from the compiled `dist/sweep/worker.js`): one
 * market run, optionally written to its own run folder. Returns the run's summary.
 */
import { mkdirSync } from 'node:fs';
import { seqsimVersion } from '../version.js';
import type { MarketConfig } from '../config/schema.js';
import type { TableFormat } from '../io/formats/formats.js';
import { writeJson } from '../io/runFolder.js';
import { writeMarketRun } from '../io/writeRun.js';
import { runMarket } from '../marketModel/runMarket.js';
import type { RunSummary } from '../marketModel/summary.js';
import { runManifest } from '../io/runManifest.js';

/** One task: a resolved config, and where to write its run folder (none: the summary only). */
export interface SweepTask {
  readonly config: MarketConfig;
  readonly runDir?: string;
  readonly format?: TableFormat;
}

/** Runs one task (the worker's default export, as piscina expects). */
export default function runSweepTask(task: SweepTask): RunSummary {
  if (task.runDir === undefined) return runMarket(task.config);
  mkdirSync(task.runDir, { recursive: true });
  writeJson(task.runDir, 'manifest.json', runManifest(task.config, { seqsim: seqsimVersion(), node: process.version }));
  return writeMarketRun(task.config, task.runDir, task.format ? { format: task.format } : {});
}
