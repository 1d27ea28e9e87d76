import { join } from 'node:path';
import type { MarketConfig } from '../config/schema.js';
import type { BiddingWarConfig } from '../config/biddingWarSchema.js';
import { runBiddingWar } from '../biddingWar/runBiddingWar.js';
import type { BiddingWarSummary } from '../biddingWar/types.js';
import { MarketRun, type SlotDone } from '../marketModel/marketRun.js';
import { runMarket } from '../marketModel/runMarket.js';
import type { RunSummary } from '../marketModel/summary.js';
import type { BlockSink } from '../engine/columnBlock.js';
import { createTableWriter, type TableWriter } from './formats/tableWriter.js';
import type { ColumnType } from './formats/columns.js';
import { openRunTable } from './runTable.js';
import type { TableFormat } from './formats/formats.js';
import { writeJson } from './runFolder.js';
import { slotTableTypes } from './slotTableTypes.js';
import { writeRunAgentsTable } from '../tidy/tidyTables.js';

/** How a run folder's table is written: its format (`csv` by default) and an optional per-slot hook. */
export interface WriteRunOptions {
  format?: TableFormat;
  /** Called after each slot with its number (progress bars; the object is valid during the call). */
  onSlot?: (done: SlotDone) => void;
  /** A second table receiving the same blocks of rows (a sweep's `--slots-table` partition). */
  alsoTable?: BlockSink;
}

/** The column types of a run's slots table: Parquet's by the column registry; CSV ignores types, and JSON Lines keeps the types it always had. */
const slotTypesOf = (format: TableFormat, config: MarketConfig): Readonly<Record<string, ColumnType>> => (format === 'parquet' ? slotTableTypes(config) : { slot: 'int64' });

/**
 * A writer of a run's slots table at `path` in `format`: Parquet typed by the column registry
 * ({@link slotTableTypes}); CSV and JSON Lines as they always were.
 */
export function slotTableWriter(path: string, format: TableFormat, config: MarketConfig): TableWriter {
  return createTableWriter(path, format, slotTypesOf(format, config));
}

/** After the table: `summary.json` and the agents table. */
function finishRunFolder(dir: string, format: TableFormat, config: MarketConfig, summary: RunSummary): void {
  writeJson(dir, 'summary.json', summary);
  writeRunAgentsTable(dir, format, config, summary);
}

/** Runs a market simulation into `dir`: `slots.<format>` streamed row by row, then `summary.json` and `agents.<format>` (one row per agent). */
export function writeMarketRun(config: MarketConfig, dir: string, opts: WriteRunOptions = {}): RunSummary {
  const format = opts.format ?? 'csv';
  const table = slotTableWriter(join(dir, `slots.${format}`), format, config);
  const also = opts.alsoTable;
  const sink: BlockSink = also ? { writeBlock: (block) => (table.writeBlock(block), also.writeBlock(block)) } : table;
  let summary: RunSummary;
  try {
    summary = runMarket(config, { table: sink }, opts.onSlot);
  } catch (e) {
    table.abandon(); // no open file left behind (a sweep's worker thread runs many runs)
    throw e;
  }
  table.close();
  finishRunFolder(dir, format, config, summary);
  return summary;
}

/** Options of {@link writeMarketRunAsync}: those of `writeMarketRun` (no second table) and where the table is written. */
export interface AsyncWriteRunOptions extends Omit<WriteRunOptions, 'alsoTable'> {
  /** Write the table on a worker thread while the model runs in this one (same bytes); default false. */
  writerThread?: boolean;
}

/**
 * {@link writeMarketRun} for a caller that can wait (the CLI): with `writerThread` the slots table
 * is formatted and written on a worker thread, on another core than the model, and the run waits
 * whenever that thread falls a few blocks behind; the same files, the same bytes. On a failure the
 * table is left `.partial` and the writer's error (code, path, message) is thrown.
 */
export async function writeMarketRunAsync(config: MarketConfig, dir: string, opts: AsyncWriteRunOptions = {}): Promise<RunSummary> {
  if (!opts.writerThread) return writeMarketRun(config, dir, opts);
  const format = opts.format ?? 'csv';
  const table = await openRunTable({ path: join(dir, `slots.${format}`), format, types: slotTypesOf(format, config) }, true);
  let summary: RunSummary;
  try {
    const run = MarketRun.start(config, { table });
    while (run.nextSlot < config.slots) {
      run.step(run.nextSlot + 1, opts.onSlot);
      if (table.backlogged()) await table.ready();
    }
    run.flushTable();
    summary = run.result();
    await table.close();
  } catch (e) {
    await table.abandon();
    throw e;
  }
  finishRunFolder(dir, format, config, summary);
  return summary;
}

/** Runs the bidding-war scenario into `dir`: `auctions.<format>` (one row per auction), `summary.json`. */
export function writeBiddingWarRun(config: BiddingWarConfig, dir: string, opts: Pick<WriteRunOptions, 'format'> = {}): BiddingWarSummary {
  const format = opts.format ?? 'csv';
  // Fixed types for columns that may be null in the first rows (Parquet needs them up front).
  const types = { auction: 'int64', winner: 'string', winnerStrategy: 'string', seed: typeof config.seed === 'number' ? 'int64' : 'string' } as const;
  const csv = createTableWriter(join(dir, `auctions.${format}`), format, types);
  const { summary } = runBiddingWar(config, { onAuction: (rec) => csv.write({ ...rec }), keepRecords: false });
  csv.close();
  writeJson(dir, 'summary.json', summary);
  return summary;
}
