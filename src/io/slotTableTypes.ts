import type { MarketConfig } from '../config/schema.js';
import type { ColumnSpec } from '../marketModel/columns.js';
import { recordedColumns } from '../marketModel/recording.js';
import type { ColumnType } from './formats/columns.js';

/** The table type of each kind of registry column: counts are whole numbers, flags booleans, texts strings. */
const tableType: Record<ColumnSpec['type'], ColumnType> = { count: 'int64', amount: 'double', flag: 'bool', text: 'string' };

/**
 * The declared type of every column a run's slots table records, from the column registry (so a
 * Parquet table has INT64 counts, BOOLEAN flags and UTF8 texts whatever the first row holds).
 * CSV and JSON Lines carry no types: only Parquet reads them.
 */
export function slotTableTypes(config: MarketConfig): Record<string, ColumnType> {
  return Object.fromEntries(recordedColumns(config).map((c) => [c.name, tableType[c.type]]));
}
