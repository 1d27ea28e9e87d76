import type { Row } from '../engine/recorder.js';
import { tableRow, typeOfValue, type CellValue, type Column, type ColumnType } from '../io/formats/columns.js';

/**
 * One column's values for Arrow and data-frame libraries: a `Float64Array` for a numeric column
 * without nulls, else a plain array (nulls kept). `tableFromArrays(table.columns)` of apache-arrow
 * and `pl.DataFrame(table.columns)`-style constructors take this shape as it is.
 */
export type ColumnArray = Float64Array | CellValue[];

/** A typed table held in memory two ways: as row objects and as one array per column. */
export interface DataTable {
  /** The columns in order, each with its type (the type the CSV and Parquet files are written with). */
  readonly schema: readonly Column[];
  /** One object per row, keys in column order; values checked against their column's type. */
  readonly rows: readonly Row[];
  /** `{ <column name>: values }`, the rows transposed (see {@link ColumnArray}). */
  readonly columns: Readonly<Record<string, ColumnArray>>;
}

/** A column whose type the data settles: `null` takes the first non-null value's type (else `double`). */
export interface OpenColumn {
  readonly name: string;
  readonly type: ColumnType | null;
}

/** The rows transposed into column arrays. */
function columnArrays(schema: readonly Column[], rows: readonly Row[]): Record<string, ColumnArray> {
  const out: Record<string, ColumnArray> = {};
  for (const c of schema) {
    const values = rows.map((r) => r[c.name] ?? null);
    const numeric = (c.type === 'double' || c.type === 'int64') && values.every((v) => v !== null);
    out[c.name] = numeric ? Float64Array.from(values as number[]) : values;
  }
  return out;
}

/**
 * A table of `rows` with the given columns (open types settled by the first non-null value in the
 * rows, else `double`); every row is reduced to the columns and its values type-checked.
 */
export function dataTable(columns: readonly OpenColumn[], rows: readonly Readonly<Record<string, unknown>>[]): DataTable {
  const firstType = (name: string) => {
    for (const r of rows) {
      const t = typeOfValue(r[name]);
      if (t !== null) return t;
    }
    return 'double';
  };
  const schema: Column[] = columns.map((c) => ({ name: c.name, type: c.type ?? firstType(c.name) }));
  const typed = rows.map((r) => tableRow(schema, r));
  return { schema, rows: typed, columns: columnArrays(schema, typed) };
}
