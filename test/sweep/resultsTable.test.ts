import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { resultColumns, resultRow, settleTypes } from '../../src/sweep/resultsTable.js';
import { smallSweep } from './helpers.js';

describe('results table layout', () => {
  const plan = expandSweep(smallSweep({ slots: [100, 200] }));
  const probe = { slots: 1, ratio: null, rollups: [{ rollup: 'A', gas_token: 'X', fee_y: 0 }] };

  it('run_id, cell, seed, one column per axis, status, error, then the flattened summary; a metric named like an axis gets summary.', () => {
    const cols = resultColumns(plan, [probe]);
    expect(cols).toEqual([
      { name: 'run_id', type: 'string' },
      { name: 'cell', type: 'int64' },
      { name: 'seed', type: 'int64' },
      { name: 'slots', type: 'double' },
      { name: 'rollups.0.pool.fee', type: 'double' },
      { name: 'searchers.0.bidFraction', type: 'double' },
      { name: 'status', type: 'string' },
      { name: 'error', type: 'string' },
      { name: 'summary.slots', type: 'double' },
      { name: 'ratio', type: null },
      { name: 'rollups.A.gas_token', type: 'string' },
      { name: 'rollups.A.fee_y', type: 'double' },
    ]);
  });

  it('a column the probe left null takes its type from the rows; numbers stay double, non-finite become null', () => {
    const cols = resultColumns(plan, [probe]);
    const run = plan.runs[7]!;
    const row = resultRow(cols, plan, run, { slots: 200, ratio: 'high', rollups: [{ rollup: 'A', gas_token: 'X', fee_y: Number.NaN }], unknown_later: 1 });
    expect(row).toEqual({
      run_id: run.runId,
      cell: 2,
      seed: 2,
      slots: 100,
      'rollups.0.pool.fee': 0.003,
      'searchers.0.bidFraction': 0.3,
      status: 'ok',
      error: null,
      'summary.slots': 200,
      ratio: 'high',
      'rollups.A.gas_token': 'X',
      'rollups.A.fee_y': null,
    });
    expect(settleTypes(cols, [{ ratio: null }, row]).find((c) => c.name === 'ratio')!.type).toBe('string');
    expect(settleTypes(cols, [{ ratio: null }]).find((c) => c.name === 'ratio')!.type).toBe('double');
  });

  it('text seeds make a text seed column; object-valued axes are written as JSON text', () => {
    const p = expandSweep(smallSweep({ seeds: [1, 'b'], mechanism: [{ name: 'first-price' }, { name: 'second-price' }] }));
    const cols = resultColumns(p, [{}]);
    expect(cols.find((c) => c.name === 'seed')!.type).toBe('string');
    expect(cols.find((c) => c.name === 'mechanism')!.type).toBe('string');
    expect(resultRow(cols, p, p.runs[3]!, {})).toMatchObject({ seed: 'b', mechanism: '{"name":"second-price"}' });
  });
});
