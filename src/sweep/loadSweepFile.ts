import { readConfigFile } from '../config/loadConfig.js';
import { expandSweep, type SweepPlan } from './expandSweep.js';
import { isObject } from './paths.js';

/** Options of {@link loadSweepFile}: fields of `output` every run gets, set in the sweep's config before it is expanded (the CLI's flags). */
export interface LoadSweepOptions {
  /** Named reporters every run adds (`--reporters`): `output.reporters`. */
  readonly reporters?: readonly string[];
  /** Columns of each run folder's slots table (`--columns`): `output.columns`. */
  readonly columns?: readonly string[];
  /** Every how many slots a run folder's slots table records (`--record-every`): `output.recordEvery`. */
  readonly recordEvery?: number;
}

/** Reads and expands a sweep file. @throws UserInputError for an unreadable file or a bad sweep. */
export function loadSweepFile(path: string, opts: LoadSweepOptions = {}): SweepPlan {
  const raw = readConfigFile(path, 'Sweep file');
  const set = {
    ...(opts.reporters ? { reporters: [...opts.reporters] } : {}),
    ...(opts.columns ? { columns: [...opts.columns] } : {}),
    ...(opts.recordEvery !== undefined ? { recordEvery: opts.recordEvery } : {}),
  };
  if (Object.keys(set).length > 0 && isObject(raw)) return expandSweep({ ...raw, output: { ...(isObject(raw.output) ? raw.output : {}), ...set } }, `"${path}"`);
  return expandSweep(raw, `"${path}"`);
}
