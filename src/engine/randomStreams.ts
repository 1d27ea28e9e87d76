import seedrandom from 'seedrandom';
import { fillAlea } from './fillAlea.js';
import { aleaSource, aleaStepping, mashSeeds } from './mashSeeds.js';

/** A uniform source on [0, 1), the shape d3-random's `.source()` expects. */
export type Source = () => number;

/** The complete state of one alea generator; JSON-serialisable for checkpoints. */
export interface StreamState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** One named, seeded random stream. `next` is a bound function, safe to pass around. */
export interface RandomStream {
  readonly path: string;
  readonly next: Source;
  /** `count` draws of `next`, in order, into `out[0]`…`out[count − 1]` (a bulk draw: the same numbers, faster). */
  fill(out: Float64Array, count: number): void;
  /** A copy of the generator's state; restoring it replays the same draws. */
  state(): StreamState;
}

/**
 * The seed string of the stream at `path`. Each stream's draws depend only on the master seed
 * and its own path, so adding a component never shifts another component's draws
 * (DESIGN.md §9; the Mesa single-RNG pitfall in STYLE.md).
 */
export function streamSeed(masterSeed: number | string, path: string): string {
  return `seqsim:${String(masterSeed)}:${path}`;
}

/** Creates the stream for `(masterSeed, path)`, optionally resumed from a saved state. */
export function createStream(
  masterSeed: number | string,
  path: string,
  state?: StreamState,
): RandomStream {
  const seeded = seedrandom.alea(streamSeed(masterSeed, path), { state: state ? { ...state } : true });
  let prng: Source = seeded;
  // At its first bulk draw the stream leaves seedrandom's generator for the same steps on a state
  // object of its own (`aleaStepping`), which `fillAlea` then moves on in place: rebuilding
  // seedrandom's generator after every bulk draw cost ~0.3 µs (its seeding hashes run again).
  let own: StreamState | null = null;
  return {
    path,
    next: () => prng(),
    fill(out, count) {
      if (own === null) prng = aleaStepping((own = seeded.state()));
      fillAlea(own, out, count);
    },
    state: () => (own === null ? { ...seeded.state() } : { ...own }),
  };
}

/**
 * The bare generators of several paths at once, in order: the same draws as
 * `createStream(masterSeed, path).next` for each, seeded together (`mashSeeds`, several times
 * faster than one at a time) and without seedrandom's wrappers (`aleaSource`), for short-lived
 * streams created in batches (no state accessor: they are never checkpointed).
 */
export function createSources(masterSeed: number | string, paths: readonly string[]): Source[] {
  return mashSeeds(paths.map((path) => streamSeed(masterSeed, path))).map(aleaSource);
}

/** Serialisable snapshot of every stream that has been created, keyed by path. */
export type StreamsSnapshot = Record<string, StreamState>;

/**
 * The registry of a run's streams. `stream(path)` returns the same stream for the same path,
 * creating it on first use; `snapshot()`/`restore()` carry all of them through a checkpoint.
 */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();
  private pending: StreamsSnapshot = {};

  constructor(readonly masterSeed: number | string) {}

  stream(path: string): RandomStream {
    let s = this.streams.get(path);
    if (!s) {
      s = createStream(this.masterSeed, path, this.pending[path]);
      this.streams.set(path, s);
    }
    return s;
  }

  /** Paths of streams created so far, sorted, for stable serialisation. */
  paths(): string[] {
    return [...this.streams.keys()].sort();
  }

  snapshot(): StreamsSnapshot {
    const out: StreamsSnapshot = {};
    for (const path of this.paths()) out[path] = this.streams.get(path)!.state();
    return out;
  }

  /** Restores saved states; streams created later pick up their saved state on first use. */
  static restore(masterSeed: number | string, snapshot: StreamsSnapshot): RandomStreams {
    const streams = new RandomStreams(masterSeed);
    streams.pending = { ...snapshot };
    return streams;
  }
}
