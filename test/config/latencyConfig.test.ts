import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, itRejects, smallConfig, tempDir, writeConfig } from '../cli/helpers.js';

/* Bad latency parameters (issue 14, "Bad input"): exit 2, one paragraph naming the field. */
describe('latency distribution parameters', () => {
  const withSearcher = (fields: Record<string, unknown>) => smallConfig({ searchers: [{ kind: 'cex-dex', id: 'arb-A', rollup: 'A', ...fields }] });
  const cases: [string, unknown, RegExp][] = [
    ['a negative base latency', withSearcher({ latencyMs: -5 }), /searchers\[0\]\.latencyMs must be a number >= 0, but got -5/],
    ['a negative colocation advantage', withSearcher({ colocationMs: -1 }), /searchers\[0\]\.colocationMs must be a number >= 0, but got -1/],
    ['a negative normal sd', withSearcher({ latencyJitter: { dist: 'normal', sdMs: -2 } }), /searchers\[0\]\.latencyJitter\.sdMs must be a number >= 0, but got -2/],
    ['a negative normal cv', withSearcher({ latencyJitter: { dist: 'normal', cv: -0.1 } }), /searchers\[0\]\.latencyJitter\.cv must be a number >= 0, but got -0\.1/],
    ['a negative log-normal sigma', withSearcher({ latencyJitter: { dist: 'lognormal', sigma: -0.5 } }), /searchers\[0\]\.latencyJitter\.sigma must be a number >= 0, but got -0\.5/],
    ['a negative exponential mean', withSearcher({ latencyJitter: { dist: 'exponential', meanMs: -3 } }), /searchers\[0\]\.latencyJitter\.meanMs must be a number >= 0, but got -3/],
    ['an empty empirical list', withSearcher({ latencyJitter: { dist: 'empirical', samplesMs: [] } }), /searchers\[0\]\.latencyJitter\.samplesMs must be a list with at least 1 item/],
    ['a negative empirical sample', withSearcher({ latencyJitter: { dist: 'empirical', samplesMs: [1, -4] } }), /searchers\[0\]\.latencyJitter\.samplesMs\[1\] must be a number >= 0, but got -4/],
    ['a log-normal sigma above 5', withSearcher({ latencyJitter: { dist: 'lognormal', sigma: 6 } }), /searchers\[0\]\.latencyJitter\.sigma must be a number <= 5, but got 6/],
    ['a builder\'s negative bid-time sd', smallConfig({ builders: [{ id: 'b1', bidTimeJitter: { dist: 'normal', sdMs: -1 } }] }), /builders\[0\]\.bidTimeJitter\.sdMs must be a number >= 0, but got -1/],
    ['a builder\'s empty empirical list', smallConfig({ builders: [{ id: 'b1', bidTimeJitter: { dist: 'empirical', samplesMs: [] } }] }), /builders\[0\]\.bidTimeJitter\.samplesMs must be a list with at least 1 item/],
    ['an unknown distribution', withSearcher({ latencyJitter: { dist: 'pareto', alpha: 2 } }), /searchers\[0\]\.latencyJitter\.dist must be one of \"normal\", \"lognormal\", \"exponential\", \"empirical\", but got \"pareto\"/],
    ['a misspelled jitter field', withSearcher({ latencyJitter: { dist: 'normal', sd: 2 } }), /searchers\[0\]\.latencyJitter\.sd: unknown field\(s\) \"sd\" \(known fields here: dist, sdMs, cv\)/],
  ];
  itRejects(cases);

  it('runs every distribution, with colocation, to the end', async () => {
    const jitters = [{ dist: 'normal', sdMs: 20, cv: 0.5 }, { dist: 'lognormal', sigma: 5 }, { dist: 'exponential', meanMs: 0 }, { dist: 'empirical', samplesMs: [0, 1e9] }];
    for (const latencyJitter of jitters) {
      const r = await cli('run', writeConfig(withSearcher({ latencyMs: 1e9, colocationMs: 30, latencyJitter })), '--slots', '30', '--out', join(tempDir(), 'run'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
