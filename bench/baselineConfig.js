// The benchmark scenario: configs/baseline.json as `seqsim run` would resolve it, with the slot
// count overridden. Imports the compiled model (dist/), so `npm run build` must have run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveMarketConfig } from '../dist/index.js';

/** Absolute path of the scenario every benchmark runs. */
export const BASELINE_PATH = fileURLToPath(new URL('../configs/baseline.json', import.meta.url));

/** The baseline market config, validated and defaulted, for `slots` slots (seed as in the file). */
export function baselineConfig(slots) {
  const raw = JSON.parse(readFileSync(BASELINE_PATH, 'utf8'));
  return resolveMarketConfig({ ...raw, slots }, { source: BASELINE_PATH });
}
