import type { MarketConfig } from '../config/schema.js';
import { createColumnBlock, type BlockSink, type Column, type ColumnBlock } from '../engine/columnBlock.js';
import type { ColumnSpec } from './columns.js';
import { compileFill, type StoredAs } from './compiledRecords.js';
import { recordedColumns } from './recording.js';
import type { RollupSlotRecord, SlotEvent } from './slotRecord.js';

/** Rows per block: a few thousand rows, about 2 MB of CSV. */
export const slotTableBlockRows = 4096;

/** The table type of each kind of registry column: counts are whole numbers, flags booleans, texts strings. */
const tableType = { count: 'int64', amount: 'double', flag: 'bool', text: 'string' } as const satisfies Record<ColumnSpec['type'], Column['type']>;

/** A registry column as a typed table column (Parquet's INT64, DOUBLE, BOOLEAN, UTF8; CSV and JSON Lines ignore the type). */
export function tableColumnOf(spec: ColumnSpec): Column {
  return { name: spec.name, type: tableType[spec.type] };
}

const storedAs = (spec: ColumnSpec): StoredAs => (spec.type === 'flag' ? 'flag' : spec.type === 'text' ? 'text' : 'number');

/**
 * The per-slot table recorded column by column (struct of arrays): each recorded slot's rows
 * (one per rollup, the columns of `recordedColumns`, slots 0, K, 2K, … for `K = output.recordEvery`)
 * are stored into a preallocated {@link ColumnBlock} by code generated from the column registry, and
 * the block goes to `sink` whenever it is full and on `flush()`. No object is made per row. A sink
 * that keeps the block (a writer thread) hands back the block to fill next, and the store code is
 * bound to its arrays.
 */
export class SlotTable {
  private block: ColumnBlock;
  private fill: (i: number, e: SlotEvent, r: RollupSlotRecord) => void;
  private readonly bind: (data: ColumnBlock['data']) => (i: number, e: SlotEvent, r: RollupSlotRecord) => void;
  private readonly every: number;

  constructor(config: MarketConfig, private readonly sink: BlockSink, blockRows = slotTableBlockRows) {
    const specs = recordedColumns(config);
    this.block = createColumnBlock(specs.map(tableColumnOf), blockRows);
    const cells = specs.map((c) => ({ field: c.field, storedAs: storedAs(c), ...(c.value ? { value: c.value } : {}) }));
    this.bind = compileFill<SlotEvent, RollupSlotRecord>(cells);
    this.fill = this.bind(this.block.data);
    this.every = config.output?.recordEvery ?? 1;
  }

  /** The table's columns, typed. */
  get columns(): readonly Column[] {
    return this.block.columns;
  }

  /** Stores the slot's rows (if the slot is recorded), handing full blocks to the sink. */
  add(e: SlotEvent): void {
    if (e.slot % this.every !== 0) return;
    for (const r of e.rollups) {
      if (this.block.length === this.block.capacity) this.flush(); // may renew this.block
      this.fill(this.block.length++, e, r);
    }
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
