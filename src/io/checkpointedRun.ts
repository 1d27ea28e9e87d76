import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MarketConfig } from '../config/schema.js';
import { UserInputError } from '../config/errors.js';
import { MarketRun, type MarketSnapshot, type SlotDone } from '../marketModel/marketRun.js';
import type { RunSummary } from '../marketModel/summary.js';
import type { LineTableState } from './csvWriter.js';
import { writeRunAgentsTable } from '../tidy/tidyTables.js';
import { hashFilePrefix, seal, verifySeal } from './integrity.js';
import { writeJson } from './runFolder.js';
import { configSha256SansSlots } from './runManifest.js';
import { openRunTable, type RunTable } from './runTable.js';
import type { TableSpec } from './tableProtocol.js';
import { slotsPerClockRead, WallDeadline } from './wallDeadline.js';

/** The schema version of `checkpoint.json` this seqsim writes and reads. */
export const checkpointVersion = 2;

/**
 * `checkpoint.json` in a run folder: where the table stands (rows, bytes and the SHA-256 of those
 * bytes), the model's state after `next_slot − 1` (opaque JSON), `config_sha256`, the SHA-256 of the
 * config it was made under with `slots` left out (see `configSha256SansSlots`: a resume may raise the
 * total), and `sha256`, the SHA-256 of everything else.
 */
export interface CheckpointFile {
  version: typeof checkpointVersion;
  format: 'csv' | 'jsonl';
  config_sha256: string;
  next_slot: number;
  table: LineTableState<unknown>;
  snapshot: MarketSnapshot;
  sha256: string;
}

/** The table a checkpoint points at: the partial one, or the finished one of a completed run. */
function tablePath(dir: string, format: 'csv' | 'jsonl'): string {
  const path = join(dir, `slots.${format}`);
  return existsSync(`${path}.partial`) ? `${path}.partial` : path;
}

/** The line table of a checkpointed run, to write afresh or to continue from `resume`. */
function lineTableSpec(dir: string, format: 'csv' | 'jsonl', resume?: LineTableState<unknown>): TableSpec {
  const path = join(dir, `slots.${format}`);
  // A finished run being extended: its table goes back to being a partial one.
  if (resume && !existsSync(`${path}.partial`) && existsSync(path)) renameSync(path, `${path}.partial`);
  return { path, format, types: { slot: 'int64' }, ...(resume ? { resume } : {}) };
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Reads and verifies a run folder's checkpoint before anything is touched: its schema version,
 * its own SHA-256, that it was made under the config whose `configSha256SansSlots` is `configSha`,
 * and that the table holds the exact bytes it vouches for.
 * @throws UserInputError (exit 2) naming the file, what is wrong and what to do.
 */
export function readCheckpoint(dir: string, configSha?: string): CheckpointFile {
  const path = join(dir, 'checkpoint.json');
  const refuse = (problem: string) =>
    new UserInputError(
      `Cannot resume "${dir}": ${problem}. Nothing was changed. seqsim does not continue from saved state it cannot verify; ` +
        `restore the run folder from a backup, or start the run afresh with a new --out.`,
    );
  if (!existsSync(path))
    throw new UserInputError(`Cannot resume "${dir}": it holds no checkpoint.json. Only market runs written as csv or jsonl with checkpoints (the default, --checkpoint-every) can be resumed.`);
  let cp: Partial<CheckpointFile>;
  try {
    cp = JSON.parse(readFileSync(path, 'utf8')) as Partial<CheckpointFile>;
  } catch (err) {
    throw refuse(`"${path}" is not valid JSON (${(err as Error).message}); it was truncated or edited`);
  }
  if (cp === null || typeof cp !== 'object' || Array.isArray(cp)) throw refuse(`"${path}" is not a checkpoint object`);
  if (cp.version !== checkpointVersion)
    throw refuse(`"${path}" has schema version ${JSON.stringify(cp.version)}, but this seqsim reads version ${checkpointVersion} (it was written by another seqsim, or edited)`);
  if (!verifySeal(cp)) throw refuse(`"${path}" does not match its own SHA-256 (the "sha256" field): it was edited or damaged`);
  const table = cp.table;
  if ((cp.format !== 'csv' && cp.format !== 'jsonl') || !isCount(cp.next_slot) || !table || !isCount(table.bytes) || !isCount(table.rows) || typeof table.sha256 !== 'string')
    throw refuse(`"${path}" lacks a field a checkpoint needs (format, next_slot, table.bytes, table.rows, table.sha256)`);
  if (configSha !== undefined && cp.config_sha256 !== configSha)
    throw refuse(
      `"${path}" was made under another config than the one manifest.json holds (config SHA-256 ${String(cp.config_sha256).slice(0, 12)}… vs ${configSha.slice(0, 12)}…, slots left out): the manifest or the checkpoint was edited`,
    );
  const file = tablePath(dir, cp.format);
  if (!existsSync(file)) throw refuse(`its table "${file}" is missing`);
  const prefix = hashFilePrefix(file, table.bytes);
  if (!prefix.complete) throw refuse(`its table "${file}" is shorter than the ${table.bytes} bytes "${path}" vouches for`);
  if (prefix.hash.digest('hex') !== table.sha256)
    throw refuse(`the first ${table.bytes} bytes of its table "${file}" do not match the SHA-256 "${path}" vouches for: the table was edited or damaged`);
  return cp as CheckpointFile;
}

export interface CheckpointedRunOptions {
  format: 'csv' | 'jsonl';
  /** Slots between checkpoints; 0 writes one only at the end and on a stop. */
  checkpointEvery: number;
  /** Called after each slot with its number (progress bars; the object is valid during the call). */
  onSlot?: (done: SlotDone) => void;
  /** Polled after every slot: true stops the run at that slot boundary, after writing a checkpoint. */
  stopRequested: () => boolean;
  /** Continue from this checkpoint instead of slot 0. */
  resume?: CheckpointFile;
  /** Write the table on a worker thread (another core than the model's); default false: in this thread. */
  writerThread?: boolean;
}

/** How often the run yields to the event loop so that SIGINT/SIGTERM handlers can set the stop flag. */
const yieldEveryMs = 25;

/** Lets the event loop run (signal handlers, the writer thread's answers). */
const eventLoopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a market simulation into `dir` slot by slot, writing `checkpoint.json` (atomically, after the
 * table is flushed) every `checkpointEvery` slots (0: never in between), when a stop is requested,
 * and at the end. The table stays `slots.<format>.partial` until the run completes (or fails, or is
 * stopped). The stop flag is checked after every slot; the run yields to the event loop every few
 * milliseconds so that signal handlers can set it. With `writerThread` the table is written on a
 * worker thread, the same bytes. Returns the summary, or null if it was stopped.
 */
export async function runCheckpointed(config: MarketConfig, dir: string, opts: CheckpointedRunOptions): Promise<{ summary: RunSummary | null; slot: number }> {
  if (!Number.isSafeInteger(opts.checkpointEvery) || opts.checkpointEvery < 0)
    throw new UserInputError(`--checkpoint-every must be a whole number >= 0, but got ${String(opts.checkpointEvery)}.`);
  const table = await openRunTable(lineTableSpec(dir, opts.format, opts.resume?.table), opts.writerThread ?? false);
  try {
    return await runInto(config, dir, opts, table);
  } catch (err) {
    await table.abandon();
    throw err;
  }
}

async function runInto(config: MarketConfig, dir: string, opts: CheckpointedRunOptions, table: RunTable): Promise<{ summary: RunSummary | null; slot: number }> {
  const run = opts.resume ? MarketRun.restore(config, opts.resume.snapshot, { table }) : MarketRun.start(config, { table });
  const configSha = configSha256SansSlots(config);
  // checkpoint.json is written once the table's writer reports the rows handed before it on disk;
  // the run goes on meanwhile (a writer thread answers later), and checkpoints are written in order.
  let saved: Promise<void> = Promise.resolve();
  let unsaved = null as { err: unknown } | null; // set by a failed write of checkpoint.json
  const checkpoint = () => {
    run.flushTable();
    const [snapshot, nextSlot, state] = [run.snapshot(), run.nextSlot, table.state()];
    saved = Promise.all([saved, state]).then(([, table]) =>
      writeJson(dir, 'checkpoint.json', seal({ version: checkpointVersion, format: opts.format, config_sha256: configSha, next_slot: nextSlot, table, snapshot })),
    );
    saved.catch((err: unknown) => void (unsaved ??= { err })); // thrown at the first slot boundary after the write failed (with a writer thread: once its answer came, a few slots later)
  };
  const every = opts.checkpointEvery;
  const turns = new WallDeadline(() => performance.now(), yieldEveryMs, slotsPerClockRead);
  while (run.nextSlot < config.slots) {
    if (opts.stopRequested()) {
      checkpoint();
      await saved;
      await table.abandon(); // left `.partial`, to be continued
      return { summary: null, slot: run.nextSlot };
    }
    run.step(run.nextSlot + 1, opts.onSlot);
    if (every > 0 && run.nextSlot % every === 0 && run.nextSlot < config.slots) checkpoint();
    if (table.backlogged()) await table.ready();
    if (unsaved) throw unsaved.err;
    if (turns.due()) {
      await eventLoopTurn();
      turns.restart();
    }
  }
  checkpoint();
  await saved;
  await table.close();
  const summary = run.result();
  writeJson(dir, 'summary.json', summary);
  writeRunAgentsTable(dir, opts.format, config, summary);
  return { summary, slot: run.nextSlot };
}

/** Before a resume: a summary (and agents table) from an earlier completion no longer describes the run. */
export function clearStaleSummary(dir: string): void {
  rmSync(join(dir, 'summary.json'), { force: true });
  for (const format of ['csv', 'jsonl', 'parquet']) rmSync(join(dir, `agents.${format}`), { force: true });
}
