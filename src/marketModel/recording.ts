import { UserInputError } from '../config/errors.js';
import type { MarketConfig } from '../config/schema.js';
import type { Row } from '../engine/recorder.js';
import { slotRowsOf, tableColumns, type ColumnSpec } from './columns.js';
import type { SlotEvent } from './slotRecord.js';

/** Columns every slots table keeps, whatever `output.columns` selects: a row's key (one row per slot and rollup). */
export const keyColumns = ['slot', 'rollup'] as const;

/** Every column of a run of `config`: the registry's and those of its searchers' kinds (what the summary aggregates). */
export function columnsOf(config: Pick<MarketConfig, 'searchers'>): readonly ColumnSpec[] {
  return tableColumns(config.searchers.map((s) => s.kind));
}

/** The names in `names` that are no column of a run of `config`. */
export function unknownColumns(names: readonly string[], config: Pick<MarketConfig, 'searchers'>): string[] {
  const known = new Set(columnsOf(config).map((c) => c.name));
  return names.filter((n) => !known.has(n));
}

/** `the columns of this run are: slot, time_s, … (meanings in docs/reference/outputs.md)`. */
export function listColumns(config: Pick<MarketConfig, 'searchers'>): string {
  return `the columns of this run are: ${columnsOf(config).map((c) => c.name).join(', ')} (meanings in docs/reference/outputs.md)`;
}

/**
 * The columns the run's per-slot table records: every one, or those `output.columns` names plus the
 * row key (`slot`, `rollup`), in table order.
 * @throws UserInputError when `output.columns` names a column this run does not have.
 */
export function recordedColumns(config: MarketConfig): readonly ColumnSpec[] {
  const all = columnsOf(config);
  const chosen = config.output?.columns;
  if (!chosen) return all;
  const unknown = unknownColumns(chosen, config);
  if (unknown.length > 0)
    throw new UserInputError(`Invalid config: output.columns.${chosen.indexOf(unknown[0]!)}: unknown column "${unknown[0]}"; ${listColumns(config)}.`);
  const keep = new Set<string>([...keyColumns, ...chosen]);
  return all.filter((c) => keep.has(c.name));
}

/**
 * The recorder of the per-slot table (Agents.jl's `adata` with `when`): the rows of slots 0, K, 2K, …
 * for `K = output.recordEvery` (1: every slot), with {@link recordedColumns}. Slot numbers are
 * absolute, so a resumed run records the same slots as a straight one.
 */
export function tableRowsOf(config: MarketConfig): (e: SlotEvent) => Row[] {
  const rows = slotRowsOf(recordedColumns(config)) as (e: SlotEvent) => Row[];
  const every = config.output?.recordEvery ?? 1;
  return every === 1 ? rows : (e) => (e.slot % every === 0 ? rows(e) : []);
}
