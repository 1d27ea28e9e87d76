// The floor: the least an "agent action" can cost in this process, measured next to the model so
// that the model/floor ratio cancels the machine's speed (STYLE.md rule 12).
//
// One floor update = one read-modify-write of one agent's field in a struct-of-arrays
// (Float64Array) plus one random draw from seedrandom's alea, the generator every model stream
// uses, so the floor pays for its draw exactly what the model pays for one draw.
import seedrandom from 'seedrandom';
import { median } from './stats.js';

/** Agents in the floor's struct-of-arrays (a power of two; small enough to stay in L1 cache). */
const AGENTS = 1024;

function floorPass(updates, rng, wealth) {
  let j = 0;
  for (let i = 0; i < updates; i++) {
    wealth[j] += rng() - 0.5;
    j = (j + 1) & (AGENTS - 1);
  }
}

/**
 * A floor bench: `time(updates, passes)` runs `passes` timed passes of `updates` floor updates
 * (the same count as one timed model run) and returns their median ns per update; `warmup` passes
 * run untimed first. Timed next to each model run, so that both see the same machine load.
 * `checksum()` sums the agents' field (printed, so the loop's work is observable).
 */
export function createFloor({ warmupPasses = 5, warmupUpdates = 200_000 } = {}) {
  const rng = seedrandom.alea('x');
  const wealth = new Float64Array(AGENTS);
  for (let p = 0; p < warmupPasses; p++) floorPass(warmupUpdates, rng, wealth);
  return {
    time(updates, passes = 5) {
      const ns = [];
      for (let p = 0; p < passes; p++) {
        const t0 = performance.now();
        floorPass(updates, rng, wealth);
        ns.push(((performance.now() - t0) * 1e6) / updates);
      }
      return median(ns);
    },
    checksum: () => wealth.reduce((a, b) => a + b, 0),
  };
}
