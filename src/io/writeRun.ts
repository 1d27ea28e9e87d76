import { join } from 'node:path';
import type { MarketConfig } from '../config/schema.js';
import type { BiddingWarConfig } from '../config/biddingWarSchema.js';
import { runBiddingWar } from '../biddingWar/runBiddingWar.js';
import type { BiddingWarSummary } from '../biddingWar/types.js';
import { runMarket } from '../marketModel/runMarket.js';
import type { RunSummary } from '../marketModel/summary.js';
import type { SlotEvent } from '../marketModel/slotRecord.js';
import type { BlockSink } from '../engine/columnBlock.js';
import { createTableWriter, type TableWriter } from './formats/tableWriter.js';
import type { TableFormat } from './formats/formats.js';
import { writeJson } from './runFolder.js';
import { slotTableTypes } from './slotTableTypes.js';
import { writeRunAgentsTable } from '../tidy/tidyTables.js';

/** How a run folder's table is written: its format (`csv` by default) and an optional per-slot hook. */
export interface WriteRunOptions {
  format?: TableFormat;
  /** Called after each slot (progress bars). */
  onSlot?: (event: SlotEvent) => void;
  /** A second table receiving the same blocks of rows (a sweep's `--slots-table` partition). */
  alsoTable?: BlockSink;
}

/**
 * A writer of a run's slots table at `path` in `format`: Parquet typed by the column registry
 * ({@link slotTableTypes}); CSV and JSON Lines as they always were.
 */
export function slotTableWriter(path: string, format: TableFormat, config: MarketConfig): TableWriter {
  // Parquet types each column by the registry; CSV ignores types, and JSON Lines keeps the types it always had.
  return createTableWriter(path, format, format === 'parquet' ? slotTableTypes(config) : { slot: 'int64' });
}

/** Runs a market simulation into `dir`: `slots.<format>` streamed row by row, then `summary.json` and `agents.<format>` (one row per agent). */
export function writeMarketRun(config: MarketConfig, dir: string, opts: WriteRunOptions = {}): RunSummary {
  const format = opts.format ?? 'csv';
  const table = slotTableWriter(join(dir, `slots.${format}`), format, config);
  const also = opts.alsoTable;
  const sink: BlockSink = also ? { writeBlock: (block) => (table.writeBlock(block), also.writeBlock(block)) } : table;
  let summary: RunSummary;
  try {
    summary = runMarket(config, { table: sink, ...(opts.onSlot ? { onSlot: opts.onSlot } : {}) });
  } catch (e) {
    table.abandon(); // no open file left behind (a sweep's worker thread runs many runs)
    throw e;
  }
  table.close();
  writeJson(dir, 'summary.json', summary);
  writeRunAgentsTable(dir, format, config, summary);
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
