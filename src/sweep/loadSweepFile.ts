import { readConfigFile } from '../config/loadConfig.js';
import { expandSweep, type SweepPlan } from './expandSweep.js';
import { isObject } from './paths.js';

/** Options of {@link loadSweepFile}. */
export interface LoadSweepOptions {
  /** Named reporters every run adds (`--reporters`): set as `output.reporters` of the sweep's config before it is expanded. */
  readonly reporters?: readonly string[];
}

/** Reads and expands a sweep file. @throws UserInputError for an unreadable file or a bad sweep. */
export function loadSweepFile(path: string, opts: LoadSweepOptions = {}): SweepPlan {
  const raw = readConfigFile(path, 'Sweep file');
  if (opts.reporters && isObject(raw)) {
    const output = isObject(raw.output) ? raw.output : {};
    return expandSweep({ ...raw, output: { ...output, reporters: [...opts.reporters] } }, `"${path}"`);
  }
  return expandSweep(raw, `"${path}"`);
}
