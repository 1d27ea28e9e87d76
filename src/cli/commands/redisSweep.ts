/** `seqsim sweep --backend redis`: the flags checked, and the runner that sends runs to the workers. */
import { UserInputError, describeValue } from '../../config/errors.js';
import type { SweepPlan } from '../../sweep/expandSweep.js';
import type { RedisRunner } from '../../sweep/redis/redisRunner.js';
import { parseRedisUrl } from '../../sweep/redis/redisUrl.js';
import type { CliIo } from '../cliIo.js';
import { parseWholeFlag } from '../numbers.js';

/** The flags of the Redis backend, as typed. */
export interface RedisSweepArgs {
  backend?: string;
  redisUrl?: string;
  queue?: string;
  runsPath?: string;
  runs?: boolean;
  workers?: string;
  jobAttempts?: string;
  jobBackoff?: string;
}

/** `--queue`: letters, digits, `.`, `_` and `-` (BullMQ puts it in Redis key names). */
export function parseQueue(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(raw))
    throw new UserInputError(`--queue must be a name of 1 to 100 letters, digits, ".", "_" or "-", but got ${describeValue(raw)}.`);
  return raw;
}

/**
 * The runner for `--backend redis` (connected: Redis was reached), or undefined for the local backend.
 * @throws UserInputError for an unknown backend, Redis flags without it, a malformed or unreachable URL.
 */
export async function redisSweep(args: RedisSweepArgs, plan: SweepPlan, io: CliIo): Promise<RedisRunner | undefined> {
  const backend = args.backend ?? 'local';
  if (backend !== 'local' && backend !== 'redis') throw new UserInputError(`--backend must be local or redis, but got ${describeValue(backend)}.`);
  const redisFlags = (['redisUrl', 'queue', 'runsPath', 'jobAttempts', 'jobBackoff'] as const).filter((k) => args[k] !== undefined);
  if (backend === 'local') {
    if (redisFlags.length > 0)
      throw new UserInputError(`--${redisFlags[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --backend redis; add --backend redis --redis-url URL, or leave it out to run here.`);
    return undefined;
  }
  if (args.workers !== undefined) throw new UserInputError('--workers is for the local backend; with --backend redis, give each `seqsim worker` its --concurrency.');
  if (args.redisUrl === undefined) throw new UserInputError('--backend redis needs --redis-url URL (e.g. redis://127.0.0.1:6379), the server the workers use too.');
  if (args.runsPath !== undefined && !args.runs) throw new UserInputError('--runs-path goes with --runs: it is where the workers write each run folder.');
  const url = parseRedisUrl(args.redisUrl);
  const queue = parseQueue(args.queue);
  const attempts = parseWholeFlag('--job-attempts', args.jobAttempts, { min: 1, max: 100 });
  const backoffMs = parseWholeFlag('--job-backoff', args.jobBackoff, { min: 0 });
  const { createRedisRunner } = await import('../../sweep/redis/redisRunner.js'); // BullMQ is loaded only when used
  return createRedisRunner(plan, {
    url,
    ...(queue ? { queue } : {}),
    ...(attempts !== undefined ? { attempts } : {}),
    ...(backoffMs !== undefined ? { backoffMs } : {}),
    ...(args.runsPath !== undefined ? { runsPath: args.runsPath } : {}),
    onEvent: (line) => io.stderr(`seqsim: ${line}\n`),
  });
}
