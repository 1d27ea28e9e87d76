import type { MarketConfig } from '../config/schema.js';
import { createColumnBlock, type BlockSink, type Column, type ColumnBlock } from '../engine/columnBlock.js';
import type { ColumnSource, ColumnSpec, SlotInfo } from './columns.js';
import { compileFill, type BoundFill, type FillCell, type StoredAs } from './compiledRecords.js';
import { recordedColumns } from './recording.js';
import type { SlotOutcome } from './slot.js';
import { blankRollupState, recordedUserSurplusY, WinnerTexts, winnersScratch, writeRollupState, type RollupStateRecord, type SlotFrame } from './slotRecord.js';

/** Rows per block: a few thousand rows, about 2 MB of CSV. */
export const slotTableBlockRows = 4096;

/** The table type of each kind of registry column: counts are whole numbers, flags booleans, texts strings. */
const tableType = { count: 'int64', amount: 'double', flag: 'bool', text: 'string' } as const satisfies Record<ColumnSpec['type'], Column['type']>;

/** A registry column as a typed table column (Parquet's INT64, DOUBLE, BOOLEAN, UTF8; CSV and JSON Lines ignore the type). */
export function tableColumnOf(spec: ColumnSpec): Column {
  return { name: spec.name, type: tableType[spec.type] };
}

const storedAs = (spec: ColumnSpec): StoredAs => (spec.type === 'flag' ? 'flag' : spec.type === 'text' ? 'text' : 'number');

type Tallies = [execute: object, auction: object, settle: object, counterfactual: object, share: object];
/** What a row's cells are read from: the rollup's state, then its step tallies (the slot event's record, unmerged). */
type RowSources = [state: RollupStateRecord, ...Tallies];
/** The fill's argument names for the row sources, in `RowSources` order. */
const sourceNames = ['st', 'ex', 'au', 'se', 'cf', 'sh'] as const;
const argumentOf: Record<ColumnSource, (typeof sourceNames)[number]> = { state: 'st', execute: 'ex', auction: 'au', settle: 'se', counterfactual: 'cf', share: 'sh' };

/** `user_surplus_y` is the execute tally's field plus settlement's rebates (`recordedUserSurplusY`), as in the slot event's record. */
const userSurplusY = (_e: SlotInfo, _st: RollupStateRecord, ex: object, _au: object, se: object) => recordedUserSurplusY(ex as { userSurplusY: number }, se as { userRebateY: number });

/** How a registry column's cell is read from a row's sources: its derived value, or its field of its source. */
function cellOf(spec: ColumnSpec): FillCell<SlotInfo, RowSources> {
  const as = storedAs(spec);
  if (spec.value) return { value: spec.value, storedAs: as };
  if (spec.source === 'execute' && spec.field === 'userSurplusY') return { value: userSurplusY, storedAs: as };
  return { from: argumentOf[spec.source], field: spec.field, storedAs: as };
}

/**
 * The per-slot table recorded column by column (struct of arrays): each recorded slot's rows
 * (one per rollup, the columns of `recordedColumns`, slots 0, K, 2K, … for `K = output.recordEvery`)
 * are stored into a preallocated {@link ColumnBlock} by code generated from the column registry,
 * read straight from the slot's frame — the rollup's state (written into one scratch record) and
 * its step tallies — so no object is made per slot or row: the same cells as the slot event's
 * records, without building them. The block goes to `sink` whenever it is full and on `flush()`.
 * A sink that keeps the block (a writer thread) hands back the block to fill next, and the store
 * code is bound to its arrays.
 */
export class SlotTable {
  private block: ColumnBlock;
  private fill: BoundFill<SlotInfo, RowSources>;
  private readonly bind: (data: ColumnBlock['data']) => BoundFill<SlotInfo, RowSources>;
  private readonly every: number;
  /** The slot's number, end time and reference price, refilled per recorded slot (what derived columns read). */
  private readonly info = { slot: 0, timeMs: 0, refPriceYPerX: 0 };
  private readonly state = blankRollupState();
  /** The recorded slot's winners by rollup index, found in one pass over its trace, and the run's winners texts. */
  private winners: string[] | null = null;
  private winnerTexts: WinnerTexts | null = null;

  constructor(config: MarketConfig, private readonly sink: BlockSink, blockRows = slotTableBlockRows) {
    const specs = recordedColumns(config);
    this.block = createColumnBlock(specs.map(tableColumnOf), blockRows);
    this.bind = compileFill<SlotInfo, RowSources>(specs.map(cellOf), sourceNames);
    this.fill = this.bind(this.block.data);
    this.every = config.output?.recordEvery ?? 1;
  }

  /** The table's columns, typed. */
  get columns(): readonly Column[] {
    return this.block.columns;
  }

  /** Stores the slot's rows (if the slot is recorded), handing full blocks to the sink. */
  add(f: SlotFrame): void {
    if (f.slot % this.every !== 0) return;
    const { world, out } = f;
    const info = this.info;
    info.slot = f.slot;
    info.timeMs = f.endMs;
    info.refPriceYPerX = world.refPriceYPerX;
    const winners = (this.winnerTexts ??= new WinnerTexts(world)).into(world, out, (this.winners ??= winnersScratch(world)));
    for (let k = 0; k < world.rollups.length; k++) {
      if (this.block.length === this.block.capacity) this.flush(); // may renew this.block
      const state = writeRollupState(this.state, world, out, k, f.endMs, winners, f.drifts);
      this.fillRow(state, world.rollups[k]!.index, out);
    }
  }

  private fillRow(state: RollupStateRecord, i: number, out: SlotOutcome): void {
    this.fill(this.block.length++, this.info, state, out.execution.tally[i]!, out.auction.tally[i]!, out.settlement[i]!, out.counterfactual.tally[i]!, out.share[i]!);
  }

  /** Hands the rows stored so far to the sink (before a checkpoint, and at the end of the run). */
  flush(): void {
    if (this.block.length === 0) return;
    let next: ColumnBlock | undefined;
    try {
      next = this.sink.writeBlock(this.block) ?? undefined;
    } finally {
      // Emptied even when the sink failed: a failed write is not retried (LineFile).
      if (next) {
        this.block = next;
        this.fill = this.bind(next.data);
      } else this.block.length = 0;
    }
  }
}
