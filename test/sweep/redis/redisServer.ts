/**
 * A real redis-server for tests: started on 127.0.0.1 on a free port with a temporary directory, and
 * stopped after. No mock of Redis or BullMQ anywhere. Where redis-server is not installed the Redis
 * suites are skipped with a message, except in CI (CI=true), where `.ci/run` installs it and its
 * absence fails the suite.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when `redis-server` runs here; throws in CI when it does not. */
export function redisServerInstalled(): boolean {
  const ok = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!ok && process.env.CI) throw new Error('redis-server is not installed, but CI must have it (.ci/run installs Debian\'s redis-server)');
  if (!ok) console.warn('Skipping the Redis tests: redis-server is not installed (apt-get install redis-server). CI runs them.');
  return ok;
}

/** A free TCP port on 127.0.0.1 (taken by the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => void (c.destroy(), resolve(true)));
    c.once('error', () => resolve(false));
  });
}

/** A running test server: its URL, and stop / restart (same port and data directory). */
export interface TestRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * Starts redis-server. With `appendonly`, every write is logged and fsynced (`appendfsync always`),
 * so a restart keeps the queue: the persistence docs/cluster-redis.md asks of a production server.
 */
export async function startRedis(opts: { appendonly?: boolean } = {}): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'seqsim-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no',
    '--appendonly', opts.appendonly ? 'yes' : 'no', '--appendfsync', 'always', '--loglevel', 'warning'];
  let proc: ChildProcess | undefined;
  const up = async () => {
    proc = spawn('redis-server', args, { stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      if (await accepts(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${port} within 10 s`);
  };
  const down = async () => {
    const p = proc;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  };
  await up();
  return {
    url: `redis://127.0.0.1:${port}`, port, dir,
    stop: async () => {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
    restart: async () => {
      await down();
      await up();
    },
  };
}

/** Spawns `node bin/seqsim.js worker` (the built CLI) on the server; returns the child process. */
export function spawnWorker(url: string, queue: string, extra: readonly string[] = []): ChildProcess & { log: () => string } {
  const child = spawn(process.execPath, ['bin/seqsim.js', 'worker', '--redis-url', url, '--queue', queue, '--concurrency', '1', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d: Buffer) => void (log += d.toString()));
  return Object.assign(child, { log: () => log });
}

/** Waits until `cond()` holds, polling every 100 ms, for at most `ms` (generous: the machine may be loaded). */
export async function waitFor(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a spawned worker with SIGTERM and waits for its exit code. */
export function stopWorker(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}
