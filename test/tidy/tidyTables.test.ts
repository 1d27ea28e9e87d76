import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../src/sweep/expandSweep.js';
import { flattenSummary } from '../../src/sweep/flattenSummary.js';
import { runTidyTables, sweepTidyTables } from '../../src/tidy/tidyTables.js';
import { smallSweep } from '../sweep/helpers.js';

/** A made-up summary of a run with rollups A, B, builder b1, searchers arb-A, arb-B, cross and one validator. */
function summary(pnl: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slots: 120,
    totals: { mev_extracted_y: pnl * 3 },
    execution_tickets: null,
    rollups: [{ rollup: 'A', gas_token: 'X', fees_gas: 1 }, { rollup: 'B', gas_token: 'Y', fees_gas: 2 }],
    builders: [{ builder: 'b1', wins: 4, paid_y: 1 }],
    searchers: ['arb-A', 'arb-B', 'cross'].map((id) => ({ searcher: id, kind: 'cex-dex', pnl_y: pnl, wins: 2 })),
    validators: [{ validator: 'v1', stake: 32, revenue_y: 5 }],
    bidders: [
      { bidder: 'b1', role: 'builder', strategy: 'equilibrium', wins: 3, mean_shade: 0.9, shade_by_window: [0.9] },
      ...['arb-A', 'arb-B', 'cross'].map((id) => ({ bidder: id, role: 'searcher', strategy: 'fixed-fraction', wins: 1, mean_shade: 0.5, shade_by_window: [0.5, 0.4] })),
    ],
    conservation: { max_relative_drift: 0, rollups: [{ rollup: 'A' }] },
    ...overrides,
  };
}

const sweep = smallSweep({ builders: [{ id: 'b1', skill: 1, margin: 0.1, costY: 0 }], validators: [{ id: 'v1', stake: 32 }] });
const plan = expandSweep(sweep);
const resultsRow = (i: number, s = summary(i)) => ({ run_id: plan.runs[i]!.runId, status: 'ok', error: null, ...flattenSummary(s) });

describe('sweepTidyTables', () => {
  const rows = plan.runs.map((r) => resultsRow(r.index));
  rows[5] = { run_id: plan.runs[5]!.runId, status: 'failed', error: 'boom' } as never;
  const t = sweepTidyTables(plan, [...rows].reverse());

  it('one runs row per run in (cell, seed) order, with the identity, typed axes, status and the run-level metrics only', () => {
    expect(t.runs.rows.map((r) => r.run_id)).toEqual(plan.runs.map((r) => r.runId));
    expect(t.runs.schema.slice(0, 7)).toEqual([
      { name: 'run_id', type: 'string' }, { name: 'cell', type: 'int64' }, { name: 'seed', type: 'int64' },
      { name: 'rollups.0.pool.fee', type: 'double' }, { name: 'searchers.0.bidFraction', type: 'double' },
      { name: 'status', type: 'string' }, { name: 'error', type: 'string' },
    ]);
    expect(t.runs.schema.slice(7).map((c) => c.name)).toEqual(['slots', 'totals.mev_extracted_y', 'execution_tickets', 'conservation.max_relative_drift']);
    expect(t.runs.rows[5]).toMatchObject({ status: 'failed', error: 'boom', slots: null });
    expect(t.runs.rows[4]).toMatchObject({ cell: 1, seed: 2, 'rollups.0.pool.fee': 0.001, 'searchers.0.bidFraction': 0.7, slots: 120, 'totals.mev_extracted_y': 12 });
  });

  it('one agents row per ok run and agent (2 rollups + 1 builder + 3 searchers + 1 validator), none for the failed run', () => {
    expect(t.agents.rows).toHaveLength((plan.runs.length - 1) * 7);
    const kinds = t.agents.rows.filter((r) => r.run_id === plan.runs[0]!.runId).map((r) => `${String(r.kind)}:${String(r.agent)}`);
    expect(kinds).toEqual(['rollup:A', 'rollup:B', 'builder:b1', 'searcher:arb-A', 'searcher:arb-B', 'searcher:cross', 'validator:v1']);
    expect(t.agents.rows.some((r) => r.run_id === plan.runs[5]!.runId)).toBe(false);
  });

  it('long, not wide: each agent metric is one column; a bidder field named like the agent’s own gets auction_; the searcher kind is searcher_kind', () => {
    const names = t.agents.schema.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['kind', 'agent', 'pnl_y', 'wins', 'auction_wins', 'mean_shade', 'searcher_kind', 'stake', 'fees_gas']));
    expect(names.some((n) => n.includes('arb-A') || n.includes('shade_by_window') || n === 'bidder' || n === 'role')).toBe(false);
    const arb = t.agents.rows.find((r) => r.run_id === plan.runs[3]!.runId && r.agent === 'arb-B')!;
    expect(arb).toMatchObject({ kind: 'searcher', pnl_y: 3, wins: 2, auction_wins: 1, mean_shade: 0.5, searcher_kind: 'cex-dex', stake: null, 'searchers.0.bidFraction': 0.7 });
    const b1 = t.agents.rows.find((r) => r.run_id === plan.runs[3]!.runId && r.agent === 'b1')!;
    expect(b1).toMatchObject({ kind: 'builder', wins: 4, auction_wins: 3, mean_shade: 0.9, paid_y: 1 });
  });

  it('columns are the rows transposed: numeric columns without nulls as Float64Array, others as arrays', () => {
    expect(t.runs.columns.cell).toBeInstanceOf(Float64Array);
    expect([...(t.runs.columns.cell as Float64Array)]).toEqual(plan.runs.map((r) => r.cell));
    expect(t.runs.columns.slots).toEqual(t.runs.rows.map((r) => r.slots));
    expect(Array.isArray(t.runs.columns.slots)).toBe(true);
    expect(t.agents.columns.agent).toHaveLength(t.agents.rows.length);
  });

  it('a builder and a searcher with one id (bidders keyed by position) each get their own bidder entry', () => {
    const s = summary(1, {
      builders: [{ builder: 'x', wins: 4 }],
      searchers: [{ searcher: 'x', kind: 'cex-dex', pnl_y: 1, wins: 2 }],
      bidders: [{ bidder: 'x', role: 'builder', wins: 3 }, { bidder: 'x', role: 'searcher', wins: 1 }],
    });
    const t1 = runTidyTables({ seed: 1, builders: [{ id: 'x' }], searchers: [{ id: 'x' }] } as never, s);
    expect(t1.agents.rows.map((r) => [r.kind, r.agent, r.auction_wins])).toEqual([['builder', 'x', 3], ['searcher', 'x', 1]]);
  });

  it('same plan and rows give the same tables (pure)', () => {
    expect(sweepTidyTables(plan, rows)).toEqual(t);
  });
});
