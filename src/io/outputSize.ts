import type { MarketConfig } from '../config/schema.js';
import type { ColumnSpec } from '../marketModel/columns.js';
import { recordedColumns } from '../marketModel/recording.js';
import type { TableFormat } from './formats/formats.js';

/**
 * Mean bytes of one CSV value by column type (without its separator), and of one Parquet cell
 * (compressed, metadata included), measured over every shipped market scenario at 2,000 slots by
 * `node scripts/measure-output-sizes.mjs` (per scenario: amounts 4.8–8.1 bytes, Parquet 0.97–1.88
 * bytes a cell, so an estimate is good to about ±30%). The `slot` column is counted exactly.
 */
export const csvValueBytes = { count: 1.22, amount: 6.26, flag: 4.73, text: 3.71 } as const;
/** See {@link csvValueBytes}. */
export const parquetCellBytes = 1.4;

/** Mean number of decimal digits of the recorded slot numbers 0, K, 2K, … below `slots`. */
function meanSlotDigits(slots: number, every: number): number {
  const recorded = Math.ceil(slots / every);
  let digits = 0;
  for (let d = 1, lo = 0; lo < slots; d++, lo = 10 ** (d - 1)) {
    const hi = Math.min(10 ** d, slots);
    digits += d * (Math.ceil(hi / every) - Math.ceil(lo / every));
  }
  return digits / recorded;
}

/** What a run's per-slot table will hold: rows, columns and an estimate of its bytes. */
export interface TableSizeEstimate {
  readonly rows: number;
  readonly columns: number;
  readonly bytes: number;
}

/**
 * Estimates the bytes of the per-slot table a run of `config` writes in `format`: rows (slots
 * recorded × rollups) times a row's bytes from the measured value sizes ({@link csvValueBytes}); a
 * JSONL cell adds its key and punctuation (`"name":` and a comma; quotes around text).
 */
export function estimateTableBytes(config: MarketConfig, format: TableFormat): TableSizeEstimate {
  const every = config.output?.recordEvery ?? 1;
  const rows = Math.ceil(config.slots / every) * config.rollups.length;
  const columns = recordedColumns(config);
  const slotDigits = meanSlotDigits(config.slots, every);
  const value = (c: ColumnSpec) => (c.name === 'slot' ? slotDigits : csvValueBytes[c.type]);
  let rowBytes: number;
  if (format === 'parquet') rowBytes = parquetCellBytes * columns.length;
  else if (format === 'csv') rowBytes = columns.reduce((a, c) => a + value(c) + 1, 0);
  else rowBytes = 2 + columns.reduce((a, c) => a + value(c) + c.name.length + 4 + (c.type === 'text' ? 2 : 0), 0);
  return { rows, columns: columns.length, bytes: Math.round(rows * rowBytes) };
}

const units = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 } as const;

/** `1GB`, `500 MB`, `2e9` (bytes), `1.5tb` → bytes (decimal units); `off` → Infinity; else undefined. */
export function parseSize(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'off') return Infinity;
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*(b|kb|mb|gb|tb)?$/.exec(t);
  if (!m) return undefined;
  return Number(m[1]) * units[(m[2] ?? 'b') as keyof typeof units];
}

/** `750 GB`, `1.2 MB`, `980 bytes` (decimal units, 2 significant digits at least). */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['TB', 1e12], ['GB', 1e9], ['MB', 1e6], ['kB', 1e3]] as const)
    if (bytes >= size) return `${Number((bytes / size).toPrecision(bytes / size >= 100 ? 3 : 2))} ${unit}`;
  return `${Math.round(bytes)} bytes`;
}
