import type { Row } from '../../engine/recorder.js';
import type { Column, ColumnType } from '../../engine/columnBlock.js';

export type { Column, ColumnType } from '../../engine/columnBlock.js';

/** One table cell after {@link cellValue}: finite number, text, boolean or null. */
export type CellValue = number | string | boolean | null;

/** The column type a value implies (`null` for null: it implies nothing). */
export function typeOfValue(v: unknown): ColumnType | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'double';
  throw new TypeError(`a table cell must be a number, text, boolean or null, but got ${typeof v}`);
}

/**
 * Columns from the rows' keys (the first row's, in order, then any new ones), each typed by
 * `types[name]`, else by its first non-null value, else `double`.
 */
export function inferColumns(rows: readonly Row[], types: Readonly<Record<string, ColumnType>> = {}): Column[] {
  const found = new Map<string, ColumnType | null>();
  for (const row of rows)
    for (const [name, v] of Object.entries(row)) if (!found.get(name)) found.set(name, types[name] ?? typeOfValue(v));
  return [...found].map(([name, type]) => ({ name, type: type ?? 'double' }));
}

/**
 * The value written for `column`: non-finite numbers become null (no format but Parquet can hold
 * NaN, and CSV and JSON cannot), −0 becomes 0; a value of the wrong type is a bug and throws.
 */
export function cellValue(column: Column, v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  const ok =
    column.type === 'double' ? typeof v === 'number'
    : column.type === 'int64' ? typeof v === 'number' && (Number.isSafeInteger(v) || !Number.isFinite(v))
    : column.type === 'bool' ? typeof v === 'boolean'
    : typeof v === 'string';
  if (!ok) throw new TypeError(`column "${column.name}" holds ${column.type} values, but got ${JSON.stringify(v)}`);
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null;
  return v as string | boolean;
}

/** `row` reduced to `columns`, in their order, each value checked by {@link cellValue}. */
export function tableRow(columns: readonly Column[], row: Readonly<Record<string, unknown>>): Row {
  const out: Row = {};
  for (const c of columns) out[c.name] = cellValue(c, row[c.name]);
  return out;
}
