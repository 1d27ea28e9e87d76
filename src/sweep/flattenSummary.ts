import type { Row } from '../engine/recorder.js';
import { isObject } from './paths.js';

/**
 * The key of a list of records: the name of their first field when it holds distinct texts
 * (`rollup` in `[{ rollup: "A", ... }, { rollup: "B", ... }]`), else null (key by position).
 */
function identityField(list: readonly unknown[]): string | null {
  if (list.length === 0 || !list.every(isObject)) return null;
  const field = Object.keys(list[0] as object)[0];
  if (field === undefined) return null;
  const ids = list.map((r) => (r)[field]);
  return ids.every((id) => typeof id === 'string') && new Set(ids).size === ids.length ? field : null;
}

function flattenInto(out: Row, value: unknown, name: string): void {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    out[name] = value ?? null;
  } else if (Array.isArray(value)) {
    const id = identityField(value);
    value.forEach((item, i) => {
      if (id === null) return flattenInto(out, item, `${name}.${i}`);
      const { [id]: key, ...rest } = item as Record<string, unknown>;
      flattenInto(out, rest, `${name}.${String(key)}`);
    });
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) flattenInto(out, v, name ? `${name}.${k}` : k);
  } else {
    throw new TypeError(`cannot flatten a ${typeof value} at "${name}" into a table column`);
  }
}

/**
 * Flattens a run summary (or any JSON value) into one row, generically, so new summary fields
 * become columns without code changes: nested objects give dotted names (`totals.arb_profit_y`),
 * lists of records keyed by a text first field are keyed by it (`rollups.A.user_volume_y`,
 * `searchers.arb-A.pnl_y`), other lists by position (`x.0`).
 */
export function flattenSummary(summary: unknown): Row {
  const out: Row = {};
  flattenInto(out, summary, '');
  return out;
}
