import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, itRejects, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';

/* Bad partial-block parameters (issue 13, "Bad input"): exit 2, one paragraph naming the field. */
describe('partial-block parameters', () => {
  const withBuilders = (mechanism: Record<string, unknown>) => smallConfig({ builders: [{ id: 'b1' }, { id: 'b2' }], mechanism: { name: 'partial-block', ...mechanism } });
  const cases: [string, unknown, RegExp][] = [
    ['a top-of-block share of 0', withBuilders({ topOfBlockShare: 0 }), /mechanism\.topOfBlockShare: topOfBlockShare must be in \(0, 1\], got 0/],
    ['a top-of-block share above 1', withBuilders({ topOfBlockShare: 1.5 }), /mechanism\.topOfBlockShare: topOfBlockShare must be in \(0, 1\], got 1\.5/],
    ['an unknown local build', withBuilders({ localBuild: 'lifo' }), /mechanism\.localBuild must be one of "greedy", "fcfs", but got "lifo"/],
    ['a misspelled parameter', withBuilders({ topOfBlockShar: 0.5 }), /unknown field\(s\) "topOfBlockShar".*topOfBlockShare, localBuild/],
  ];
  itRejects(cases);

  it('runs both local builds to the end', async () => {
    for (const localBuild of ['greedy', 'fcfs']) {
      const r = await cli('run', writeConfig(withBuilders({ topOfBlockShare: 0.3, localBuild })), '--slots', '50', '--out', join(tempDir(), 'run'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
