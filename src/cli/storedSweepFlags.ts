import { join } from 'node:path';
import { UserInputError } from '../config/errors.js';
import type { LoadSweepOptions } from '../sweep/loadSweepFile.js';
import { parseSweepManifest, type SweepFolderOptions } from '../sweep/sweepFolder.js';

/** The sweep flags `sweep.json` stores, as the CLI holds them once parsed. */
export interface SweepFlags {
  runs: boolean;
  slotsTable: boolean;
  output: LoadSweepOptions;
}

/**
 * The `options` of the sweep folder `dir`'s `sweep.json`, or undefined when it has none (a folder of
 * an older seqsim) or cannot be read: then the resume's own checks say what is wrong.
 */
export function storedSweepOptions(dir: string): SweepFolderOptions | undefined {
  try {
    return parseSweepManifest(join(dir, 'sweep.json'), (problem) => new Error(problem)).options;
  } catch {
    return undefined;
  }
}

const listed = (names: readonly string[] | undefined) => (names ? names.join(',') : undefined);

/**
 * The flags a `--resume` of the folder `dir` runs with: each one the sweep was started with (its
 * `sweep.json` `options`) unless given again, and then it must be the same: the runs done and the
 * runs to do must be made alike (their configs, and so their run ids, hold `--reporters`,
 * `--columns` and `--record-every`; `--runs` and `--slots-table` say which tables every run writes).
 * Without stored options (an older folder) the given flags stand as they are.
 * @throws UserInputError naming the flag, both values and the fix.
 */
export function resumeWithStoredFlags(dir: string, given: { runs: boolean | undefined; slotsTable: boolean | undefined; output: LoadSweepOptions }, stored: SweepFolderOptions | undefined): SweepFlags {
  if (!stored) return { runs: Boolean(given.runs), slotsTable: Boolean(given.slotsTable), output: given.output };
  const pick = <T>(flag: string, mine: T | undefined, theirs: T | undefined, show: (v: T | undefined) => string, same: (a: T | undefined, b: T | undefined) => boolean): T | undefined => {
    if (mine === undefined) return theirs;
    if (!same(mine, theirs))
      throw new UserInputError(
        `Cannot resume "${dir}" with ${flag} ${show(mine)}: the sweep was started with ${show(theirs)} (sweep.json, "options"), and every run of one sweep must be made alike. ` +
          `Leave ${flag} out to resume with the sweep's own, or start a new sweep with --out.`,
      );
    return mine;
  };
  const flag = (v: boolean | undefined) => (v ? 'it' : 'without it');
  const list = (v: readonly string[] | undefined) => (v ? v.join(',') : 'none');
  const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => listed(a) === listed(b);
  const reporters = pick('--reporters', given.output.reporters, stored.reporters, list, sameList);
  const columns = pick('--columns', given.output.columns, stored.columns, list, sameList);
  const recordEvery = pick('--record-every', given.output.recordEvery, stored.record_every, (v) => (v === undefined ? 'none' : String(v)), (a, b) => a === b);
  return {
    runs: Boolean(pick('--runs', given.runs, stored.runs, flag, (a, b) => Boolean(a) === Boolean(b))),
    slotsTable: Boolean(pick('--slots-table', given.slotsTable, stored.slots_table, flag, (a, b) => Boolean(a) === Boolean(b))),
    output: {
      ...(reporters ? { reporters } : {}),
      ...(columns ? { columns } : {}),
      ...(recordEvery !== undefined ? { recordEvery } : {}),
    },
  };
}
