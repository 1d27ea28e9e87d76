import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/loadConfig.js';
import { slotColumns } from '../../src/marketModel/columns.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { documentedSummaryFields } from '../../src/marketModel/summaryFields.js';
import type { MarketConfig } from '../../src/config/schema.js';

/** Every leaf path of a JSON value: `a.b`, `xs[].c` (arrays by their first element). */
function leafPaths(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.length > 0 ? leafPaths(v[0], `${path}[]`) : [];
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, path ? `${path}.${k}` : k));
  return [path];
}

/*
 * The column registry documents every output (issue: "a test fails when a column is undocumented").
 * A run of a scenario that reaches every part of the model (builders, revenue sharing, a dishonest
 * proposer, every detector) must produce no column and no summary field that the registry and the
 * summary-field list do not describe — and nothing is documented that no run produces.
 */
describe('every output is documented', () => {
  const config = loadConfig('configs/scenarios/dishonest-proposer.json', ['slots=40']) as MarketConfig;
  const rows: Record<string, unknown>[] = [];
  const summary = runMarket(config, { onRow: (r) => void rows.push(r) });

  it('slots.csv: each column of a real row is declared with a meaning and a unit, in declared order', () => {
    expect(Object.keys(rows[0]!)).toEqual(slotColumns.map((c) => c.name));
    for (const c of slotColumns) {
      expect(c.meaning.trim().length, c.name).toBeGreaterThan(10);
      expect(typeof c.unit, c.name).toBe('string');
    }
    expect(new Set(slotColumns.map((c) => c.name)).size).toBe(slotColumns.length);
  });

  it('summary.json: each field of a real summary is documented, and each documented field exists', () => {
    const documented = new Set(documentedSummaryFields().map((f) => f.path));
    const produced = leafPaths(summary);
    expect(produced.filter((p) => !documented.has(p)), 'undocumented summary.json fields: add them to src/marketModel/summaryFields.ts').toEqual([]);
    expect([...documented].filter((p) => !produced.includes(p)), 'documented fields that no run produces').toEqual([]);
  });

  it('catches an undocumented field (the check can fail)', () => {
    const documented = new Set(documentedSummaryFields().map((f) => f.path));
    expect(leafPaths({ ...summary, totals: { ...summary.totals, brand_new_y: 1 } }).filter((p) => !documented.has(p))).toEqual(['totals.brand_new_y']);
  });
});
