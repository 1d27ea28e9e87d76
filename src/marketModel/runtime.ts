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
  /**
   * `dist(prefix + id)` without building the path string: per-slot code passes a constant prefix
   * and an id string it already holds, so the lookup hashes no new string (bench/README.md).
   */
  distOf(prefix: string, id: string): Distributions;
}

export function createRuntime(streams: RandomStreams): ModelRuntime {
  const cache = new Map<string, Distributions>();
  const byPrefix = new Map<string, Map<string, Distributions>>();
  const dist = (path: string): Distributions => {
    let d = cache.get(path);
    if (!d) {
      d = bindDistributions(streams.stream(path).next);
      cache.set(path, d);
    }
    return d;
  };
  return {
    streams,
    dist,
    distOf(prefix, id) {
      let ids = byPrefix.get(prefix);
      if (!ids) byPrefix.set(prefix, (ids = new Map()));
      let d = ids.get(id);
      if (!d) ids.set(id, (d = dist(prefix + id)));
      return d;
    },
  };
}
