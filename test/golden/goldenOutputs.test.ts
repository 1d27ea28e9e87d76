import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../cli/helpers.js';

/*
 * Golden outputs (STYLE.md rule 11): the SHA-256 of every shipped scenario's table and summary.json
 * at the scenario's own seed and a fixed length. A refactor keeps them byte-identical; a change that
 * moves them on purpose regenerates this file in the same commit (`npm run golden:update`) and says
 * why in the commit message.
 */
const goldenPath = 'test/golden/outputs.json';
const slots = '300';
const shipped = ['configs/baseline.json', ...readdirSync('configs/scenarios').filter((f) => f.endsWith('.json')).sort().map((f) => join('configs/scenarios', f))];
// Variants that reach code the shipped scenarios do not: other mechanisms with builders, direct
// second-price sales, separate sequencing, the order-flow auction (with builders and direct), a
// priority-fee rollup. Keyed "config --set a=b ...".
const variants = [
  ...['tullock', 'all-pay', 'execution-tickets', 'mev-burn', 'mev-smoothing', 'second-price', 'order-flow-auction'].map((m) => `configs/scenarios/shared-vs-separate.json --set mechanism.name=${m}`),
  'configs/scenarios/shared-vs-separate.json --set sequencing.mode=separate',
  'configs/baseline.json --set mechanism.name=second-price',
  'configs/baseline.json --set mechanism.name=order-flow-auction',
  'configs/baseline.json --set rollups.0.ordering=priority-fee',
];
const scenarios = [...shipped, ...variants];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function outputsOf(key: string): Promise<Record<string, string>> {
  const out = join(tempDir('seqsim-golden-'), 'run');
  const r = await cli('run', ...key.split(' '), '--slots', slots, '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const table = existsSync(join(out, 'slots.csv')) ? 'slots.csv' : 'auctions.csv';
  return { [table]: sha256(join(out, table)), 'summary.json': sha256(join(out, 'summary.json')) };
}

describe(`golden outputs (${slots} slots at each scenario's seed)`, () => {
  const update = process.env.SEQSIM_UPDATE_GOLDEN === '1';
  const golden: Record<string, Record<string, string>> = existsSync(goldenPath) ? JSON.parse(readFileSync(goldenPath, 'utf8')) : {};
  const fresh: Record<string, Record<string, string>> = {};
  it('covers every shipped scenario', () => {
    if (!update) expect(Object.keys(golden).sort()).toEqual([...scenarios].sort());
  });
  for (const config of scenarios) {
    it(`${config} is byte-identical to its golden hashes`, async () => {
      fresh[config] = await outputsOf(config);
      if (update) {
        const all = { ...golden, ...fresh };
        writeFileSync(goldenPath, JSON.stringify(Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]])), null, 2) + '\n');
      }
      else expect(fresh[config]).toEqual(golden[config]);
    });
  }
});
