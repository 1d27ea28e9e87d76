import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { UserInputError } from '../../config/errors.js';
import { createLogger, type LogLevel } from '../../engine/logger.js';
import { parseTableFormat } from '../../io/formats/formats.js';
import { safeName } from '../../io/runFolder.js';
import { describeValue } from '../../config/errors.js';
import type { SweepPlan } from '../../sweep/expandSweep.js';
import type { LoadSweepOptions } from '../../sweep/loadSweepFile.js';
import type { SweepFailure } from '../../sweep/runSweep.js';
import { inShard, parseShard, shardName } from '../../sweep/shards.js';
import { sweepMergeCommand } from './sweepMerge.js';
import { parseWholeFlag } from '../numbers.js';
import { columnList, parseWarnAbove, reporterList, sweepSizeWarning } from '../outputFlags.js';
import type { CliIo } from '../cliIo.js';
import { createProgress, progressMode, progressOptions, type Progress, type ProgressFlags } from '../progress.js';
import { redisSweep } from './redisSweep.js';
import { resumeWithStoredFlags, storedSweepOptions } from '../storedSweepFlags.js';
import type { RedisRunner } from '../../sweep/redis/redisRunner.js';

export interface SweepArgs extends ProgressFlags {
  file: string;
  /** As typed (checked by {@link parseWholeFlag}). */
  workers?: string;
  out?: string;
  resume?: string;
  format?: string;
  runs?: boolean;
  slotsTable?: boolean;
  /** `a,b` as typed (checked against the registry by {@link reporterList}). */
  reporters?: string | string[];
  /** `a,b` as typed: output.columns of each run folder's slots table. */
  columns?: string | string[];
  /** As typed (checked by {@link parseWholeFlag}). */
  recordEvery?: string;
  /** As typed (checked by {@link parseWarnAbove}). */
  warnAbove?: string;
  retryFailed?: boolean;
  /** `i/n`, as typed (checked by {@link parseShard}). */
  shard?: string;
  logLevel?: LogLevel;
  backend?: string;
  redisUrl?: string;
  queue?: string;
  runsPath?: string;
  jobAttempts?: string;
  jobBackoff?: string;
}

/** The folder to write to: `--resume DIR`, `--resume` with `--out`, `--out`, or a fresh one under runs/. */
function sweepDir(args: SweepArgs, stamp: string): string {
  if (args.resume !== undefined) {
    const dir = args.resume || args.out;
    if (!dir) throw new UserInputError('--resume needs the sweep folder: --resume DIR, or --resume with --out DIR.');
    if (args.resume && args.out && args.resume !== args.out)
      throw new UserInputError(`--resume "${args.resume}" and --out "${args.out}" name different folders; give one of them.`);
    return dir;
  }
  if (args.out) return args.out;
  const base = join('runs', `${safeName(args.file.replace(/^.*[\\/]/, '').replace(/\.json$/i, ''), 'sweep')}-${safeName(stamp, 'now')}`);
  let dir = base;
  for (let i = 2; existsSync(dir); i++) dir = `${base}-${i}`;
  return dir;
}

/** `--reporters`, `--columns` and `--record-every` as the `output` fields every run of the sweep gets. */
function sweepOutputFlags(args: SweepArgs): LoadSweepOptions {
  const recordEvery = parseWholeFlag('--record-every', args.recordEvery, { min: 1, hint: '1 records every slot; 10 records slots 0, 10, 20, ...' });
  return {
    ...(args.reporters !== undefined ? { reporters: reporterList(args.reporters) } : {}),
    ...(args.columns !== undefined ? { columns: columnList(args.columns) } : {}),
    ...(recordEvery !== undefined ? { recordEvery } : {}),
  };
}

/** The flags a `--resume` of this sweep needs again (they shape its runs or its outputs), as they were given. */
export function resumeFlags(args: Pick<SweepArgs, 'runs' | 'slotsTable' | 'columns' | 'recordEvery' | 'reporters'>): string {
  const given: [string, string | string[] | boolean | undefined][] = [
    ['--runs', args.runs], ['--slots-table', args.slotsTable], ['--columns', args.columns], ['--record-every', args.recordEvery], ['--reporters', args.reporters],
  ];
  return given.map(([flag, v]) => (v === undefined || v === false ? '' : v === true ? ` ${flag}` : ` ${flag} ${[v].flat().join(',')}`)).join('');
}

/** Registers `seqsim sweep <file>` and `seqsim sweep merge <dirs..>`. */
export function sweepCommand(yargs: Argv, io: CliIo, setExitCode: (code: number) => void): Argv {
  return yargs.command('sweep', 'Run a sweep (seqsim sweep FILE), or merge the folders of its shards (seqsim sweep merge DIR... --out OUT).', (sub) =>
    sweepMergeCommand(sub, io, setExitCode).command<SweepArgs>(
    '$0 <file>',
    'Run a sweep (a market config whose leaves may be lists, plus "seeds") on worker threads into one results table. ' +
      'A run that fails is recorded (status "failed" and its error in the table) and the sweep goes on. ' +
      'Exit codes: 0 every run succeeded; 3 the sweep finished but some runs failed; 2 bad input, saved state that does not verify, or a filesystem error; 130 interrupted (resume with --resume).',
    (y) =>
      y
        .positional('file', { type: 'string', describe: 'sweep file (JSON)', demandOption: true })
        .option('workers', { type: 'string', describe: 'worker threads (default: every core)' })
        .option('out', { type: 'string', describe: 'sweep folder (must not exist or be empty); default: a fresh folder under runs/' })
        .option('resume', { type: 'string', describe: 'continue the sweep in this folder (or in --out), skipping finished runs (failed ones too, unless --retry-failed)' })
        .option('retry-failed', { type: 'boolean', describe: 'with --resume: run again the runs recorded as failed' })
        .option('format', { type: 'string', describe: 'results table format: csv (default), jsonl or parquet' })
        .option('runs', { type: 'boolean', describe: "also write each run's folder under runs/<run_id>/" })
        .option('slots-table', { type: 'boolean', describe: 'also write every run\'s slots table into one table partitioned by run: slots/run_id=<run_id>/part-0.<format> (local backend)' })
        .option('columns', { type: 'string', describe: "with --runs or --slots-table: write only these columns of each run's slots table, comma-separated (sets output.columns)" })
        .option('record-every', { type: 'string', describe: "with --runs or --slots-table: write every K-th slot to each run's slots table (sets output.recordEvery)" })
        .option('warn-above', { type: 'string', describe: 'with --runs or --slots-table: warn before a sweep whose slots tables would be larger than this together: 500MB, 2GB, bytes, or off (default 1 GB)' })
        .option('reporters', { type: 'string', describe: 'add these named reporters to every run (output.reporters), comma-separated: their values join results, runs and agents tables (price-gap, revenue-cv, searcher-win-rate, builder-margin, bid-shading)' })
        .option('shard', { type: 'string', describe: 'run only shard i of n (i/n, counted from 1) of the runs, for a cluster array; join the shard folders with `seqsim sweep merge`' })
        .options(progressOptions('runs'))
        .option('backend', { type: 'string', describe: 'local (default: worker threads here) or redis (BullMQ jobs run by `seqsim worker` processes)' })
        .option('redis-url', { type: 'string', describe: 'with --backend redis: the server, redis://[:PASSWORD@]HOST[:PORT][/DB]' })
        .option('queue', { type: 'string', describe: 'with --backend redis: the queue the workers listen on (default "seqsim")' })
        .option('runs-path', { type: 'string', describe: 'with --backend redis and --runs: a folder every worker can write, receiving <run_id>/ (default: the sweep\'s runs/)' })
        .option('job-attempts', { type: 'string', describe: 'with --backend redis: tries per job after an infrastructure failure (default 3)' })
        .option('job-backoff', { type: 'string', describe: 'with --backend redis: first retry delay in ms, doubling (default 5000)' }),
    (args) => executeSweep(args, io, setExitCode),
  ));
}

/** One line per cell with failed runs: the cell, its values, how many runs and why. */
function describeFailures(plan: SweepPlan, failures: readonly SweepFailure[]): string {
  const byCell = new Map<number, SweepFailure[]>();
  for (const f of failures) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
  const lines = [...byCell].slice(0, 20).map(([cell, fs]) => {
    const params = Object.entries(plan.cells[cell]!.params).map(([k, v]) => `${k}=${describeValue(v)}`).join(', ');
    const errors = [...new Set(fs.map((f) => f.error))];
    return `  cell ${cell}${params ? ` (${params})` : ''}: ${fs.length} run(s) failed: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} other error(s))` : ''}`;
  });
  const more = byCell.size > 20 ? `\n  ... and ${byCell.size - 20} more cell(s)` : '';
  return lines.join('\n') + more;
}

/** Cell numbers as ranges: `0-3, 5, 7-8`. */
function ranges(cells: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1] === cells[j]! + 1) j++;
    out.push(j > i ? `${cells[i]}-${cells[j]}` : String(cells[i]));
    i = j;
  }
  return out.join(', ');
}

/**
 * Where an interrupted sweep (or shard: `plan` with its runs only) stands, from its journal (read only: the whole lines of finished runs):
 * how many of the runs are journaled and which cells have all their runs done. Runs not journaled
 * (those in flight) are run again by `--resume`.
 */
export function whereStopped(plan: SweepPlan, journalPath: string): string {
  let text = '';
  try {
    text = readFileSync(journalPath, 'utf8');
  } catch {
    // no journal yet: nothing finished
  }
  const done = new Set<number>();
  for (const line of text.split('\n')) {
    try {
      const index = (JSON.parse(line) as { index?: unknown }).index;
      if (Number.isInteger(index)) done.add(index as number);
    } catch {
      // a partial last line: that run is not finished
    }
  }
  // A cell none of whose runs `plan.runs` holds (a shard's plan) is not "done".
  const complete = plan.cells.filter((c) => plan.runs.some((r) => r.cell === c.cell) && plan.runs.every((r) => r.cell !== c.cell || done.has(r.index))).map((c) => c.cell);
  const cells = complete.length ? `cells done: ${ranges(complete)} of 0-${plan.cells.length - 1}` : `no cell of ${plan.cells.length} has all its runs done yet`;
  return `Stopped with ${done.size} of ${plan.runs.length} runs journaled in ${journalPath} (${cells}); the other ${plan.runs.length - done.size} are run by --resume.`;
}

/** SIGINT/SIGTERM: print how to resume, then exit 130 (every finished run is already journaled). */
function trapInterrupt(io: CliIo, hint: () => string): () => void {
  const handler = () => {
    io.stderr(`\n${hint()}\n`);
    process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => void (process.off('SIGINT', handler), process.off('SIGTERM', handler));
}

/**
 * Runs the command: progress on stderr, only the summary line and the table path on stdout. Failed
 * runs are listed per cell on stderr and give exit code 3; Ctrl-C prints how to resume (exit 130).
 */
export async function executeSweep(args: SweepArgs, io: CliIo, setExitCode: (code: number) => void = () => {}): Promise<void> {
  const log = createLogger(args.logLevel);
  const format = args.format === undefined ? undefined : parseTableFormat(args.format);
  const workers = parseWholeFlag('--workers', args.workers, { min: 1, hint: 'Leave it out to use every core.' });
  if (args.retryFailed && args.resume === undefined) throw new UserInputError('--retry-failed goes with --resume: it runs again the failed runs of a sweep folder.');
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const shown = progressMode(args, io, 'lines');
  const dir = sweepDir(args, new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, ''));
  const given = { runs: args.runs, slotsTable: args.slotsTable, output: sweepOutputFlags(args) };
  const flags = args.resume === undefined ? { runs: Boolean(args.runs), slotsTable: Boolean(args.slotsTable), output: given.output } : resumeWithStoredFlags(dir, given, storedSweepOptions(dir));
  // The sweep machinery (piscina, the results tables) is loaded here rather than at the top, so that
  // other commands, `seqsim run` above all, do not pay for it at start-up.
  const [{ loadSweepFile }, { runSweep }] = await Promise.all([import('../../sweep/loadSweepFile.js'), import('../../sweep/runSweep.js')]);
  const plan = loadSweepFile(args.file, flags.output);
  const warnAbove = parseWarnAbove(args.warnAbove);
  if (flags.slotsTable && args.backend !== undefined && args.backend !== 'local')
    throw new UserInputError(`--slots-table writes into the sweep folder on this machine; it works with --backend local only (got --backend ${args.backend}). Use --runs (with --runs-path) for the runs' slots tables through Redis.`);
  const copies = (flags.runs ? 1 : 0) + (flags.slotsTable ? 1 : 0);
  if (copies > 0 && !args.quiet && args.resume === undefined) {
    const todo = plan.runs.filter((r) => r.invalid === undefined && (!shard || inShard(r.runId, shard))).map((r) => r.config);
    const warning = sweepSizeWarning(todo, format ?? 'csv', warnAbove, copies);
    if (warning) io.stderr(`${warning}\n`);
  }
  const again = (shard ? ` --shard ${shardName(shard)}` : '') + resumeFlags(args);
  const started = performance.now();
  let progress: Progress | undefined;
  let finished = 0;
  log.info({ dir, runs: plan.runs.length, sha256: plan.sha256 }, 'sweep started');
  const release = trapInterrupt(io, () => {
    progress?.stop();
    return `seqsim: sweep interrupted; ${finished} run(s) finished this time. ${whereStopped(shard ? { ...plan, runs: plan.runs.filter((r) => inShard(r.runId, shard)) } : plan, join(dir, 'journal.jsonl'))} Continue with: seqsim sweep ${args.file}${again} --resume ${dir}`;
  });
  let redis: RedisRunner | undefined;
  try {
    redis = await redisSweep({ ...args, runs: flags.runs }, plan, io); // undefined for the local backend; exit 2 if Redis cannot be reached
    const r = await runSweep(plan, {
      out: dir,
      ...(workers !== undefined ? { workers } : {}),
      ...(format ? { format } : {}),
      resume: args.resume !== undefined,
      retryFailed: Boolean(args.retryFailed),
      runs: flags.runs,
      slotsTable: flags.slotsTable,
      outputFlags: flags.output,
      ...(shard ? { shard } : {}),
      ...(redis ? { runTask: redis.runTask } : {}),
      onProgress: ({ done, total }) => {
        finished = done;
        if (shown) (progress ??= createProgress({ total, unit: 'runs', label: 'sweep', io, ...shown })).update(done);
      },
    });
    progress?.stop();
    progress = undefined;
    const seconds = (performance.now() - started) / 1000;
    const resumed = r.skipped > 0 ? ` (${r.skipped} already done, ${r.ran} run now)` : '';
    const failed = r.failed > 0 ? `; ${r.failed} failed (status "failed" in the table)` : '';
    const runs = shard ? `${plan.runs.length} runs, shard ${shardName(shard)} of them: ${r.runs} runs` : `${r.runs} runs`;
    const where = redis ? `through Redis queue "${redis.queue}"` : `on ${r.workers} workers`;
    io.stdout(`${r.cells} cells × ${r.seeds} seeds = ${runs}${resumed}${failed} ${where} in ${seconds.toFixed(1)} s\nwrote ${r.table}\nwrote ${r.files.runs} and ${r.files.agents} (tidy tables: one row per run, one per run and agent)\n`);
    if (r.failed > 0) {
      io.stderr(
        `seqsim: ${r.failed} of ${r.runs} runs failed:\n${describeFailures(plan, r.failures)}\n` +
          `Their rows in ${r.table} have status "failed" and the error. After fixing the cause, run them again with: seqsim sweep ${args.file}${again} --resume ${dir} --retry-failed\n`,
      );
      setExitCode(3);
    }
  } finally {
    release();
    progress?.stop();
    await redis?.close();
  }
}
