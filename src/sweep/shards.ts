import { UserInputError, describeValue } from '../config/errors.js';

/**
 * One of `count` slices of a sweep's runs, numbered from 1 (`--shard 2/3` is the second of three).
 * Invariant: `1 <= index <= count`, both whole numbers.
 */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** The spelling of a shard on the command line and in messages: `2/3`. */
export function shardName(shard: ShardSpec): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The shard (1-based) of `count` that a run belongs to: its run id (12 hex digits of the SHA-256 of
 * its resolved config) read as a 48-bit number, mod `count`, plus 1. It depends on the run id alone,
 * so a run keeps its shard when seeds or axis values are added to the sweep; and since run ids are
 * hash digits, runs spread evenly over the shards. In bash: `$(( 16#$run_id % n + 1 ))`.
 */
export function shardOf(runId: string, count: number): number {
  if (!/^[0-9a-f]{12}$/.test(runId)) throw new RangeError(`a run id is 12 hex digits, but got ${JSON.stringify(runId)}`);
  return (Number.parseInt(runId, 16) % count) + 1;
}

/** True when the run `runId` is in `shard` (always, with no shard: the whole sweep). */
export function inShard(runId: string, shard: ShardSpec | undefined): boolean {
  return shard === undefined || shardOf(runId, shard.count) === shard.index;
}

/** The largest shard count accepted: more shards than this are more than any cluster array runs. */
export const maxShards = 1_000_000;

/**
 * Parses `--shard i/n` (whole numbers, 1 <= i <= n).
 * @throws UserInputError naming the flag, what was given and the fix.
 */
export function parseShard(text: unknown): ShardSpec {
  const given = typeof text === 'string' ? JSON.stringify(text) : describeValue(text);
  const m = typeof text === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text) : null;
  if (!m)
    throw new UserInputError(
      `--shard must be i/n, the i-th of n slices of the sweep counted from 1 (e.g. --shard 2/3), but got ${given}. ` +
        'Give both numbers with a slash; in a Slurm array: --shard $((SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1))/$SLURM_ARRAY_TASK_COUNT.',
    );
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || count > maxShards) throw new UserInputError(`--shard ${m[1]}/${m[2]}: the number of shards n must be between 1 and ${maxShards}. Give e.g. --shard 1/3.`);
  if (index < 1)
    throw new UserInputError(
      `--shard ${m[1]}/${m[2]}: shards are numbered from 1 to ${count}, so i = 0 is not one. ` +
        'If your index counts from 0 (a Kubernetes JOB_COMPLETION_INDEX, a Slurm --array=0-...), add 1: --shard $((INDEX + 1))/n.',
    );
  if (index > count) throw new UserInputError(`--shard ${m[1]}/${m[2]}: there are only ${count} shards, numbered 1 to ${count}. Give i <= n, e.g. --shard ${count}/${count}.`);
  return { index, count };
}

/** Checks a shard given to the library: whole numbers with 1 <= index <= count. @throws UserInputError */
export function checkShard(shard: ShardSpec): ShardSpec {
  return parseShard(`${String(shard.index)}/${String(shard.count)}`);
}
