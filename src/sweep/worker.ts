/**
 * The sweep's worker-thread task (run by piscina from the compiled `dist/sweep/worker.js`): one
 * market run, optionally written to its own run folder. Returns the run's summary.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { seqsimVersion } from '../version.js';
import type { MarketConfig } from '../config/schema.js';
import type { TableFormat } from '../io/formats/formats.js';
import { writeJson } from '../io/runFolder.js';
import { slotTableWriter, writeMarketRun } from '../io/writeRun.js';
import type { TableWriter } from '../io/formats/tableWriter.js';
import { runMarket } from '../marketModel/runMarket.js';
import type { RunSummary } from '../marketModel/summary.js';
import { runManifest } from '../io/runManifest.js';

/**
 * One task: a resolved config, where to write its run folder (none: the summary only) and where to
 * write its slots table alone (`--slots-table`: the sweep's partition `slots/run_id=<id>/part-0.<format>`).
 */
export interface SweepTask {
  readonly config: MarketConfig;
  readonly runDir?: string;
  readonly slotsPath?: string;
  readonly format?: TableFormat;
}

/** Runs one task (the worker's default export, as piscina expects). */
export default function runSweepTask(task: SweepTask): RunSummary {
  const format = task.format ?? 'csv';
  let partition: TableWriter | undefined;
  if (task.slotsPath !== undefined) {
    mkdirSync(dirname(task.slotsPath), { recursive: true });
    partition = slotTableWriter(task.slotsPath, format, task.config);
  }
  let summary: RunSummary;
  try {
    if (task.runDir === undefined) summary = runMarket(task.config, partition ? { table: partition } : {});
    else {
      mkdirSync(task.runDir, { recursive: true });
      writeJson(task.runDir, 'manifest.json', runManifest(task.config, { seqsim: seqsimVersion(), node: process.version }));
      summary = writeMarketRun(task.config, task.runDir, { format, ...(partition ? { alsoTable: partition } : {}) });
    }
  } catch (e) {
    // A failed run leaves no partition of the slots table (the run's row says it failed) and no open file.
    partition?.abandon();
    if (task.slotsPath !== undefined) rmSync(dirname(task.slotsPath), { recursive: true, force: true });
    throw e;
  }
  partition?.close();
  return summary;
}
