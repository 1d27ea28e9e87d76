import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveMarketConfig } from '../../../src/config/loadConfig.js';
import { mechanismNames } from '../../../src/market/mechanisms/registry.js';
import { rollupOrderings, rollupSchema } from '../../../src/config/schema.js';
import { runMarket } from '../../../src/marketModel/runMarket.js';

/*
 * The guard of issue 13: on a market where their rules differ (builders of different skill and
 * margins, two rollups, every kind of opportunity), no two mechanisms and no two ordering policies
 * give byte-identical outputs. A parameter that the model never reads, or a mechanism that is a
 * name only in the market, makes two of them collide.
 */
const raw = JSON.parse(readFileSync('configs/scenarios/shared-vs-separate.json', 'utf8')) as Record<string, unknown> & { rollups: Record<string, unknown>[] };

/** Hash of a run's table and summary. */
function fingerprint(overrides: Record<string, unknown>): string {
  const hash = createHash('sha256');
  const summary = runMarket(resolveMarketConfig({ ...raw, slots: 150, ...overrides }), { onRow: (r) => void hash.update(JSON.stringify(r)) });
  hash.update(JSON.stringify(summary));
  return hash.digest('hex');
}

/** Pairs of labels with equal fingerprints. */
function collisions(prints: Map<string, string>): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const [label, print] of prints) {
    const other = seen.get(print);
    if (other !== undefined) out.push(`${other} = ${label}`);
    else seen.set(print, label);
  }
  return out;
}

describe('no two mechanisms or orderings give the same market', () => {
  it('every registered mechanism gives different outputs (defaults for every parameter)', () => {
    const prints = new Map(mechanismNames.map((name) => [name, fingerprint({ mechanism: { name } })]));
    expect(collisions(prints)).toEqual([]);
  });

  it('every ordering policy gives different outputs (all rollups on it)', () => {
    const prints = new Map(rollupOrderings.map((ordering) => [ordering, fingerprint({ rollups: raw.rollups.map((r) => ({ ...r, ordering })) })]));
    expect(collisions(prints)).toEqual([]);
  });

  it('the guard covers every ordering the config accepts and every market mechanism (no scenario needed)', () => {
    // The schema's enum is the list the guard iterates: an ordering added to one and not the other fails here.
    expect([...rollupSchema.shape.ordering.unwrap().options].sort()).toEqual([...rollupOrderings].sort());
    expect(rollupOrderings).toEqual(expect.arrayContaining(['auction', 'fcfs', 'encrypted', 'timeboost', 'priority-fee']));
    expect(mechanismNames).toEqual(expect.arrayContaining(['first-price', 'second-price', 'order-flow-auction', 'partial-block', 'execution-tickets']));
  });

  it('the guard can fail: the same mechanism twice collides', () => {
    expect(collisions(new Map([['a', 'x'], ['b', 'y'], ['c', 'x']]))).toEqual(['a = c']);
  });
});
