/** A `--redis-url`, checked before anything connects (no Redis client is loaded here). */
import { UserInputError } from '../../config/errors.js';

/** The URL with its password hidden, for messages. */
export function showUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href;
}

/**
 * Parses a `--redis-url`: `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS.
 * @throws UserInputError for anything else.
 */
export function parseRedisUrl(raw: unknown, flag = '--redis-url'): URL {
  const example = 'e.g. redis://127.0.0.1:6379, or redis://:PASSWORD@10.0.0.5:6379/0 with a password';
  if (typeof raw !== 'string' || raw.trim() === '') throw new UserInputError(`${flag} needs the URL of the Redis server (${example}).`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UserInputError(`${flag} "${raw}" is not a URL; give the Redis server as ${example}.`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new UserInputError(`${flag} "${showUrl(url)}" has the scheme "${url.protocol}"; a Redis URL starts with redis:// (or rediss:// for TLS), ${example}.`);
  if (url.hostname === '') throw new UserInputError(`${flag} "${raw}" names no host; ${example}.`);
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname))
    throw new UserInputError(`${flag} "${showUrl(url)}": the path must be a database number (/0, /1, ...), not "${url.pathname}".`);
  return url;
}

