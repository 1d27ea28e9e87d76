import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';
import type { TableFormat } from '../io/formats/formats.js';
import { writeTable } from '../io/formats/tableWriter.js';
import { sweepTidyTables, writeTidyTables } from '../tidy/tidyTables.js';
import { prepareOutDir, writeJson } from '../io/runFolder.js';
import { seqsimVersion } from '../version.js';
import { expandSweep, type SweepPlan } from './expandSweep.js';
import { isJournalLine, type JournalLine } from './journal.js';
import { settleTypes } from './resultsTable.js';
import { inShard, shardName, shardOf } from './shards.js';
import { parseSweepManifest, runConfigSha, slotsPartition, sweepManifest, type SweepManifest } from './sweepFolder.js';

/** Options of {@link mergeShards}. */
export interface MergeOptions {
  /** The merged sweep folder: new (absent or empty). */
  readonly out: string;
}

/** What {@link mergeShards} wrote. */
export interface MergeResult {
  readonly dir: string;
  /** Path of the merged results table, `<dir>/results.<format>`. */
  readonly table: string;
  readonly format: TableFormat;
  /** How many folders were merged. */
  readonly folders: number;
  readonly runs: number;
  /** Runs whose row has status `failed` (kept as they are: see {@link mergeShards}). */
  readonly failed: number;
  /** The failed runs' ids, in table order. */
  readonly failures: readonly string[];
  readonly sha256: string;
}

/** A shard folder as read: its manifest, and the last journal line of each run it finished. */
interface ShardFolder {
  readonly dir: string;
  readonly manifest: SweepManifest;
  readonly lines: Map<number, JournalLine>;
}

/** At most 10 items, then how many more. */
function some(items: readonly string[]): string {
  return items.slice(0, 10).join(', ') + (items.length > 10 ? ` and ${items.length - 10} more` : '');
}

function readManifest(dir: string): SweepManifest {
  const file = join(dir, 'sweep.json');
  if (!existsSync(file))
    throw new UserInputError(
      `Cannot merge "${dir}": it holds no sweep.json, so it is not a sweep folder (or its shard never started). Check the path: each folder is the --out of a \`seqsim sweep FILE --shard i/n\`.`,
    );
  return parseSweepManifest(file, (problem) => new UserInputError(`Cannot merge "${dir}": its sweep.json ${problem}. It was edited or damaged; run that shard again into a new --out.`));
}

/** The manifests' fields that make one sweep, with what to do when two folders differ in one. */
const sameSweepFields: readonly { field: keyof SweepManifest; show: (m: SweepManifest) => string; fix: string }[] = [
  { field: 'sweep_sha256', show: (m) => `sweep ${m.sweep_sha256.slice(0, 12)}… from ${m.source}`, fix: 'they were run from different sweep files (or different versions of one); merge only the shards of one sweep' },
  { field: 'seqsim_version', show: (m) => `seqsim ${m.seqsim_version}`, fix: 'run every shard with the same seqsim version (run the odd ones again)' },
  { field: 'format', show: (m) => `--format ${m.format}`, fix: 'run every shard with the same --format (run the odd ones again)' },
  { field: 'columns', show: (m) => `${m.columns.length} columns`, fix: 'their results tables have different columns; run every shard with the same seqsim and sweep file' },
];

/** @throws UserInputError naming the first field in which a folder differs from the first one. */
function checkSameSweep(folders: readonly { dir: string; manifest: SweepManifest }[]): void {
  const [first] = folders;
  for (const f of folders.slice(1))
    for (const { field, show, fix } of sameSweepFields)
      if (JSON.stringify(f.manifest[field]) !== JSON.stringify(first!.manifest[field]))
        throw new UserInputError(
          `Cannot merge: "${first!.dir}" and "${f.dir}" are not of the same sweep: they differ in ${field} (${show(first!.manifest)} vs ${show(f.manifest)}). To fix: ${fix}.`,
        );
}

/** The sweep the folders ran, expanded again from the sweep file their manifest holds. */
function planOf(dir: string, m: SweepManifest): SweepPlan {
  if (m.seqsim_version !== seqsimVersion())
    throw new UserInputError(`Cannot merge "${dir}": its shards were run by seqsim ${m.seqsim_version}, this is seqsim ${seqsimVersion()}. Merge with the seqsim that ran them.`);
  const plan = expandSweep(m.sweep, m.source);
  if (plan.sha256 !== m.sweep_sha256) throw new UserInputError(`Cannot merge "${dir}": the sweep its sweep.json holds does not expand to its sweep_sha256. It was edited or damaged; run that shard again.`);
  return plan;
}

/**
 * The folder's journal: the last line of each run, every whole line verified (its own and its row's
 * SHA-256, a run of this sweep at its position, of the folder's shard, under its config, with the
 * table's columns). A partial last line (a shard killed mid-write) is left out, not cut off: merging
 * never changes the folders it reads.
 */
function readLines(dir: string, manifest: SweepManifest, plan: SweepPlan): Map<number, JournalLine> {
  const path = join(dir, 'journal.jsonl');
  const refuse = (problem: string) => new UserInputError(`Cannot merge: in "${path}", ${problem}. The journal was edited or damaged; run that shard again into a new --out.`);
  if (!existsSync(path)) throw refuse('the file is missing');
  const text = readFileSync(path, 'utf8');
  const names = JSON.stringify(manifest.columns.map((c) => c.name));
  const lines = new Map<number, JournalLine>();
  text.slice(0, text.lastIndexOf('\n') + 1).split('\n').slice(0, -1).forEach((text, i) => {
    let e: unknown;
    try {
      e = JSON.parse(text);
    } catch {
      // refused below
    }
    if (!isJournalLine(e)) throw refuse(`line ${i + 1} is not a journal entry that verifies`);
    const run = plan.runs[e.index];
    if (run?.runId !== e.run_id) throw refuse(`line ${i + 1} lists run ${e.run_id} at position ${e.index}, which this sweep does not have there`);
    if (!inShard(e.run_id, manifest.shard)) throw refuse(`line ${i + 1} lists run ${e.run_id}, which is not in shard ${shardName(manifest.shard!)}`);
    if (e.config_sha256 !== runConfigSha(run)) throw refuse(`the line of run ${e.run_id} was made under another config`);
    if (JSON.stringify(Object.keys(e.row)) !== names || e.row.run_id !== e.run_id || e.row.status !== e.status)
      throw refuse(`the row of run ${e.run_id} does not have the results table's columns (or names another run or status)`);
    lines.set(e.index, e); // a retried run's later line replaces its earlier one
  });
  return lines;
}

/** @throws UserInputError listing the runs found in two folders. */
function checkNoDuplicates(folders: readonly ShardFolder[]): void {
  const owner = new Map<number, string>();
  const twice: string[] = [];
  for (const f of folders)
    for (const [index, e] of f.lines) {
      const other = owner.get(index);
      if (other !== undefined) twice.push(`${e.run_id} (in "${other}" and "${f.dir}")`);
      else owner.set(index, f.dir);
    }
  if (twice.length > 0)
    throw new UserInputError(
      `Cannot merge: ${twice.length} run(s) are in more than one folder: ${some(twice)}. Each run must come from exactly one folder: ` +
        'give each shard folder once, and merge shards of one --shard i/n split (shards of different n overlap).',
    );
}

/** @throws UserInputError listing the runs no folder holds, grouped by the shard that should. */
function checkNoneMissing(folders: readonly ShardFolder[], plan: SweepPlan): void {
  const held = new Set(folders.flatMap((f) => [...f.lines.keys()]));
  const missing = plan.runs.filter((r) => !held.has(r.index));
  if (missing.length === 0) return;
  const counts = new Set(folders.map((f) => f.manifest.shard?.count));
  const n = counts.size === 1 ? [...counts][0] : undefined;
  let where = '';
  if (n !== undefined) {
    const byShard = new Map<number, number>();
    for (const r of missing) byShard.set(shardOf(r.runId, n), (byShard.get(shardOf(r.runId, n)) ?? 0) + 1);
    where = ` By shard: ${[...byShard]
      .sort(([a], [b]) => a - b)
      .map(([i, k]) => {
        const f = folders.find((x) => x.manifest.shard?.index === i);
        const spec = `${i}/${n}`;
        return f ? `${k} of shard ${spec} are not finished in "${f.dir}" (finish it: seqsim sweep ${plan.source} --shard ${spec} --resume ${f.dir})` : `${k} of shard ${spec}, whose folder was not given`;
      })
      .join('; ')}.`;
  }
  throw new UserInputError(
    `Cannot merge: ${missing.length} of the sweep's ${plan.runs.length} runs are in none of the folders: ${some(missing.map((r) => r.runId))}.${where} ` +
      'Add the missing shard folders, or finish the unfinished shards with --resume, then merge again.',
  );
}

/**
 * Merges the folders of a sweep's shards (`seqsim sweep FILE --shard i/n`) into one sweep folder,
 * the folder a sweep run on one machine writes: `sweep.json` (without a shard), `journal.jsonl` (the
 * shards' lines, in table order), `results.<format>` (byte-identical to the one-machine table: rows in
 * (cell, seed) order, column types settled over all rows) and, where the shards kept them, `runs/`.
 * Failed runs are rows like any other (status `failed` and their error): merging keeps them, and
 * `seqsim sweep FILE --resume OUT --retry-failed` runs them again in the merged folder.
 * Reads the folders only; checks everything before writing anything.
 * @throws UserInputError when a folder is not a sweep folder or does not verify, the folders differ in
 * sweep, seqsim version, format or columns, some run is in two folders, or some run is in none.
 */
export function mergeShards(dirs: readonly string[], opts: MergeOptions): MergeResult {
  if (dirs.length === 0) throw new UserInputError('Name the shard folders to merge: seqsim sweep merge DIR... --out OUT.');
  const twice = dirs.find((d, i) => dirs.findIndex((e) => resolve(e) === resolve(d)) !== i);
  if (twice !== undefined) throw new UserInputError(`Cannot merge: the folder "${twice}" is named twice. Name each shard folder once.`);
  const manifests = dirs.map((dir) => ({ dir, manifest: readManifest(dir) }));
  checkSameSweep(manifests);
  const { manifest } = manifests[0]!;
  const plan = planOf(dirs[0]!, manifest);
  const folders = manifests.map((m) => ({ ...m, lines: readLines(m.dir, m.manifest, plan) }));
  checkNoDuplicates(folders);
  checkNoneMissing(folders, plan);
  const lines = folders.flatMap((f) => [...f.lines.values()].map((line) => ({ line, dir: f.dir }))).sort((a, b) => a.line.index - b.line.index);
  prepareOutDir(opts.out);
  writeJson(opts.out, 'sweep.json', sweepManifest(plan, manifest.format, manifest.columns, manifest.seqsim_version, undefined, manifest.options));
  writeFileSync(join(opts.out, 'journal.jsonl'), lines.map(({ line }) => JSON.stringify(line) + '\n').join(''));
  for (const { line, dir } of lines) {
    const runDir = join(dir, 'runs', line.run_id);
    if (existsSync(runDir)) cpSync(runDir, join(opts.out, 'runs', line.run_id), { recursive: true });
    const partition = join(dir, slotsPartition(line.run_id)); // `--slots-table`
    if (existsSync(partition)) cpSync(partition, join(opts.out, slotsPartition(line.run_id)), { recursive: true });
  }
  const rows: Row[] = lines.map(({ line }) => line.row);
  const table = join(opts.out, `results.${manifest.format}`);
  writeTable(table, manifest.format, settleTypes(manifest.columns, rows), rows);
  writeTidyTables(opts.out, manifest.format, sweepTidyTables(plan, rows)); // runs.<format>, agents.<format>, as a one-machine sweep writes them
  const failures = lines.filter(({ line }) => line.status === 'failed').map(({ line }) => line.run_id);
  return { dir: opts.out, table, format: manifest.format, folders: dirs.length, runs: rows.length, failed: failures.length, failures, sha256: plan.sha256 };
}
