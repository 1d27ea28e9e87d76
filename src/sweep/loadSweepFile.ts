import { readConfigFile } from '../config/loadConfig.js';
import { expandSweep, type SweepPlan } from './expandSweep.js';

/** Reads and expands a sweep file. @throws UserInputError for an unreadable file or a bad sweep. */
export function loadSweepFile(path: string): SweepPlan {
  return expandSweep(readConfigFile(path, 'Sweep file'), `"${path}"`);
}
