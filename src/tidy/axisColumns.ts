import type { ColumnType } from '../io/formats/columns.js';
import type { SweepAxis } from '../sweep/findAxes.js';
import { pathName } from '../sweep/paths.js';
import { axisLabel } from './axisLabel.js';

/** One column an axis gives the tidy tables: its name, type and the cell for an axis value. */
export interface AxisColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** The axis this column comes from (its path name, `rollups.0.pool.fee`). */
  readonly axis: string;
  readonly cell: (value: unknown) => string | number | boolean | null;
}

type Kind = 'number' | 'string' | 'bool' | 'object';

const kindOf = (v: unknown): Kind | null =>
  v === null || v === undefined ? null : typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'object';

/**
 * The typed columns of one sweep axis, fixed by the axis' values (never by results), named by the
 * axis path `p`; null values are missing values and do not decide a type:
 * - numbers: `p`, `int64` when every value is a whole number, else `double`;
 * - texts: `p` (`string`); booleans: `p` (`bool`);
 * - objects or lists (a mechanism, a sharing rule, a list of builders): `p`, a readable label
 *   (`tullock(alpha=1)`, see {@link axisLabel}), and `p.json`, the value as JSON;
 * - mixed kinds (`0.2` and `"strategic"`): `p`, the label of every value (`"0.2"`, `"strategic"`),
 *   so that grouping by `p` keeps every cell apart; `p.number` (`double`), the numeric values (null
 *   for the others); and `p.json` when some values are objects.
 */
export function axisColumns(axis: SweepAxis): AxisColumn[] {
  const name = pathName(axis.path);
  const kinds = new Set(axis.values.map(kindOf).filter((k): k is Kind => k !== null));
  const only = kinds.size === 1 ? [...kinds][0]! : kinds.size === 0 ? 'number' : null;
  const asIs = (v: unknown) => (v ?? null) as string | number | boolean | null;
  const json = { name: `${name}.json`, type: 'string' as const, axis: name, cell: (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v)) };
  const label = { name, type: 'string' as const, axis: name, cell: (v: unknown) => (v === null || v === undefined ? null : axisLabel(v)) };
  if (only === 'number') {
    const whole = axis.values.every((v) => v === null || v === undefined || Number.isSafeInteger(v));
    return [{ name, type: whole ? 'int64' : 'double', axis: name, cell: asIs }];
  }
  if (only === 'string') return [{ name, type: 'string', axis: name, cell: asIs }];
  if (only === 'bool') return [{ name, type: 'bool', axis: name, cell: asIs }];
  if (only === 'object') return [label, json];
  const number = { name: `${name}.number`, type: 'double' as const, axis: name, cell: (v: unknown) => (typeof v === 'number' ? v : null) };
  return [label, ...(kinds.has('number') ? [number] : []), ...(kinds.has('object') ? [json] : [])];
}

/** The axis columns of every axis, in axis order; `params` (a cell's values by axis name) → the cells. */
export function axisCells(columns: readonly AxisColumn[], params: Readonly<Record<string, unknown>>): Record<string, string | number | boolean | null> {
  return Object.fromEntries(columns.map((c) => [c.name, c.cell(params[c.axis])]));
}
