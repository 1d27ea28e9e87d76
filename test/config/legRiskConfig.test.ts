import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, itRejects, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';

/* Bad leg-risk parameters (issue 14, "Bad input"): exit 2, one paragraph naming the field. */
describe('inclusion failures and unwinding venues', () => {
  const rollups = (f: unknown) => [
    { id: 'A', gasToken: 'X', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.003 }, inclusionFailureProbability: f },
    { id: 'B', gasToken: 'Y', pool: { reserveX: 500, reserveY: 1_000_000, fee: 0.001 } },
  ];
  const cross = (unwind: unknown) => smallConfig({ searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'split', unwind }] });
  const cases: [string, unknown, RegExp][] = [
    ['an inclusion-failure probability above 1', smallConfig({ rollups: rollups(1.5) }), /rollups\[0\]\.inclusionFailureProbability must be a number <= 1, but got 1\.5/],
    ['a negative inclusion-failure probability', smallConfig({ rollups: rollups(-0.1) }), /rollups\[0\]\.inclusionFailureProbability must be a number >= 0, but got -0\.1/],
    ['a negative CEX unwind cost', cross({ venue: 'cex', costBp: -5 }), /searchers\[0\]\.unwind\.costBp must be a number >= 0, but got -5/],
    ['a CEX unwind cost above 10000 bp', cross({ venue: 'cex', costBp: 20_000 }), /searchers\[0\]\.unwind\.costBp must be a number <= 10000, but got 20000/],
    ['a negative holding horizon', cross({ venue: 'hold', horizonSlots: -1 }), /searchers\[0\]\.unwind\.horizonSlots must be a number >= 0, but got -1/],
    ['a fractional holding horizon', cross({ venue: 'hold', horizonSlots: 2.5 }), /searchers\[0\]\.unwind\.horizonSlots must be a whole number, but got 2\.5/],
    ['an unknown venue', cross({ venue: 'dex' }), /searchers\[0\]\.unwind\.venue must be one of "pool", "cex", "hold", but got "dex"/],
    ['a field of another venue', cross({ venue: 'pool', costBp: 5 }), /searchers\[0\]\.unwind\.costBp: unknown field\(s\) "costBp" \(known fields here: venue\)/],
    ['an unwind venue on a searcher without lone legs', smallConfig({ searchers: [{ kind: 'cex-dex', id: 'a', rollup: 'A', unwind: { venue: 'cex' } }] }), /searchers\[0\]\.unwind: unknown field\(s\) "unwind"/],
  ];
  itRejects(cases);

  it('runs every venue with inclusion failures on both rollups to the end', async () => {
    for (const unwind of [{ venue: 'pool' }, { venue: 'cex', costBp: 10 }, { venue: 'hold', horizonSlots: 4 }]) {
      const config = smallConfig({ rollups: rollups(0.3).map((r) => ({ ...r, inclusionFailureProbability: 0.3 })), searchers: [{ kind: 'cross-rollup', id: 'x', rollups: ['A', 'B'], bundling: 'split', unwind }, { kind: 'cross-rollup', id: 'y', rollups: ['A', 'B'] }] });
      const r = await cli('run', writeConfig(config), '--slots', '50', '--out', join(tempDir(), 'run'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
