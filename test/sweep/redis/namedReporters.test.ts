/**
 * Named reporters through the Redis backend: the names travel in each job's config, the values come
 * back in the encoded summary (encodeSummary/decodeSummary) and the tables are a local sweep's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reporterNames } from '../../../src/marketModel/reporters/namedReporters.js';
import { runMarket } from '../../../src/marketModel/runMarket.js';
import { decodeSummary, encodeSummary } from '../../../src/sweep/redis/jobs.js';
import { loadSweepFile } from '../../../src/sweep/loadSweepFile.js';
import { runSweep } from '../../../src/sweep/runSweep.js';
import runSweepTask from '../../../src/sweep/worker.js';
import { cli, tempDir } from '../../cli/helpers.js';
import { smallSweep, writeSweep } from '../helpers.js';
import { redisServerInstalled, spawnWorker, startRedis, stopWorker, type TestRedis } from './redisServer.js';

const sweepFile = writeSweep(smallSweep({ slots: 40, seeds: [1, 2], builders: [{ id: 'b1' }, { id: 'b2' }] }));

describe('named reporters in a job result', () => {
  it('survive encodeSummary/decodeSummary, nulls and nested agent values included', () => {
    const plan = loadSweepFile(sweepFile, { reporters: reporterNames });
    const summary = runMarket(plan.runs[0]!.config);
    expect(Object.keys(summary.reporters!)).toEqual([...reporterNames]);
    expect(decodeSummary(encodeSummary(summary))).toEqual(summary);
  });
});

describe.skipIf(!redisServerInstalled())('sweep --reporters --backend redis (a real redis-server)', { timeout: 120_000 }, () => {
  let redis: TestRedis;
  beforeAll(async () => void (redis = await startRedis()));
  afterAll(async () => redis?.stop());

  it('the same results, runs and agents tables as a local sweep', async () => {
    const worker = spawnWorker(redis.url, 'reporters');
    const local = join(tempDir(), 'local');
    await runSweep(loadSweepFile(sweepFile, { reporters: reporterNames }), { out: local, runTask: runSweepTask });
    try {
      const out = join(tempDir(), 'redis');
      const r = await cli('sweep', sweepFile, '--backend', 'redis', '--redis-url', redis.url, '--queue', 'reporters', '--out', out, '--reporters', reporterNames.join(','));
      expect(r.code).toBe(0);
      for (const table of ['results.csv', 'runs.csv', 'agents.csv']) expect(readFileSync(join(out, table)).equals(readFileSync(join(local, table))), table).toBe(true);
      expect(readFileSync(join(out, 'agents.csv'), 'utf8').split('\n')[0]).toContain('reporters.bid-shading');
    } finally {
      expect(await stopWorker(worker)).toBe(0);
    }
  });
});
