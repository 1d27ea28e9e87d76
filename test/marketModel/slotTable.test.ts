import { describe, expect, it } from 'vitest';
import { blockRow, type ColumnBlock } from '../../src/engine/columnBlock.js';
import type { Row } from '../../src/engine/recorder.js';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { buildMarketSimulation } from '../../src/marketModel/marketModel.js';
import { runSlots } from '../../src/engine/simulation.js';
import { SlotTable } from '../../src/marketModel/slotTable.js';
import { smallConfig } from '../cli/helpers.js';

/** The table of a run as row objects (the library's onRow) and as blocks of `blockRows` rows. */
function bothWays(overrides: Record<string, unknown>, blockRows: number) {
  const config = resolveMarketConfig(smallConfig(overrides));
  const rows: Row[] = [];
  runMarket(config, { onRow: (r) => void rows.push(r) });
  const fromBlocks: Row[] = [];
  const sizes: number[] = [];
  const sink = { writeBlock: (b: ColumnBlock) => { sizes.push(b.length); for (let i = 0; i < b.length; i++) fromBlocks.push(blockRow(b, i)); } };
  const table = new SlotTable(config, sink, blockRows);
  const ms = buildMarketSimulation(config);
  ms.observeSlots((f) => table.add(f));
  runSlots(ms.sim, 0, config.slots);
  table.flush();
  return { rows, fromBlocks, sizes, columns: table.columns };
}

describe('SlotTable: the per-slot table stored column by column', () => {
  it('holds exactly the rows the row-by-row recorder gives (every column, blocks splitting slots)', () => {
    const { rows, fromBlocks, sizes } = bothWays({ slots: 40 }, 7);
    expect(rows.length).toBe(80);
    expect(fromBlocks).toEqual(rows);
    expect(sizes).toEqual([...Array(11).fill(7), 3]); // 80 rows: 11 full blocks and the rest on flush
  });

  it('honours output.columns and output.recordEvery like the row recorder', () => {
    const { rows, fromBlocks, columns } = bothWays({ slots: 30, output: { columns: ['reserve_x', 'winner', 'member'], recordEvery: 4 } }, 5);
    expect(columns.map((c) => `${c.name}:${c.type}`)).toEqual(['slot:int64', 'rollup:string', 'reserve_x:double', 'winner:string', 'member:bool']);
    expect(rows.map((r) => r.slot)).toEqual([0, 0, 4, 4, 8, 8, 12, 12, 16, 16, 20, 20, 24, 24, 28, 28]);
    expect(fromBlocks).toEqual(rows);
  });
});
