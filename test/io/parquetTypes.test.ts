import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import type { MarketConfig } from '../../src/config/schema.js';
import { writeMarketRun } from '../../src/io/writeRun.js';
import { recordedColumns } from '../../src/marketModel/recording.js';
import { tempDir } from '../cli/helpers.js';
import { runSimulation } from '../../src/index.js';

/*
 * A Parquet slots table types each column by the column registry (src/marketModel/columns.ts):
 * counts INT64, amounts DOUBLE, flags BOOLEAN, texts UTF8 — read back with hyparquet — and holds the
 * values of the CSV table of the same run. Every shipped market scenario, cut to 30 slots.
 */
const physical = { count: 'INT64', amount: 'DOUBLE', flag: 'BOOLEAN', text: 'BYTE_ARRAY' } as const;
const scenarios = readdirSync('configs/scenarios').map((f) => join('configs/scenarios', f)).filter((p) => loadConfig(p).kind === 'market');
const buffer = (path: string) => { const b = readFileSync(path); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); };

/** CSV cells back to values of the column's type (CSV writes a flag as true/false and an empty cell for null). */
function csvRows(path: string, types: Record<string, string>): Record<string, unknown>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = head!.split(',');
  const value = (name: string, v: string): unknown =>
    v === '' && types[name] !== 'text' ? null : types[name] === 'count' ? BigInt(v) : types[name] === 'amount' ? Number(v) : types[name] === 'flag' ? v === 'true' : v;
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, value(names[i]!, v)])));
}

describe('Parquet slots tables: typed columns from the registry', () => {
  it.each(scenarios)('%s: counts INT64, amounts DOUBLE, flags BOOLEAN, texts UTF8; the values of the CSV table', async (path) => {
    const market = loadConfig(path, ['slots=30']) as MarketConfig;
    const [pq, csv] = [tempDir(), tempDir()];
    writeMarketRun(market, pq, { format: 'parquet' });
    writeMarketRun(market, csv, { format: 'csv' });
    const file = buffer(join(pq, 'slots.parquet'));
    const schema = parquetMetadata(file).schema.slice(1);
    const columns = recordedColumns(market);
    expect(schema.map((s) => s.name)).toEqual(columns.map((c) => c.name));
    for (const c of columns) {
      const s = schema.find((x) => x.name === c.name)!;
      expect(s.type, c.name).toBe(physical[c.type]);
      if (c.type === 'text') expect(s.converted_type, c.name).toBe('UTF8');
    }
    const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
    expect(await parquetReadObjects({ file })).toEqual(csvRows(join(csv, 'slots.csv'), types));
  });

  it('the check can fail: a count column is INT64, not DOUBLE, and reads back as a bigint', async () => {
    const config = loadConfig('configs/baseline.json', ['slots=5']) as MarketConfig;
    const dir = tempDir();
    writeMarketRun(config, dir, { format: 'parquet' });
    const file = buffer(join(dir, 'slots.parquet'));
    const byName = Object.fromEntries(parquetMetadata(file).schema.slice(1).map((s) => [s.name, s.type]));
    expect([byName.slot, byName.user_swaps, byName.pool_price, byName.in_fee_band, byName.rollup]).toEqual(['INT64', 'INT64', 'DOUBLE', 'BOOLEAN', 'BYTE_ARRAY']);
    const rows = await parquetReadObjects({ file });
    expect(typeof rows[0]!.user_swaps).toBe('bigint');
  });

  it('the tidy tables type the registry’s summed counts int64 too: agents.parquet user_swaps INT64, pnl_y DOUBLE; runs totals.leg_failures', async () => {
    const config = loadConfig('configs/baseline.json', ['slots=20']) as MarketConfig;
    const dir = tempDir();
    writeMarketRun(config, dir, { format: 'parquet' });
    const file = buffer(join(dir, 'agents.parquet'));
    const byName = Object.fromEntries(parquetMetadata(file).schema.slice(1).map((s) => [s.name, s.type]));
    expect([byName.user_swaps, byName.arb_trades, byName.pnl_y, byName.kind]).toEqual(['INT64', 'INT64', 'DOUBLE', 'BYTE_ARRAY']);
    const { tables } = runSimulation(config);
    const runTypes = Object.fromEntries(tables.runs.schema.map((c) => [c.name, c.type]));
    expect([runTypes['totals.leg_failures'], runTypes['totals.user_volume_y']]).toEqual(['int64', 'double']);
  });

  it('bytes_used is an amount (swaps × a bytesPerSwap that may be fractional): a Parquet run with 150.5 bytes per swap completes and keeps the fractions', async () => {
    const config = loadConfig('configs/scenarios/shared-vs-separate.json', ['slots=20', 'rollups.0.feeModel.bytesPerSwap=150.5']) as MarketConfig;
    const dir = tempDir();
    writeMarketRun(config, dir, { format: 'parquet' });
    const file = buffer(join(dir, 'slots.parquet'));
    const byName = Object.fromEntries(parquetMetadata(file).schema.slice(1).map((s) => [s.name, s.type]));
    expect(byName.bytes_used).toBe('DOUBLE');
    const rows = await parquetReadObjects({ file });
    expect(rows.some((r) => !Number.isInteger(r.bytes_used))).toBe(true);
  });
});
