import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';

// Every scenario in configs/scenarios/ runs as a smoke test (STYLE.md rule 11), shortened.
describe('scenarios run', () => {
  const files = readdirSync('configs/scenarios').filter((f) => f.endsWith('.json'));
  it('finds the scenarios', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const f of files) {
    it(`${f} runs`, async () => {
      const r = await cli('run', join('configs/scenarios', f), '--slots', '150', '--out', join(tempDir(), 'run'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
  }
});

/*
 * A sweep built on a scenario must stay that scenario plus its axes: the README's tables come from
 * the sweeps and are described as the scenario's. Removing the axis leaves (and seed/seeds, kind,
 * description) must leave the two files equal.
 */
describe('sweeps built on scenarios', () => {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const drop = (config: Record<string, unknown>, paths: readonly string[]) => {
    const c = structuredClone(config);
    for (const k of ['$schema', 'seed', 'seeds', 'kind', 'description']) delete c[k];
    for (const p of paths) {
      const keys = p.split('.');
      const parent = keys.slice(0, -1).reduce((o, k) => (o as Record<string, unknown>)[k], c as unknown) as Record<string, unknown>;
      delete parent[keys[keys.length - 1]!];
    }
    return c;
  };
  const pairs: [string, string, string[]][] = [
    ['revenue-sharing-rules', 'revenue-sharing', ['revenueSharing.rule', 'revenueSharing.governance.ownSequencerCostY']],
    ['revenue-sharing-3-rollups-rules', 'revenue-sharing-3-rollups', ['revenueSharing.rule', 'revenueSharing.governance.ownSequencerCostY']],
    [
      'dishonest-proposer-detectors',
      'dishonest-proposer',
      ['revenueSharing.reporting.delta', ...['publicBids', 'committee', 'stakeBound'].map((d) => `revenueSharing.reporting.detection.${d}.enabled`)],
    ],
  ];
  for (const [sweep, scenario, axes] of pairs) {
    it(`configs/sweeps/${sweep}.json is configs/scenarios/${scenario}.json plus its axes, on the scenario's seed`, () => {
      const s = read(`configs/sweeps/${sweep}.json`);
      const c = read(`configs/scenarios/${scenario}.json`);
      expect(drop(s, axes)).toEqual(drop(c, axes));
      expect(s.seeds).toEqual([c.seed]);
    });
  }
});
