/**
 * Connecting to Redis for a sweep or a worker: the URL is checked, the server reached and its
 * version read within a few seconds, and every failure told in one paragraph (exit 2).
 */
import { Redis } from 'ioredis';
import { UserInputError } from '../../config/errors.js';
import { oneLine } from '../runSweep.js';
import { showUrl } from './redisUrl.js';

/** BullMQ's Lua scripts need Redis 6.2 or later. */
const minVersion = [6, 2] as const;

/** Redis's `redis_version` from INFO, as [major, minor]. */
function serverVersion(info: string): [number, number] {
  const m = /redis_version:(\d+)\.(\d+)/.exec(info);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/**
 * Reaches the server once, failing fast (no retries): connects, authenticates, reads the version.
 * @throws UserInputError naming the URL (password hidden), what went wrong and what to check.
 */
export async function checkRedis(url: URL, timeoutMs = 4_000): Promise<string> {
  const probe = new Redis(url.href, { lazyConnect: true, connectTimeout: timeoutMs, commandTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: unknown; // the socket's error (ECONNREFUSED, ...), clearer than connect()'s "Connection is closed"
  probe.on('error', (err: unknown) => void (cause ??= err));
  let info: string;
  try {
    await probe.connect();
    info = await probe.info('server');
  } catch (err) {
    throw new UserInputError(
      `Cannot reach Redis at ${showUrl(url)}: ${oneLine(cause ?? err).replace(/\.$/, '')}. Check that redis-server runs there and listens on that address (its "bind" and "port"), ` +
        'that no firewall is in the way, and that the password in the URL is right (redis://:PASSWORD@host:port). Nothing was written.',
    );
  } finally {
    probe.disconnect();
  }
  const [major, minor] = serverVersion(info);
  if (major < minVersion[0] || (major === minVersion[0] && minor < minVersion[1]))
    throw new UserInputError(`Redis at ${showUrl(url)} is version ${major}.${minor}; BullMQ needs ${minVersion.join('.')} or later. Upgrade redis-server.`);
  return `${major}.${minor}`;
}

/**
 * The long-lived connection for BullMQ: it waits through an outage (a Redis restart) instead of
 * failing commands, reconnecting every second at most; `onError` hears each connection error.
 */
export function openRedis(url: URL, onError: (message: string) => void = () => {}): Redis {
  const redis = new Redis(url.href, { maxRetriesPerRequest: null, retryStrategy: (times) => Math.min(times * 100, 1_000) });
  redis.on('error', (err: unknown) => onError(oneLine(err)));
  return redis;
}
