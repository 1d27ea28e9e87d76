import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MarketConfig } from '../config/schema.js';
import { UserInputError } from '../config/errors.js';
import { MarketRun, type MarketSnapshot } from '../marketModel/marketRun.js';
import type { SlotEvent } from '../marketModel/slotRecord.js';
import type { RunSummary } from '../marketModel/summary.js';
import { CsvWriter, type LineTableState } from './csvWriter.js';
import { JsonlWriter } from './formats/jsonl.js';
import type { Column } from './formats/columns.js';
import { writeJson } from './runFolder.js';

/** `checkpoint.json` in a run folder: where the table stands and the model's state after `nextSlot − 1`. */
export interface CheckpointFile {
  version: 1;
  format: 'csv' | 'jsonl';
  table: LineTableState<unknown>;
  snapshot: MarketSnapshot;
}

type LineWriter = CsvWriter | JsonlWriter;

function openTable(dir: string, format: 'csv' | 'jsonl', resume?: LineTableState<unknown>): LineWriter {
  const path = join(dir, `slots.${format}`);
  // A finished run being extended: its table goes back to being a partial one.
  if (resume && !existsSync(`${path}.partial`) && existsSync(path)) renameSync(path, `${path}.partial`);
  if (format === 'csv') return new CsvWriter(path, resume as LineTableState<string[]> | undefined);
  return new JsonlWriter(path, { slot: 'int64' }, resume as LineTableState<Column[]> | undefined);
}

/** Reads a run folder's checkpoint, with a clear error when there is none. */
export function readCheckpoint(dir: string): CheckpointFile {
  const path = join(dir, 'checkpoint.json');
  if (!existsSync(path))
    throw new UserInputError(`Cannot resume "${dir}": it holds no checkpoint.json. Only market runs written as csv or jsonl with checkpoints (the default, --checkpoint-every) can be resumed.`);
  return JSON.parse(readFileSync(path, 'utf8')) as CheckpointFile;
}

export interface CheckpointedRunOptions {
  format: 'csv' | 'jsonl';
  /** Slots between checkpoints; 0 writes one only at the end and on a stop. */
  checkpointEvery: number;
  onSlot?: (event: SlotEvent) => void;
  /** Polled between chunks of slots: true stops the run after writing a checkpoint. */
  stopRequested: () => boolean;
  /** Continue from this checkpoint instead of slot 0. */
  resume?: CheckpointFile;
}

/**
 * Runs a market simulation into `dir` in chunks, writing `checkpoint.json` (atomically, after the
 * table is flushed) every `checkpointEvery` slots, when a stop is requested, and at the end. The
 * table stays `slots.<format>.partial` until the run completes. Yields to the event loop between
 * chunks so that SIGINT/SIGTERM handlers can run. Returns the summary, or null if it was stopped.
 */
export async function runCheckpointed(config: MarketConfig, dir: string, opts: CheckpointedRunOptions): Promise<{ summary: RunSummary | null; slot: number }> {
  const table = openTable(dir, opts.format, opts.resume?.table);
  const hooks = { onRow: (row: Parameters<LineWriter['write']>[0]) => table.write(row), ...(opts.onSlot ? { onSlot: opts.onSlot } : {}) };
  const run = opts.resume ? MarketRun.restore(config, opts.resume.snapshot, hooks) : MarketRun.start(config, hooks);
  const checkpoint = () => writeJson(dir, 'checkpoint.json', { version: 1, format: opts.format, table: table.state(), snapshot: run.snapshot() } satisfies CheckpointFile);
  const every = opts.checkpointEvery > 0 ? opts.checkpointEvery : Infinity;
  const chunk = 1000;
  while (run.nextSlot < config.slots) {
    const nextCheckpoint = Math.floor(run.nextSlot / every) * every + every;
    run.step(Math.min(config.slots, run.nextSlot + chunk, nextCheckpoint));
    if (run.nextSlot === nextCheckpoint && run.nextSlot < config.slots) checkpoint();
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (opts.stopRequested() && run.nextSlot < config.slots) {
      checkpoint();
      return { summary: null, slot: run.nextSlot };
    }
  }
  checkpoint();
  table.close();
  const summary = run.result();
  writeJson(dir, 'summary.json', summary);
  return { summary, slot: run.nextSlot };
}

/** Before a resume: a summary from an earlier completion no longer describes the run. */
export function clearStaleSummary(dir: string): void {
  rmSync(join(dir, 'summary.json'), { force: true });
}
