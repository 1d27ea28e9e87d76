/** Bad Redis input needs no server: an unreachable or malformed URL, Redis flags without the backend. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../cli/helpers.js';
import { smallSweep, writeSweep } from '../helpers.js';
import { freePort } from './redisServer.js';

describe('sweep --backend redis / worker: bad input exits 2 with one paragraph', { timeout: 60_000 }, () => {
  it('an unreachable Redis (nothing listens on the port): a clear message within a few seconds, nothing written', async () => {
    const port = await freePort();
    const out = join(tempDir(), 'never');
    const started = Date.now();
    const r = await cli('sweep', writeSweep(smallSweep()), '--backend', 'redis', '--redis-url', `redis://:secret@127.0.0.1:${port}`, '--out', out);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^seqsim: Cannot reach Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port}: connect ECONNREFUSED .*Nothing was written\\.\\n$`));
    expect(r.stderr).not.toMatch(/secret/); // the password is not printed
    expect(r.stderr.split('\n')).toHaveLength(2); // one paragraph, no stack trace
    expect(existsSync(out)).toBe(false);
  });

  it('the worker too: an unreachable Redis exits 2', async () => {
    const r = await cli('worker', '--redis-url', `redis://127.0.0.1:${await freePort()}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^seqsim: Cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: connect ECONNREFUSED/);
  });

  const file = writeSweep(smallSweep());
  it.each([
    ['a URL that is not one', ['--backend', 'redis', '--redis-url', 'not a url'], /--redis-url "not a url" is not a URL; give the Redis server as e\.g\. redis:\/\/127\.0\.0\.1:6379/],
    ['another scheme', ['--backend', 'redis', '--redis-url', 'http://127.0.0.1:6379'], /has the scheme "http:"; a Redis URL starts with redis:\/\//],
    ['a path that is not a database number', ['--backend', 'redis', '--redis-url', 'redis://127.0.0.1:6379/queue'], /the path must be a database number/],
    ['--backend redis without a URL', ['--backend', 'redis'], /--backend redis needs --redis-url URL/],
    ['an unknown backend', ['--backend', 'slurm'], /--backend must be local or redis, but got "slurm"/],
    ['a Redis flag without --backend redis', ['--redis-url', 'redis://127.0.0.1:6379'], /--redis-url goes with --backend redis/],
    ['a bad queue name', ['--backend', 'redis', '--redis-url', 'redis://127.0.0.1:6379', '--queue', 'a:b'], /--queue must be a name of 1 to 100 letters/],
    ['--runs-path without --runs', ['--backend', 'redis', '--redis-url', 'redis://127.0.0.1:6379', '--runs-path', '/tmp'], /--runs-path goes with --runs/],
    ['--workers with --backend redis', ['--backend', 'redis', '--redis-url', 'redis://127.0.0.1:6379', '--workers', '2'], /--workers is for the local backend; with --backend redis, give each `seqsim worker` its --concurrency/],
    ['--job-attempts 0', ['--backend', 'redis', '--redis-url', 'redis://127.0.0.1:6379', '--job-attempts', '0'], /--job-attempts must be a whole number >= 1/],
  ])('rejects %s', async (_what, flags, message) => {
    const out = join(tempDir(), 'never');
    const r = await cli('sweep', file, '--out', out, ...flags);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('the worker rejects a malformed URL and bad numbers', async () => {
    expect((await cli('worker', '--redis-url', 'localhost:6379')).stderr).toMatch(/a Redis URL starts with redis:\/\//);
    const r = await cli('worker', '--redis-url', 'redis://127.0.0.1:6379', '--concurrency', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--concurrency must be a whole number >= 1/);
  });
});
