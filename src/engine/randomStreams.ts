import seedrandom from 'seedrandom';
import { fillAlea } from './fillAlea.js';
import { aleaSource, mashSeeds } from './mashSeeds.js';

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
  let generator = seedrandom.alea(streamSeed(masterSeed, path), { state: state ? { ...state } : true });
  /** What `next` calls: seedrandom's generator, or after a `fill` the step that first rebuilds it. */
  let prng: Source = generator;
  // The state `fill` moved on to, while seedrandom's generator has not yet been rebuilt from it
  // (null when `prng` is that generator). The bulk steps run on a copy of the state (`fillAlea`);
  // rebuilding seedrandom's generator costs ~0.2–0.3 µs and a few closures, so it is done only when
  // `next` is next called: a stream drawn only in bulk (the revenue report's committee) never pays it.
  let filled: StreamState | null = null;
  const resumeThenDraw = (): number => {
    generator = seedrandom.alea('', { state: filled! });
    filled = null;
    prng = generator;
    return prng();
  };
  return {
    path,
    next: () => prng(),
    fill(out, count) {
      const s = filled ?? generator.state();
      fillAlea(s, out, count);
      filled = s;
      prng = resumeThenDraw;
    },
    state: () => ({ ...(filled ?? generator.state()) }),
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
