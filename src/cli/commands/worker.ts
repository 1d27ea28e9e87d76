import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import { redisDefaults } from '../../sweep/redis/jobs.js';
import { parseRedisUrl, showUrl } from '../../sweep/redis/redisUrl.js';
import type { CliIo } from '../cliIo.js';
import { parseWholeFlag } from '../numbers.js';
import { parseQueue } from './redisSweep.js';

export interface WorkerArgs {
  redisUrl?: string;
  queue?: string;
  concurrency?: string;
  lockDuration?: string;
  stalledInterval?: string;
  maxStalledCount?: string;
  quiet?: boolean;
}

/** Registers `seqsim worker`. */
export function workerCommand(yargs: Argv, io: CliIo): Argv {
  const d = redisDefaults;
  return yargs.command<WorkerArgs>(
    'worker',
    'Run the jobs of sweeps started with --backend redis, on worker threads, until stopped (SIGINT/SIGTERM: the jobs in hand finish, then exit 0; a second signal exits at once and the jobs are taken over by another worker). ' +
      'A job whose config fails validation, whose hash does not match or whose seqsim version differs is refused: recorded as failed, no retry. Exit 2: bad flags or Redis unreachable.',
    (y) =>
      y
        .option('redis-url', { type: 'string', describe: 'the Redis server, redis://[:PASSWORD@]HOST[:PORT][/DB] (rediss:// for TLS)', demandOption: true })
        .option('queue', { type: 'string', describe: 'the queue to take jobs from (default "seqsim", as the sweep)' })
        .option('concurrency', { type: 'string', describe: 'jobs at once, one thread each (default: every core)' })
        .option('lock-duration', { type: 'string', describe: `ms a job's lock lasts without renewal; a dead worker's job is taken back after it (default ${d.lockDurationMs})` })
        .option('stalled-interval', { type: 'string', describe: `ms between checks for jobs whose lock expired (default ${d.stalledIntervalMs})` })
        .option('max-stalled-count', { type: 'string', describe: `times a job may be taken back from a dead worker before it fails (default ${d.maxStalledCount})` })
        .option('quiet', { type: 'boolean', describe: 'print nothing per job (only errors)' }),
    (args) => executeWorker(args, io),
  );
}

/** Runs `seqsim worker` until SIGINT/SIGTERM. */
export async function executeWorker(args: WorkerArgs, io: CliIo): Promise<void> {
  if (args.redisUrl === undefined) throw new UserInputError('seqsim worker needs --redis-url URL (e.g. redis://127.0.0.1:6379).');
  const url = parseRedisUrl(args.redisUrl);
  const queue = parseQueue(args.queue);
  const concurrency = parseWholeFlag('--concurrency', args.concurrency, { min: 1, max: 1024 });
  const lockDurationMs = parseWholeFlag('--lock-duration', args.lockDuration, { min: 100 });
  const stalledIntervalMs = parseWholeFlag('--stalled-interval', args.stalledInterval, { min: 100 });
  const maxStalledCount = parseWholeFlag('--max-stalled-count', args.maxStalledCount, { min: 0 });
  const { startWorker } = await import('../../sweep/redis/redisWorker.js'); // BullMQ is loaded only when used
  const w = await startWorker({
    url,
    ...(queue ? { queue } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(lockDurationMs !== undefined ? { lockDurationMs } : {}),
    ...(stalledIntervalMs !== undefined ? { stalledIntervalMs } : {}),
    ...(maxStalledCount !== undefined ? { maxStalledCount } : {}),
    onEvent: (line) => {
      if (!args.quiet || !line.endsWith(' done')) io.stderr(`seqsim worker: ${line}\n`);
    },
  });
  io.stderr(`seqsim worker: taking jobs from queue "${queue ?? 'seqsim'}" at ${showUrl(url)} with ${w.concurrency} thread(s); stop with Ctrl-C\n`);
  await new Promise<void>((resolve) => {
    let signals = 0;
    const stop = () => {
      if (++signals > 1) process.exit(130); // the jobs in hand are taken back by another worker when their locks expire
      io.stderr('seqsim worker: stopping: finishing the jobs in hand (signal again to exit at once)\n');
      void w.close().then(() => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        io.stderr('seqsim worker: stopped\n');
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
