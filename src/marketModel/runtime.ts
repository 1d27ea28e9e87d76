import { fixedFractionBid, type BidStrategy } from '../agents/searchers/bidStrategy.js';
import { bindDistributions, type Distributions } from '../engine/distributions.js';
import type { RandomStreams } from '../engine/randomStreams.js';
import type { WorldState } from './types.js';

/**
 * What the phases need besides the world's plain data: the run's random streams (one per
 * component path, DESIGN.md §9) with their distributions, and the searchers' bid strategies.
 */
export interface ModelRuntime {
  readonly streams: RandomStreams;
  /** Distributions bound to the stream at `path`, created once per path. */
  dist(path: string): Distributions;
  readonly strategies: readonly BidStrategy[];
}

export function createRuntime(world: WorldState, streams: RandomStreams): ModelRuntime {
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
    strategies: world.config.searchers.map((s) => fixedFractionBid(s.bidFraction)),
  };
}
