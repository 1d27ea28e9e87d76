import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolveMarketConfig } from '../../src/config/loadConfig.js';
import { searcherKinds } from '../../src/agents/searchers/registry.js';
import { tableColumns } from '../../src/marketModel/columns.js';
import { runMarket } from '../../src/marketModel/runMarket.js';
import { documentedSummaryFields } from '../../src/marketModel/summaryFields.js';
import { namedReporters, reporterNames } from '../../src/marketModel/reporters/namedReporters.js';

/** Every leaf path of a JSON value: `a.b`, `xs[].c` (arrays by their first element). */
function leafPaths(v: unknown, path = ''): string[] {
  if (Array.isArray(v)) return v.length > 0 ? leafPaths(v[0], `${path}[]`) : [];
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, path ? `${path}.${k}` : k));
  return [path];
}

/*
 * The column registry documents every output (issue: "a test fails when a column is undocumented").
 * A run of a scenario that reaches every part of the model (builders, revenue sharing, a dishonest
 * proposer, every detector), with a searcher of every kind added, must produce no column and no summary field that the registry and the
 * summary-field list do not describe — and nothing is documented that no run produces.
 */
describe('every output is documented', () => {
  const raw = JSON.parse(readFileSync('configs/scenarios/dishonest-proposer.json', 'utf8')) as { rollups: { id: string }[]; searchers: unknown[] };
  const A = raw.rollups[0]!.id;
  const B = raw.rollups[1]!.id;
  const everyKind = [
    { kind: 'cex-dex', id: 'k-cex', rollup: A },
    { kind: 'cross-rollup', id: 'k-cross', rollups: [A, B] },
    { kind: 'backrun', id: 'k-backrun', rollup: A },
    { kind: 'sandwich', id: 'k-sandwich', rollup: B },
    { kind: 'capped-cex-dex', id: 'k-capped', rollup: B, maxTradeY: 1000 },
  ];
  const config = resolveMarketConfig({ ...raw, slots: 40, searchers: [...raw.searchers, ...everyKind], restaking: {} });
  const rows: Record<string, unknown>[] = [];
  const summary = runMarket(config, { onRow: (r) => void rows.push(r) });
  // Fields that only a mechanism of their own produces, each from a short run of the same market.
  const variants = [{ name: 'slot-auction', leadSlots: 4 }, { name: 'execution-tickets', lookaheadSlots: 4 }].map((mechanism) => runMarket(resolveMarketConfig({ ...raw, slots: 12, mechanism, revenueSharing: {} })));
  // Stake pools and delegators: a pool of the first validator, with a liquid-staking protocol in it, epochs of 8 slots so epochs are recorded.
  const validators = (raw as unknown as { validators: { id: string }[] }).validators;
  variants.push(runMarket(resolveMarketConfig({ ...raw, slots: 24, clock: { slotMs: 2000, slotsPerEpoch: 8 }, revenueSharing: {}, staking: { pools: [{ id: 'pool', operators: [validators[0]!.id] }], issuancePerBlockY: 1, liquidStaking: { members: ['pool'] } } })));

  const agentIdsOf = (c: typeof config, kind: string): string[] => {
    const lists: Record<string, readonly { id: string }[]> = { rollup: c.rollups, builder: c.builders, searcher: c.searchers, validator: c.validators };
    return lists[kind]!.map((a) => a.id);
  };

  it('the run has a searcher of every registered kind', () => {
    expect(new Set(everyKind.map((k) => k.kind))).toEqual(new Set(searcherKinds.map((k) => k.kind)));
  });

  it('slots.csv: each column of a real row is declared with a meaning and a unit, in declared order', () => {
    const columns = tableColumns(config.searchers.map((s) => s.kind));
    expect(Object.keys(rows[0]!)).toEqual(columns.map((c) => c.name));
    for (const c of columns) {
      expect(c.meaning.trim().length, c.name).toBeGreaterThan(10);
      expect(typeof c.unit, c.name).toBe('string');
    }
    expect(new Set(columns.map((c) => c.name)).size).toBe(columns.length);
  });

  it('summary.json: each field of a real summary is documented, and each documented field exists', () => {
    const documented = new Set(documentedSummaryFields().map((f) => f.path));
    // The variants run without revenue-sharing reporting (refused for their mechanisms): its fields are the main run's.
    const produced = [...new Set([...leafPaths(summary), ...variants.flatMap((s) => leafPaths(s)).filter((p) => !p.startsWith('reporting.'))])];
    expect(produced.filter((p) => !documented.has(p)), 'undocumented summary.json fields: add them to src/marketModel/summaryFields.ts').toEqual([]);
    expect([...documented].filter((p) => !produced.includes(p)), 'documented fields that no run produces').toEqual([]);
  });

  it('summary.json: the named reporters of a run listing every one are the registry’s, at the documented paths', () => {
    const c = resolveMarketConfig({ ...raw, slots: 12, output: { reporters: [...reporterNames] } });
    const withReporters = runMarket(c);
    const expected = namedReporters.flatMap((r) =>
      r.level === 'model' ? [`reporters.${r.name}`] : r.kinds.flatMap((kind) => agentIdsOf(c, kind).map((id) => `reporters.${r.name}.${kind}.${id}`)),
    );
    expect(Object.keys(withReporters.reporters ?? {})).toEqual([...reporterNames]);
    expect(leafPaths(withReporters.reporters).map((p) => `reporters.${p}`).sort()).toEqual(expected.sort());
    for (const r of namedReporters) expect(r.meaning.length, r.name).toBeGreaterThan(40);
  });

  it('catches an undocumented field (the check can fail)', () => {
    const documented = new Set(documentedSummaryFields().map((f) => f.path));
    expect(leafPaths({ ...summary, totals: { ...summary.totals, brand_new_y: 1 } }).filter((p) => !documented.has(p))).toEqual(['totals.brand_new_y']);
  });
});
