import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallConfig, tempDir } from '../cli/helpers.js';

/**
 * A small sweep over `smallConfig`: rollup A's fee × arb-A's bid fraction (2 × 2 cells), 3 seeds,
 * plus a cross-rollup searcher whose `rollups: ["A","B"]` is a list field, not an axis.
 */
export function smallSweep(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = smallConfig({ slots: 120 });
  const { seed: _seed, ...rest } = base;
  const rollups = structuredClone(base.rollups) as Record<string, Record<string, unknown>>[];
  rollups[0]!.pool!.fee = [0.001, 0.003];
  return {
    kind: 'sweep',
    seeds: [1, 2, 3],
    ...rest,
    rollups,
    searchers: [
      { kind: 'cex-dex', id: 'arb-A', rollup: 'A', bidFraction: [0.3, 0.7] },
      { kind: 'cex-dex', id: 'arb-B', rollup: 'B' },
      { kind: 'cross-rollup', id: 'cross', rollups: ['A', 'B'] },
    ],
    ...overrides,
  };
}

/** Writes a sweep to a temp file and returns its path. */
export function writeSweep(sweep: unknown, dir = tempDir('seqsim-sweep-')): string {
  const path = join(dir, 'sweep.json');
  writeFileSync(path, typeof sweep === 'string' ? sweep : JSON.stringify(sweep, null, 2));
  return path;
}

/** Every file of a folder (flat) with its bytes, for "nothing was changed" checks. */
export function snapshotFiles(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));
}
