import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/marketModel/summary.js';
import { cli, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';
import { smallSweep, writeSweep } from '../sweep/helpers.js';

/** Runs SQL in a fresh in-memory DuckDB and returns the rows as objects. */
async function sql(query: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(query)).getRowObjects();
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const scan = (path: string) => (path.endsWith('.csv') ? `read_csv('${path}')` : path.endsWith('.jsonl') ? `read_json('${path}', format = 'newline_delimited')` : `'${path}'`);

describe('DuckDB reads what seqsim writes', () => {
  it.each(['parquet', 'csv', 'jsonl'] as const)('seqsim run --format %s: rows, columns and per-rollup sums match summary.json', async (format) => {
    const out = join(tempDir(), 'run');
    const r = await cli('run', writeConfig(smallConfig({ slots: 60 })), '--out', out, '--format', format);
    expect(r.code, r.stderr).toBe(0);
    // The wrote line names every file the run left, the checkpoint too where it kept one (CSV, JSONL).
    const listed = /wrote .*\/ \(([^)]*)\)/.exec(r.stdout)![1]!.split(', ');
    expect(listed.slice(0, 3)).toEqual(['manifest.json', `slots.${format}`, 'summary.json']);
    expect(listed.filter((f) => !existsSync(join(out, f)))).toEqual([]);
    expect(listed.includes('checkpoint.json')).toBe(existsSync(join(out, 'checkpoint.json')));
    const table = join(out, `slots.${format}`);
    const described = await sql(`DESCRIBE SELECT * FROM ${scan(table)}`);
    expect(described.slice(0, 5).map((d) => d.column_name)).toEqual(['slot', 'time_s', 'rollup', 'gas_token', 'ref_price']);
    expect(described.map((d) => d.column_name)).toContain('winning_bid_y');
    if (format === 'parquet') {
      const types = Object.fromEntries(described.map((d) => [d.column_name, d.column_type]));
      expect([types.slot, types.rollup, types.in_fee_band, types.user_swaps, types.pool_price]).toEqual(['BIGINT', 'VARCHAR', 'BOOLEAN', 'BIGINT', 'DOUBLE']); // a count is BIGINT (the registry's type)
    }
    const summary = readJson<RunSummary>(join(out, 'summary.json'));
    const rows = await sql(`SELECT rollup, count(*) AS n, sum(arb_profit_y) AS arb, sum(user_volume_y) AS vol, max(slot) AS last FROM ${scan(table)} GROUP BY rollup ORDER BY rollup`);
    expect(rows.map((x) => [x.rollup, Number(x.n), Number(x.last)])).toEqual([['A', 60, 59], ['B', 60, 59]]);
    rows.forEach((x, i) => {
      expect(x.arb as number).toBeCloseTo(summary.rollups[i]!.arb_profit_y, 6);
      expect(x.vol as number).toBeCloseTo(summary.rollups[i]!.user_volume_y, 4);
    });
  });

  it('the Parquet and CSV per-slot tables hold the same numbers and booleans', async () => {
    const [p, c] = [join(tempDir(), 'p'), join(tempDir(), 'c')];
    const cfg = writeConfig(smallConfig({ slots: 60 }));
    await cli('run', cfg, '--out', p, '--format', 'parquet');
    await cli('run', cfg, '--out', c);
    // Text columns are left out: CSV cannot tell an empty text from a missing value.
    const cols = (await sql(`DESCRIBE SELECT * FROM '${p}/slots.parquet'`)).filter((d) => d.column_type !== 'VARCHAR').map((d) => `"${String(d.column_name)}"`);
    expect(cols.length).toBeGreaterThan(20);
    const diff = await sql(
      `SELECT count(*) AS n FROM (SELECT ${cols.join(', ')} FROM '${p}/slots.parquet' EXCEPT SELECT ${cols.join(', ')} FROM read_csv('${c}/slots.csv'))`,
    );
    expect(Number(diff[0]!.n)).toBe(0);
  });

  it.each(['parquet', 'csv'] as const)('a sweep results table (%s): one row per run, its columns, and values equal to each run folder summary', async (format) => {
    const out = join(tempDir(), 'sweep');
    const r = await cli('sweep', writeSweep(smallSweep({ slots: 30 })), '--out', out, '--workers', '2', '--format', format, '--runs');
    expect(r.code, r.stderr).toBe(0);
    const table = join(out, `results.${format}`);
    const manifest = readJson<{ runs: { run_id: string }[]; columns: { name: string }[] }>(join(out, 'sweep.json'));
    const columns = (await sql(`DESCRIBE SELECT * FROM ${scan(table)}`)).map((d) => d.column_name);
    expect(columns).toEqual(manifest.columns.map((c) => c.name));
    expect(columns.slice(0, 5)).toEqual(['run_id', 'cell', 'seed', 'rollups.0.pool.fee', 'searchers.0.bidFraction']);
    expect(columns).toEqual(expect.arrayContaining(['totals.arb_profit_y', 'rollups.A.user_volume_y', 'rollups.B.final_pool_price', 'searchers.arb-A.pnl_y']));
    const rows = await sql(`SELECT run_id, "totals.arb_profit_y" AS arb, "rollups.A.user_volume_y" AS vol FROM ${scan(table)}`);
    expect(rows.map((x) => x.run_id)).toEqual(manifest.runs.map((x) => x.run_id));
    let total = 0;
    for (const row of rows) {
      const s = readJson<RunSummary>(join(out, 'runs', row.run_id as string, 'summary.json'));
      expect(row.arb).toBe(s.totals.arb_profit_y);
      expect(row.vol).toBe(s.rollups[0]!.user_volume_y);
      total += s.totals.arb_profit_y;
    }
    const agg = await sql(`SELECT sum("totals.arb_profit_y") AS total, count(*) AS n FROM ${scan(table)}`);
    expect(Number(agg[0]!.n)).toBe(12);
    expect(agg[0]!.total as number).toBeCloseTo(total, 6);
    const slots = await sql(`SELECT count(*) AS n FROM '${join(out, 'runs', manifest.runs[0]!.run_id, `slots.${format}`)}'`);
    expect(Number(slots[0]!.n)).toBe(60); // 30 slots × 2 rollups
  });
});
