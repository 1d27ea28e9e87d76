import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../config/errors.js';
import type { Row } from '../engine/recorder.js';
import type { TableFormat } from '../io/formats/formats.js';
import { prepareOutDir, writeJson } from '../io/runFolder.js';
import type { SweepPlan } from './expandSweep.js';
import { Journal, readJournal } from './journal.js';
import { pathName } from './paths.js';
import type { ResultColumn } from './resultsTable.js';

/** What `sweep.json` holds: the sweep file, its identity, the expanded grid and the table's layout. */
export interface SweepManifest {
  seqsim_version: string;
  sweep_sha256: string;
  source: string;
  format: TableFormat;
  /** The results columns; a null type is settled from the rows when the table is written. */
  columns: ResultColumn[];
  axes: { name: string; path: (string | number)[]; values: unknown[] }[];
  seeds: (number | string)[];
  cells: { cell: number; params: Record<string, unknown> }[];
  runs: { index: number; run_id: string; cell: number; seed: number | string }[];
  sweep: Record<string, unknown>;
}

/** The manifest of a plan written with `format` and `columns`. */
export function sweepManifest(plan: SweepPlan, format: TableFormat, columns: ResultColumn[], version: string): SweepManifest {
  return {
    seqsim_version: version,
    sweep_sha256: plan.sha256,
    source: plan.source,
    format,
    columns,
    axes: plan.axes.map((a) => ({ name: pathName(a.path), path: [...a.path], values: [...a.values] })),
    seeds: [...plan.seeds],
    cells: plan.cells.map((c) => ({ cell: c.cell, params: { ...c.params } })),
    runs: plan.runs.map((r) => ({ index: r.index, run_id: r.runId, cell: r.cell, seed: r.seed })),
    sweep: { ...plan.sweep },
  };
}

/** Starts a sweep folder: `sweep.json` and an empty journal. `dir` was checked by `prepareOutDir`. */
export function createSweepFolder(dir: string, manifest: SweepManifest): Journal {
  prepareOutDir(dir);
  writeJson(dir, 'sweep.json', manifest);
  return new Journal(join(dir, 'journal.jsonl'));
}

/**
 * Opens a folder to resume `plan` in: it must hold `sweep.json` of the same sweep (same hash) and
 * its journal. Checks everything before touching anything. Returns the manifest, the rows already
 * done by run index, and the journal to append to.
 * @throws UserInputError for a missing folder, another sweep's folder, or a conflicting `format`.
 */
export function resumeSweepFolder(dir: string, plan: SweepPlan, format: TableFormat | undefined): { manifest: SweepManifest; done: Map<number, Row>; journal: Journal } {
  const file = join(dir, 'sweep.json');
  if (!existsSync(file))
    throw new UserInputError(`Cannot resume "${dir}": it holds no sweep.json, so it is not a sweep folder (or the sweep never started). Check the path, or run the sweep without --resume.`);
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as SweepManifest;
  } catch (err) {
    throw new UserInputError(`Cannot resume "${dir}": its sweep.json is not valid JSON (${(err as Error).message}). It was edited or damaged; start the sweep afresh with a new --out.`);
  }
  if (manifest.sweep_sha256 !== plan.sha256)
    throw new UserInputError(
      `Cannot resume "${dir}": it holds a different sweep (sweep_sha256 ${manifest.sweep_sha256.slice(0, 12)}… from ${manifest.source}; ${plan.source} gives ${plan.sha256.slice(0, 12)}…). ` +
        'Resume it with the sweep file that started it, or give this sweep a new --out.',
    );
  if (format !== undefined && format !== manifest.format)
    throw new UserInputError(`Cannot resume "${dir}" with --format ${format}: its table is ${manifest.format}. Drop --format, or start a new --out.`);
  const done = new Map<number, Row>();
  for (const e of readJournal(join(dir, 'journal.jsonl'))) {
    if (plan.runs[e.index]?.runId !== e.run_id)
      throw new UserInputError(`Cannot resume "${dir}": its journal lists run ${e.run_id} at position ${e.index}, which this sweep does not have there. The journal was edited; start afresh with a new --out.`);
    done.set(e.index, e.row);
  }
  return { manifest, done, journal: new Journal(join(dir, 'journal.jsonl')) };
}
