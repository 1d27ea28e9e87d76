import type { MarketConfig } from '../config/schema.js';
import { recordedColumns } from '../marketModel/recording.js';
import { tableColumnOf } from '../marketModel/slotTable.js';
import type { ColumnType } from './formats/columns.js';

/**
 * The declared type of every column a run's slots table records, from the column registry (so a
 * Parquet table has INT64 counts, BOOLEAN flags and UTF8 texts whatever the first row holds).
 * CSV and JSON Lines carry no types: only Parquet reads them.
 */
export function slotTableTypes(config: MarketConfig): Record<string, ColumnType> {
  return Object.fromEntries(recordedColumns(config).map((c) => [c.name, tableColumnOf(c).type]));
}
