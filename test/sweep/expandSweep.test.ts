import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { flattenSummary } from '../../src/sweep/flattenSummary.js';
import { smallSweep } from './helpers.js';

describe('expandSweep', () => {
  it('finds the list leaves where the config takes one value, and only those', () => {
    const plan = expandSweep(smallSweep());
    expect(plan.axes.map((a) => a.path)).toEqual([
      ['rollups', 0, 'pool', 'fee'],
      ['searchers', 0, 'bidFraction'],
    ]);
    // rollups, searchers and the cross-rollup searcher's rollups: ["A","B"] are list fields
    expect(plan.runs[0]!.config.searchers[2]).toMatchObject({ kind: 'cross-rollup', rollups: ['A', 'B'] });
  });

  it('expands the grid in (cell, seed) order, the last axis fastest, every run with a distinct hash id', () => {
    const plan = expandSweep(smallSweep());
    expect(plan.cells.map((c) => c.params)).toEqual([
      { 'rollups.0.pool.fee': 0.001, 'searchers.0.bidFraction': 0.3 },
      { 'rollups.0.pool.fee': 0.001, 'searchers.0.bidFraction': 0.7 },
      { 'rollups.0.pool.fee': 0.003, 'searchers.0.bidFraction': 0.3 },
      { 'rollups.0.pool.fee': 0.003, 'searchers.0.bidFraction': 0.7 },
    ]);
    expect(plan.runs.map((r) => [r.index, r.cell, r.seed])).toEqual(
      [0, 1, 2, 3].flatMap((c) => [1, 2, 3].map((s, i) => [c * 3 + i, c, s])),
    );
    expect(plan.runs[5]!.config).toMatchObject({ seed: 3, rollups: [{ pool: { fee: 0.001 } }, {}], searchers: [{ bidFraction: 0.7 }, {}, {}] });
    expect(plan.runs[5]!.config.rollups[0]!.users.arrivalsPerSlot).toBe(1); // defaults filled
    expect(new Set(plan.runs.map((r) => r.runId)).size).toBe(12);
    for (const r of plan.runs) expect(r.runId).toMatch(/^[0-9a-f]{12}$/);
  });

  it('identifies a sweep by what it runs: same content, same hash and run ids; any change, another hash', () => {
    const a = expandSweep(smallSweep());
    expect(expandSweep(JSON.parse(JSON.stringify(smallSweep()))).sha256).toBe(a.sha256);
    expect(expandSweep(smallSweep()).runs.map((r) => r.runId)).toEqual(a.runs.map((r) => r.runId));
    expect(expandSweep(smallSweep({ slots: 121 })).sha256).not.toBe(a.sha256);
    expect(expandSweep(smallSweep({ seeds: [1, 2] })).sha256).not.toBe(a.sha256);
  });

  it('sweeps lists of lists and objects where the config takes a tuple, a list or an object', () => {
    const sweep = smallSweep({
      searchers: [
        [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A' }],
        [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A' }, { kind: 'cross-rollup', id: 'cross', rollups: ['A', 'B'] }],
      ],
      mechanism: [{ name: 'first-price' }, { name: 'second-price' }],
    });
    const plan = expandSweep(sweep);
    // a list of searcher sets is an axis; lists inside an axis value are taken as they are
    expect(plan.axes.map((a) => a.path.join('.'))).toEqual(['rollups.0.pool.fee', 'searchers', 'mechanism']);
    expect(plan.cells.length).toBe(8);
    expect(plan.runs.at(-1)!.config.searchers.map((s) => s.id)).toEqual(['arb-A', 'cross']);
    const tuples = expandSweep(smallSweep({ searchers: [{ kind: 'cross-rollup', id: 'cross', rollups: [['A', 'B'], ['B', 'A']] }] }));
    expect(tuples.axes.map((a) => a.path.join('.'))).toEqual(['rollups.0.pool.fee', 'searchers.0.rollups']);
    expect(tuples.runs.at(-1)!.config.searchers[0]).toMatchObject({ rollups: ['B', 'A'] });
  });

  it('a sweep without lists is one cell run with every seed', () => {
    const plan = expandSweep(smallSweep({ rollups: smallSweep().rollups, searchers: [] }));
    expect(plan.axes.length).toBe(1);
    const flat = expandSweep({ ...smallSweep({ searchers: [] }), rollups: [{ id: 'A', gasToken: 'X', pool: { reserveX: 1, reserveY: 1 } }] });
    expect([flat.axes.length, flat.cells.length, flat.runs.length]).toEqual([0, 1, 3]);
  });
});

describe('flattenSummary', () => {
  it('flattens nested objects to dotted names and keys lists of records by their text first field', () => {
    const row = flattenSummary({
      slots: 3,
      totals: { a_y: 1.5, nested: { b: null } },
      rollups: [{ rollup: 'A', gas_token: 'X', v: 1 }, { rollup: 'B', gas_token: 'Y', v: 2 }],
      searchers: [{ searcher: 'arb-A', pnl_y: -1 }],
      plain: [10, 20],
      same: [{ id: 'x' }, { id: 'x' }],
    });
    expect(row).toEqual({
      slots: 3,
      'totals.a_y': 1.5,
      'totals.nested.b': null,
      'rollups.A.gas_token': 'X',
      'rollups.A.v': 1,
      'rollups.B.gas_token': 'Y',
      'rollups.B.v': 2,
      'searchers.arb-A.pnl_y': -1,
      'plain.0': 10,
      'plain.1': 20,
      'same.0.id': 'x',
      'same.1.id': 'x',
    });
  });
});
