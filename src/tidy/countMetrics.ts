import { searcherKinds } from '../agents/searchers/registry.js';
import { tableColumns } from '../marketModel/columns.js';

/*
 * Summary fields that sum a `count` column of the slot-table registry over slots (a rollup's
 * `user_swaps`, and `totals.<name>` where the column totals): whole numbers, so tables type them
 * int64 (Parquet INT64) rather than by their values (numbers: double).
 */
const counted = tableColumns(searcherKinds.map((k) => k.kind)).filter((c) => c.type === 'count' && c.summary);

/** A rollup's summed counts, by their field name (`user_swaps`). */
export const countSums: ReadonlySet<string> = new Set(counted.map((c) => c.summary!.sum));

/** The totals of summed counts, by their flattened name (`totals.user_swaps`). */
export const countTotals: ReadonlySet<string> = new Set(counted.flatMap((c) => (c.summary!.total ? [`totals.${c.summary!.sum}`] : [])));

/** Whether a flattened summary field is a summed count: `totals.<count>` or `rollups.<id>.<count>` (ids hold no dots). */
export function isCountMetric(name: string): boolean {
  if (countTotals.has(name)) return true;
  const parts = name.split('.');
  return parts.length === 3 && parts[0] === 'rollups' && countSums.has(parts[2]!);
}
