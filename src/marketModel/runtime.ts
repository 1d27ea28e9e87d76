import { bindDistributions, type Distributions } from '../engine/distributions.js';
import type { RandomStreams } from '../engine/randomStreams.js';

/**
 * What the phases need besides the world's plain data: the run's random streams (one per
 * component path, DESIGN.md §9) with their distributions. Bidders' memories are in the world.
 */
export interface ModelRuntime {
  readonly streams: RandomStreams;
  /** Distributions bound to the stream at `path`, created once per path. */
  dist(path: string): Distributions;
}

export function createRuntime(streams: RandomStreams): ModelRuntime {
  const cache = new Map<string, Distributions>();
  return {
    streams,
    dist(path) {
      let d = cache.get(path);
      if (!d) {
        d = bindDistributions(streams.stream(path).next);
        cache.set(path, d);
      }
      return d;
    },
  };
}
