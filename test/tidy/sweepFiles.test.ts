import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { runSweep } from '../../src/sweep/runSweep.js';
import type { SweepTask } from '../../src/sweep/worker.js';
import { agentMetricDocs, runMetricDocs } from '../../src/tidy/tidyReference.js';
import { cli, tempDir } from '../cli/helpers.js';

/*
 * The tidy tables as files: every axis a typed column in the written Parquet (physical types read
 * back with hyparquet) and CSV, and agents rows = runs × agents. The sweep is the dishonest-proposer
 * sweep cut down: a mixed axis (0.2 / "strategic"), a boolean, an object axis (mechanism) and a
 * whole-number axis (slots).
 */
interface DishonestSweep {
  rollups: unknown[]; builders: unknown[]; searchers: unknown[]; validators: unknown[];
  revenueSharing: { reporting: { detection: Record<'committee' | 'stakeBound', Record<string, unknown>> } };
}
const base = JSON.parse(readFileSync('configs/sweeps/dishonest-proposer-detectors.json', 'utf8')) as DishonestSweep;
const detection = base.revenueSharing.reporting.detection;
const sweep = {
  ...base,
  seeds: [1, 2],
  slots: [8, 12],
  mechanism: [{ name: 'first-price' }, { name: 'tullock', alpha: 1 }],
  revenueSharing: {
    ...base.revenueSharing,
    reporting: { delta: [0.2, 'strategic'], detection: { ...detection, committee: { ...detection.committee, enabled: false }, stakeBound: { ...detection.stakeBound, enabled: false } } },
  },
};
const agentsPerRun = base.rollups.length + base.builders.length + base.searchers.length + base.validators.length;
const inProcess = { runTask: (task: SweepTask) => runMarket(task.config) };

/** Parquet column name → physical type. */
const physicalTypes = (file: ArrayBuffer) => Object.fromEntries(parquetMetadata(file).schema.slice(1).map((s) => [s.name, s.type]));
const arrayBuffer = (path: string) => { const b = readFileSync(path); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); };

describe('tidy tables of a sweep, as files', () => {
  it('Parquet: every axis a typed column (int64 slots, label + JSON mechanism, label + double delta, bool), agents = runs × agents', async () => {
    const out = join(tempDir(), 'sweep');
    const r = await runSweep(sweep, { out, format: 'parquet', ...inProcess });
    expect(r.runs).toBe(32);
    expect(r.failed).toBe(0);
    const runsFile = arrayBuffer(join(out, 'runs.parquet'));
    const types = physicalTypes(runsFile);
    expect(types).toMatchObject({
      run_id: 'BYTE_ARRAY', cell: 'INT64', seed: 'INT64', slots: 'INT64',
      mechanism: 'BYTE_ARRAY', 'mechanism.json': 'BYTE_ARRAY',
      'revenueSharing.reporting.delta': 'BYTE_ARRAY', 'revenueSharing.reporting.delta.number': 'DOUBLE',
      'revenueSharing.reporting.detection.publicBids.enabled': 'BOOLEAN',
      'summary.slots': 'DOUBLE', 'totals.proposer_value_y': 'DOUBLE',
    });
    const runs = await parquetReadObjects({ file: runsFile });
    expect(runs).toHaveLength(32);
    expect(new Set(runs.map((x) => x.mechanism))).toEqual(new Set(['first-price', 'tullock(alpha=1)']));
    expect(new Set(runs.map((x) => x['revenueSharing.reporting.delta']))).toEqual(new Set(['0.2', 'strategic']));
    expect(runs.filter((x) => x['revenueSharing.reporting.delta'] === 'strategic').every((x) => x['revenueSharing.reporting.delta.number'] === null)).toBe(true);
    // the run's own slots metric agrees with the slots axis it was run with
    expect(runs.every((x) => Number(x.slots) === x['summary.slots'])).toBe(true);
    const agents = await parquetReadObjects({ file: arrayBuffer(join(out, 'agents.parquet')) });
    expect(agents).toHaveLength(32 * agentsPerRun);
    expect(r.tables.agents.rows).toHaveLength(32 * agentsPerRun);
    const perKind = (k: string) => agents.filter((a) => a.kind === k).length;
    expect([perKind('rollup'), perKind('builder'), perKind('searcher'), perKind('validator')]).toEqual([base.rollups.length, base.builders.length, base.searchers.length, base.validators.length].map((n) => n * 32));
    expect(physicalTypes(arrayBuffer(join(out, 'agents.parquet')))).toMatchObject({ kind: 'BYTE_ARRAY', agent: 'BYTE_ARRAY', slots: 'INT64', pnl_y: 'DOUBLE', mechanism: 'BYTE_ARRAY' });
    // every metric column is documented in docs/reference/outputs.md (generated from these lists)
    const identity = new Set(r.tables.agents.schema.slice(0, r.tables.agents.schema.findIndex((c) => c.name === 'agent') + 1).map((c) => c.name));
    const runDocs = new Set(runMetricDocs().map((d) => d.name));
    // a field null for the whole run (a detector that is off) is documented by its sub-fields
    const documented = (docs: Set<string>, n: string) => docs.has(n) || [...docs].some((d) => d.startsWith(`${n}.`));
    const agentDocs = new Set(agentMetricDocs().map((d) => d.name));
    expect(r.tables.runs.schema.map((c) => c.name).filter((n) => !identity.has(n) && !['status', 'error'].includes(n) && !documented(runDocs, n.replace(/^summary\./, '')))).toEqual([]);
    expect(r.tables.agents.schema.map((c) => c.name).filter((n) => !identity.has(n) && !agentDocs.has(n))).toEqual([]);
    // a searcher's pnl in the agents table is the one in its run's summary (results table, wide)
    const results = await parquetReadObjects({ file: arrayBuffer(join(out, 'results.parquet')) });
    const arb = agents.find((a) => a.run_id === results[7]!.run_id && a.agent === 'arb-A')!;
    expect(arb.pnl_y).toBe(results[7]!['searchers.arb-A.pnl_y']);
    // the wide results table types the registry's summed counts int64 too, amounts double
    const rollup = (base.rollups[0] as { id: string }).id;
    expect(physicalTypes(arrayBuffer(join(out, 'results.parquet')))).toMatchObject({
      'totals.leg_failures': 'INT64', [`rollups.${rollup}.user_swaps`]: 'INT64', [`rollups.${rollup}.backruns`]: 'INT64',
      'totals.proposer_value_y': 'DOUBLE', [`rollups.${rollup}.user_volume_y`]: 'DOUBLE',
    });
    expect(typeof results[7]![`rollups.${rollup}.user_swaps`]).toBe('bigint');
    const rollupRow = agents.find((a) => a.run_id === results[7]!.run_id && a.agent === rollup)!;
    expect(typeof rollupRow.user_swaps).toBe('bigint');
    expect(results[7]![`rollups.${rollup}.user_swaps`]).toBe(rollupRow.user_swaps);
  }, 60_000);

  it('CSV: the header lists the axes as columns and a failed run keeps its row in runs but has no agent rows', async () => {
    const out = join(tempDir(), 'sweep');
    const r = await runSweep({ ...sweep, slots: 8, mechanism: { name: 'first-price' }, seeds: [1] }, { out, runTask: (t) => (t.config.revenueSharing.reporting.delta === 'strategic' && t.config.slots > 1 ? Promise.reject(new Error('boom')) : runMarket(t.config)) });
    expect(r.failed).toBe(2);
    const lines = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(lines[0]!.split(',').slice(0, 7)).toEqual(['run_id', 'cell', 'seed', 'revenueSharing.reporting.delta', 'revenueSharing.reporting.delta.number', 'revenueSharing.reporting.detection.publicBids.enabled', 'status']);
    expect(lines).toHaveLength(1 + 4);
    expect(lines.filter((l) => l.includes(',failed,boom'))).toHaveLength(2);
    const agentLines = readFileSync(join(out, 'agents.csv'), 'utf8').trim().split('\n');
    expect(agentLines).toHaveLength(1 + 2 * agentsPerRun);
  }, 60_000);
});

describe('agents table of a run folder', () => {
  it('seqsim run writes agents.csv beside slots.csv: one row per rollup, builder, searcher and validator, and names it', async () => {
    const out = join(tempDir(), 'run');
    const r = await cli('run', 'configs/baseline.json', '--slots', '30', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/summary\.json, agents\.csv/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown[]>;
    const count = ['rollups', 'builders', 'searchers', 'validators'].reduce((n, k) => n + summary[k]!.length, 0);
    expect(count).toBeGreaterThan(3);
    const lines = readFileSync(join(out, 'agents.csv'), 'utf8').trim().split('\n');
    expect(lines[0]!.startsWith('run_id,seed,kind,agent,')).toBe(true);
    expect(lines).toHaveLength(1 + count);
  });
});
