import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../config/errors.js';
import { tableFormats, type TableFormat } from '../io/formats/formats.js';
import { seal, verifySeal } from '../io/integrity.js';
import { configSha256 } from '../io/runManifest.js';
import { prepareOutDir, writeJson } from '../io/runFolder.js';
import type { SweepPlan } from './expandSweep.js';
import { Journal, journalError, readJournal, type JournalLine } from './journal.js';
import { pathName } from './paths.js';
import type { ResultColumn } from './resultsTable.js';
import { inShard, shardName, type ShardSpec } from './shards.js';

/** The schema version of `sweep.json` this seqsim writes and reads. */
export const sweepManifestVersion = 2;

/**
 * What `sweep.json` holds: the sweep file, its identity, the expanded grid and the table's layout,
 * with its schema `version` and `sha256`, the SHA-256 of everything else (checked on resume).
 */
export interface SweepManifest {
  version: typeof sweepManifestVersion;
  seqsim_version: string;
  sweep_sha256: string;
  source: string;
  format: TableFormat;
  /** Present in a shard's folder only (`seqsim sweep --shard i/n`): which slice of `runs` it runs. */
  shard?: ShardSpec;
  /** The results columns; a null type is settled from the rows when the table is written. */
  columns: ResultColumn[];
  axes: { name: string; path: (string | number)[]; values: unknown[] }[];
  seeds: (number | string)[];
  cells: { cell: number; params: Record<string, unknown> }[];
  runs: { index: number; run_id: string; cell: number; seed: number | string }[];
  sweep: Record<string, unknown>;
  /** The flags the sweep was started with that a `--resume` must repeat (absent in folders of seqsim before this field). */
  options?: SweepFolderOptions;
  sha256: string;
}

/**
 * What a sweep was started with besides its file, stored in `sweep.json` so that `--resume` takes
 * them from there: which tables the runs write (`--runs`, `--slots-table`) and the `output` fields
 * every run's config gets (`--reporters`, `--columns`, `--record-every`; part of each run's id).
 */
export interface SweepFolderOptions {
  runs: boolean;
  slots_table: boolean;
  reporters?: string[];
  columns?: string[];
  record_every?: number;
}

/**
 * The manifest of a plan written with `format` and `columns` (of one shard of it, with `shard`; `runs`
 * lists the whole plan either way, so every shard's manifest describes the same sweep).
 */
export function sweepManifest(plan: SweepPlan, format: TableFormat, columns: ResultColumn[], version: string, shard?: ShardSpec, options?: SweepFolderOptions): SweepManifest {
  return seal<Omit<SweepManifest, 'sha256'>>({
    version: sweepManifestVersion,
    seqsim_version: version,
    sweep_sha256: plan.sha256,
    source: plan.source,
    format,
    ...(shard ? { shard: { index: shard.index, count: shard.count } } : {}),
    columns,
    axes: plan.axes.map((a) => ({ name: pathName(a.path), path: [...a.path], values: [...a.values] })),
    seeds: [...plan.seeds],
    cells: plan.cells.map((c) => ({ cell: c.cell, params: { ...c.params } })),
    runs: plan.runs.map((r) => ({ index: r.index, run_id: r.runId, cell: r.cell, seed: r.seed })),
    sweep: { ...plan.sweep },
    ...(options ? { options } : {}),
  });
}

/** Starts a sweep folder: `sweep.json` and an empty journal. `dir` was checked by `prepareOutDir`. */
export function createSweepFolder(dir: string, manifest: SweepManifest): Journal {
  prepareOutDir(dir);
  writeJson(dir, 'sweep.json', manifest);
  return new Journal(join(dir, 'journal.jsonl'));
}

/** The config hash a journal line of `run` must carry. */
export function runConfigSha(run: SweepPlan['runs'][number]): string {
  return configSha256(run.config);
}

/**
 * Opens a folder to resume `plan` in: it must hold `sweep.json` of the same sweep (same hash),
 * whole and verified (schema version, own SHA-256, a known table format), and a journal whose every
 * line verifies and belongs to this sweep (its run at its position, its config, the table's columns).
 * Checks everything before touching anything. Returns the manifest, the journal's last line of each
 * run by run index, and the journal to append to.
 * @throws UserInputError for a missing folder, another sweep's folder, a conflicting `format`, or
 * saved state that does not verify.
 */
export function resumeSweepFolder(dir: string, plan: SweepPlan, format: TableFormat | undefined, shard?: ShardSpec): { manifest: SweepManifest; done: Map<number, JournalLine>; journal: Journal } {
  const file = join(dir, 'sweep.json');
  if (!existsSync(file))
    throw new UserInputError(`Cannot resume "${dir}": it holds no sweep.json, so it is not a sweep folder (or the sweep never started). Check the path, or run the sweep without --resume.`);
  const refuse = (problem: string) =>
    new UserInputError(
      `Cannot resume "${dir}": its sweep.json ${problem}. It was edited or damaged, so seqsim cannot trust the sweep's layout; nothing was changed. ` +
        'Restore the sweep folder from a backup, or start the sweep afresh with a new --out.',
    );
  const manifest = parseSweepManifest(file, refuse);
  if (manifest.sweep_sha256 !== plan.sha256)
    throw new UserInputError(
      `Cannot resume "${dir}": it holds a different sweep (sweep_sha256 ${String(manifest.sweep_sha256).slice(0, 12)}… from ${manifest.source}; ${plan.source} gives ${plan.sha256.slice(0, 12)}…). ` +
        'Resume it with the sweep file that started it (--columns, --record-every and --reporters, part of every run, come from its sweep.json; in a folder of an older seqsim give them as they were), or give this sweep a new --out.',
    );
  if (format !== undefined && format !== manifest.format)
    throw new UserInputError(`Cannot resume "${dir}" with --format ${format}: its table is ${manifest.format}. Drop --format, or start a new --out.`);
  const held = manifest.shard ? shardName(manifest.shard) : undefined;
  if (held !== (shard ? shardName(shard) : undefined))
    throw new UserInputError(
      `Cannot resume "${dir}"${shard ? ` with --shard ${shardName(shard)}` : ''}: it holds ${held ? `shard ${held} of the sweep` : 'the whole sweep, not a shard'}. ` +
        (held ? `Resume it with --shard ${held}.` : 'Resume it without --shard.'),
    );
  const journalPath = join(dir, 'journal.jsonl');
  const names = JSON.stringify(manifest.columns.map((c) => c.name));
  const done = new Map<number, JournalLine>();
  readJournal(journalPath, (e) => {
    const run = plan.runs[e.index];
    if (run?.runId !== e.run_id)
      throw journalError(journalPath, `a line lists run ${e.run_id} at position ${e.index}, which this sweep does not have there`);
    if (!inShard(e.run_id, shard)) throw journalError(journalPath, `a line lists run ${e.run_id}, which is not in shard ${held} of this sweep`);
    if (e.config_sha256 !== runConfigSha(run))
      throw journalError(journalPath, `the line of run ${e.run_id} was made under another config (config_sha256 ${e.config_sha256.slice(0, 12)}…)`);
    if (JSON.stringify(Object.keys(e.row)) !== names || e.row.run_id !== e.run_id || e.row.status !== e.status)
      throw journalError(journalPath, `the row of run ${e.run_id} does not have the results table's columns (or names another run or status)`);
    done.set(e.index, e); // a retried run's later line replaces its earlier one
  });
  return { manifest, done, journal: new Journal(journalPath) };
}

/**
 * Reads `sweep.json` and checks it is whole: JSON, this schema version, its own SHA-256, a known table
 * format, a list of columns. `refuse(problem)` makes the error to throw ("its sweep.json <problem>").
 */
export function parseSweepManifest(file: string, refuse: (problem: string) => Error): SweepManifest {
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as SweepManifest;
  } catch (err) {
    throw refuse(`is not valid JSON (${(err as Error).message})`);
  }
  if (manifest === null || typeof manifest !== 'object') throw refuse('is not a JSON object');
  if (manifest.version !== sweepManifestVersion)
    throw refuse(`has schema version ${JSON.stringify(manifest.version)}, but this seqsim reads version ${sweepManifestVersion} (it was written by another seqsim, or edited)`);
  if (!verifySeal(manifest)) throw refuse('does not match its own SHA-256 (the "sha256" field)');
  if (!(tableFormats as readonly unknown[]).includes(manifest.format))
    throw refuse(`names the table format ${JSON.stringify(manifest.format)}, which is not one of ${tableFormats.join(', ')}`);
  if (!Array.isArray(manifest.columns) || manifest.columns.some((c) => typeof c?.name !== 'string')) throw refuse('holds no list of columns');
  return manifest;
}

/** A run's folder in the sweep's `--slots-table` table (Hive layout, partitioned by run id), relative to the sweep folder. */
export function slotsPartition(runId: string): string {
  return join('slots', `run_id=${runId}`);
}
