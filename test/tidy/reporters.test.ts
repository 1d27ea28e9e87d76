import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveMarketConfig, runSimulation } from '../../src/index.js';

const config = resolveMarketConfig(JSON.parse(readFileSync('configs/baseline.json', 'utf8')), { sets: ['slots=60'] });

describe('user-defined reporters (runSimulation)', () => {
  const { summary, tables } = runSimulation(config, {
    reporters: {
      model: { my_final_ref: (w) => w.refPriceYPerX, my_searchers: (w) => w.searchers.length },
      agent: { my_wins: (w, a) => (a.kind === 'searcher' ? w.searchers.find((s) => s.id === a.id)!.record.wins : null) },
    },
  });

  it('a model reporter is a column of the runs row, read from the world at the end', () => {
    expect(tables.runs.rows).toHaveLength(1);
    expect(tables.runs.rows[0]!.my_final_ref).toBe(summary.final_ref_price);
    expect(tables.runs.rows[0]!.my_searchers).toBe(summary.searchers.length);
    expect(tables.runs.schema.find((c) => c.name === 'my_final_ref')!.type).toBe('double');
  });

  it('an agent reporter is a column of every agents row: the searchers’ own wins, null for other kinds', () => {
    const searchers = tables.agents.rows.filter((r) => r.kind === 'searcher');
    expect(searchers.map((r) => r.my_wins)).toEqual(summary.searchers.map((s) => s.wins));
    expect(searchers.some((r) => (r.my_wins as number) > 0)).toBe(true);
    expect(tables.agents.rows.filter((r) => r.kind !== 'searcher').every((r) => r.my_wins === null)).toBe(true);
  });

  it('without reporters the tables are the same but for those columns', () => {
    const plain = runSimulation(config).tables;
    expect(plain.runs.schema.map((c) => c.name)).toEqual(tables.runs.schema.map((c) => c.name).filter((n) => !n.startsWith('my_')));
    expect(plain.agents.rows.map((r) => r.pnl_y)).toEqual(tables.agents.rows.map((r) => r.pnl_y));
  });
});
