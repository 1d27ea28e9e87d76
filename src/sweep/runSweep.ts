import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Piscina } from 'piscina';
import { seqsimVersion } from '../version.js';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';
import { parseTableFormat, type TableFormat } from '../io/formats/formats.js';
import { writeTable } from '../io/formats/tableWriter.js';
import { prepareOutDir } from '../io/runFolder.js';
import { builtFile } from '../io/builtFile.js';
import type { RunSummary } from '../marketModel/summary.js';
import { sweepTidyTables, writeTidyTables, type TidyTables } from '../tidy/tidyTables.js';
import { expandSweep, type SweepPlan, type SweepRun } from './expandSweep.js';
import type { Journal } from './journal.js';
import { failedRow, resultColumns, resultRow, settleTypes, type ResultColumn } from './resultsTable.js';
import { checkShard, inShard, type ShardSpec } from './shards.js';
import { createSweepFolder, resumeSweepFolder, runConfigSha, slotsPartition, sweepManifest, type SweepFolderOptions } from './sweepFolder.js';
import type { SweepTask } from './worker.js';
import type { LoadSweepOptions } from './loadSweepFile.js';

/** Options of {@link runSweep}. */
export interface SweepOptions {
  /** The sweep folder: new (absent or empty), or the one to resume. */
  readonly out: string;
  /** Worker threads; default `os.availableParallelism()`. Results do not depend on it. */
  readonly workers?: number;
  /** Results table format; default `csv`, or the folder's own when resuming. */
  readonly format?: TableFormat;
  /** Continue the sweep in `out`, skipping the runs its journal holds (failed ones too, unless `retryFailed`). */
  readonly resume?: boolean;
  /** With `resume`: run again the runs the journal records as failed. */
  readonly retryFailed?: boolean;
  /** Also write each run's folder, `runs/<run_id>/` (manifest.json, slots table, summary.json). */
  readonly runs?: boolean;
  /**
   * Also write every run's per-slot table into one table partitioned by run (Hive layout):
   * `slots/run_id=<run_id>/part-0.<format>`, the same bytes as the run folder's `slots.<format>`.
   */
  readonly slotsTable?: boolean;
  /**
   * The `output` flags the plan was loaded with (`loadSweepFile`'s options: reporters, columns,
   * recordEvery), stored with `runs` and `slotsTable` in `sweep.json` (`options`) so that a resume
   * can take them from there. They do not change the runs (the plan already holds them).
   */
  readonly outputFlags?: LoadSweepOptions;
  /** Rewrite the results table after every this many finished runs; default 1/50 of the runs. */
  readonly snapshotEvery?: number;
  /**
   * Run only this slice of the plan (`{ index: 2, count: 3 }` is `--shard 2/3`): the runs whose run id
   * falls in it (see `shardOf`). The folder is a sweep folder of those runs; `mergeShards` joins the
   * shards' folders into the whole sweep's.
   */
  readonly shard?: ShardSpec;
  /** Called before the first run and after each one. */
  readonly onProgress?: (progress: SweepProgress) => void;
  /**
   * Runs one task in place of the worker threads (the library can supply its own runner, e.g. to
   * run in-process or to test failure handling). Default: `dist/sweep/worker.js` on a piscina pool.
   */
  readonly runTask?: (task: SweepTask) => RunSummary | Promise<RunSummary>;
}

/** A run of the sweep that failed: thrown while probing its cell or running, or an invalid cell config. */
export interface SweepFailure {
  readonly index: number;
  readonly run_id: string;
  readonly cell: number;
  readonly seed: number | string;
  /** One line: why it failed. */
  readonly error: string;
}

/** How far a sweep has come: `done` of the `total` runs to do now (`skipped` were done before). */
export interface SweepProgress {
  readonly done: number;
  readonly total: number;
  readonly skipped: number;
}

/** What {@link runSweep} did and where the table is. */
export interface SweepResult {
  readonly dir: string;
  /** Path of the results table, `<dir>/results.<format>`. */
  readonly table: string;
  readonly format: TableFormat;
  readonly cells: number;
  readonly seeds: number;
  /** The shard run, if one was asked for. */
  readonly shard?: ShardSpec;
  /** All runs of the sweep (of its shard, with `shard`), those run now, and those skipped as already done. */
  readonly runs: number;
  readonly ran: number;
  readonly skipped: number;
  /** Runs of the table whose status is `failed` (this time or recorded before and not retried). */
  readonly failed: number;
  /** The failed runs, in (cell, seed) order. */
  readonly failures: readonly SweepFailure[];
  readonly workers: number;
  readonly sha256: string;
  /** Paths of the tidy tables, `<dir>/runs.<format>` and `<dir>/agents.<format>`. */
  readonly files: { readonly runs: string; readonly agents: string };
  /**
   * The tidy tables as written: `runs` (one row per run: run_id, cell, seed, every axis as typed
   * columns, status, error, run-level metrics) and `agents` (one row per run and agent: kind,
   * agent, its metrics), each as row objects and as Arrow-compatible column arrays.
   */
  readonly tables: TidyTables;
}

/** The compiled worker: workers load JS from `dist/`, also when this module runs from `src/` (tests). */
function workerFile(): string {
  return builtFile(import.meta.url, 'sweep/worker.js', 'the sweep worker');
}

function checkWorkers(n: number | undefined): number {
  if (n === undefined) return availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new UserInputError(`--workers must be a whole number >= 1, but got ${String(n)}. Leave it out to use every core.`);
  return n;
}

const isPlan = (s: unknown): s is SweepPlan => typeof s === 'object' && s !== null && 'runs' in s && 'sha256' in s && 'cells' in s;

type Pool = Piscina<SweepTask, RunSummary>;
type RunTask = (task: SweepTask) => Promise<RunSummary>;

/** A thrown value as one line of text (the first line of its message), at most 500 characters. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  const line = text.split('\n')[0]!.trim() || 'unknown error';
  return line.length > 500 ? `${line.slice(0, 497)}...` : line;
}

/** The folder's state to run in: its table layout, its journal and the rows (and failures) already done. */
interface SweepState {
  readonly columns: ResultColumn[];
  readonly format: TableFormat;
  readonly journal: Journal;
  readonly rows: Map<number, Row>;
  /** Why each failed run (by index) failed. */
  readonly failed: Map<number, string>;
  /** Cells whose one-slot probe threw (by cell): their runs are recorded as failed without running. */
  readonly probeErrors: Map<number, string>;
}

/** The options `sweep.json` stores (see {@link SweepFolderOptions}). */
function folderOptions(opts: SweepOptions): SweepFolderOptions {
  const f = opts.outputFlags ?? {};
  return {
    runs: Boolean(opts.runs),
    slots_table: Boolean(opts.slotsTable),
    ...(f.reporters ? { reporters: [...f.reporters] } : {}),
    ...(f.columns ? { columns: [...f.columns] } : {}),
    ...(f.recordEvery !== undefined ? { record_every: f.recordEvery } : {}),
  };
}

/**
 * Opens the folder of a resumed sweep, or starts a new one: probes every valid cell with a one-slot
 * run for the summary's columns, then writes `sweep.json` and a journal recording as failed every
 * run of a cell whose config is invalid or whose probe threw.
 */
async function openSweep(plan: SweepPlan, opts: SweepOptions, format: TableFormat | undefined, runTask: RunTask): Promise<SweepState> {
  if (opts.resume) {
    const { manifest, done, journal } = resumeSweepFolder(opts.out, plan, format, opts.shard);
    const rows = new Map<number, Row>();
    const failed = new Map<number, string>();
    for (const [index, e] of done) {
      if (e.status === 'failed' && opts.retryFailed) continue;
      rows.set(index, e.row);
      if (e.status === 'failed') failed.set(index, e.error ?? 'failed');
    }
    return { columns: manifest.columns, format: manifest.format, journal, rows, failed, probeErrors: new Map() };
  }
  prepareOutDir(opts.out);
  const firstRuns = plan.cells.map((c) => plan.runs[c.cell * plan.seeds.length]!);
  const probes = await Promise.all(
    firstRuns.map(async (run) => {
      if (run.invalid !== undefined) return { error: run.invalid };
      try {
        return { summary: await runTask({ config: { ...run.config, slots: 1 } }) };
      } catch (err) {
        return { error: `probe (a one-slot run of the cell) failed: ${oneLine(err)}` };
      }
    }),
  );
  const columns = resultColumns(plan, probes.flatMap((p) => ('summary' in p ? [p.summary] : [])));
  const journal = createSweepFolder(opts.out, sweepManifest(plan, format ?? 'csv', columns, seqsimVersion(), opts.shard, folderOptions(opts)));
  const probeErrors = new Map(probes.flatMap((p, cell) => ('error' in p && p.error !== undefined && plan.runs[cell * plan.seeds.length]!.invalid === undefined ? [[cell, p.error] as const] : [])));
  return { columns, format: format ?? 'csv', journal, rows: new Map(), failed: new Map(), probeErrors };
}

function recordFailure(journal: Journal, columns: ResultColumn[], plan: SweepPlan, run: SweepRun, error: string, rows: Map<number, Row>, failed: Map<number, string>): void {
  const row = failedRow(columns, plan, run, error);
  journal.append({ index: run.index, run_id: run.runId, status: 'failed', error, config_sha256: runConfigSha(run), row });
  rows.set(run.index, row);
  failed.set(run.index, error);
}

/**
 * Runs every (cell, seed) of a sweep on a pool of worker threads and writes `<out>/results.<format>`
 * (one row per run, in (cell, seed) order whatever the completion order), the tidy tables
 * `runs.<format>` and `agents.<format>` at the end (see {@link sweepTidyTables}), `sweep.json` and
 * `journal.jsonl`. The table is rewritten atomically as runs finish, so a kill leaves a readable table
 * of finished runs; `resume` continues from the journal. Same sweep ⇒ byte-identical table, on any
 * number of workers, resumed or not. A run that throws (or whose cell's config is invalid, or whose
 * cell's one-slot probe throws) does not stop the sweep: it is journaled and written to the table with
 * `status` `failed` and its `error`, and counted in the result's `failed`.
 * @param sweep a parsed sweep file (see {@link expandSweep}) or an expanded plan.
 * @throws UserInputError for bad input, before anything is written.
 */
export async function runSweep(sweep: unknown, opts: SweepOptions): Promise<SweepResult> {
  const plan = isPlan(sweep) ? sweep : expandSweep(sweep);
  const requested = opts.format === undefined ? undefined : parseTableFormat(opts.format);
  const workers = checkWorkers(opts.workers);
  if (opts.shard) checkShard(opts.shard);
  let piscina: Pool | null = null;
  const pool = () => (piscina ??= new Piscina<SweepTask, RunSummary>({ filename: workerFile(), minThreads: workers, maxThreads: workers, idleTimeout: 5000 }));
  const custom = opts.runTask;
  const runTask: RunTask = custom ? async (task) => custom(task) : (task) => pool().run(task);
  let state: SweepState | undefined;
  try {
    state = await openSweep(plan, opts, requested, runTask);
    const { columns, format, journal, rows, failed, probeErrors } = state;
    const table = join(opts.out, `results.${format}`);
    const ordered = () => [...rows.keys()].sort((a, b) => a - b).map((i) => rows.get(i)!);
    const snapshot = () => {
      const done = ordered();
      writeTable(table, format, settleTypes(columns, done), done);
    };
    snapshot(); // a readable table from the start: empty, or the journal's rows when resuming
    const mine = plan.runs.filter((r) => inShard(r.runId, opts.shard));
    const todo = mine.filter((r) => !rows.has(r.index));
    const skipped = mine.length - todo.length;
    const every = opts.snapshotEvery ?? Math.max(1, Math.ceil(mine.length / 50));
    let done = 0;
    opts.onProgress?.({ done, total: todo.length, skipped });
    await Promise.all(
      todo.map(async (run) => {
        const runDir = opts.runs ? join(opts.out, 'runs', run.runId) : undefined;
        if (runDir) rmSync(runDir, { recursive: true, force: true }); // an unfinished run folder from a killed sweep
        const slotsPath = opts.slotsTable ? join(opts.out, slotsPartition(run.runId), `part-0.${format}`) : undefined;
        if (slotsPath) rmSync(dirname(slotsPath), { recursive: true, force: true }); // likewise an unfinished partition
        let summary: RunSummary;
        try {
          if (run.invalid !== undefined) throw new Error(run.invalid);
          const probeError = probeErrors.get(run.cell);
          if (probeError !== undefined) throw new Error(probeError);
          summary = await runTask({ config: run.config, ...(runDir || slotsPath ? { format } : {}), ...(runDir ? { runDir } : {}), ...(slotsPath ? { slotsPath } : {}) });
        } catch (err) {
          recordFailure(journal, columns, plan, run, oneLine(err), rows, failed);
          if (++done % every === 0) snapshot();
          opts.onProgress?.({ done, total: todo.length, skipped });
          return;
        }
        const row = resultRow(columns, plan, run, summary);
        journal.append({ index: run.index, run_id: run.runId, status: 'ok', error: null, config_sha256: runConfigSha(run), row });
        rows.set(run.index, row);
        failed.delete(run.index);
        if (++done % every === 0) snapshot();
        opts.onProgress?.({ done, total: todo.length, skipped });
      }),
    );
    snapshot();
    // The tidy tables once, at the end (a killed sweep's are written when it is resumed to the end).
    const tables = sweepTidyTables(plan, ordered());
    writeTidyTables(opts.out, format, tables);
    const failures = [...failed.keys()]
      .sort((a, b) => a - b)
      .map((i) => ({ index: i, run_id: plan.runs[i]!.runId, cell: plan.runs[i]!.cell, seed: plan.runs[i]!.seed, error: failed.get(i)! }));
    return {
      dir: opts.out, table, format, cells: plan.cells.length, seeds: plan.seeds.length, ...(opts.shard ? { shard: opts.shard } : {}), runs: mine.length,
      ran: todo.length, skipped, failed: failures.length, failures, workers, sha256: plan.sha256,
      files: { runs: join(opts.out, `runs.${format}`), agents: join(opts.out, `agents.${format}`) }, tables,
    };
  } finally {
    await (piscina as Pool | null)?.destroy();
    state?.journal.close();
  }
}
