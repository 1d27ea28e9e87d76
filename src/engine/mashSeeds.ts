import type { Source, StreamState } from './randomStreams.js';

/*
 * Alea's seeding (seedrandom 3.0.5, lib/alea.js: Johannes Baagøe's Alea and Mash, MIT), for several
 * seeds at once. Mash hashes a string one character at a time through a chain of dependent float
 * operations, so one seed at a time leaves the CPU waiting on each result; hashing several seeds
 * side by side lets their chains overlap (about 4× faster for the dozen streams of a bidding-war
 * auction). The arithmetic is Mash's, operation for operation, so the states are the same bits
 * (test/engine/mashSeeds.test.ts compares them with seedrandom's).
 */

const MASH_START = 0xefc8249d;
const MASH_MULTIPLIER = 0.02519603282416938;
const TWO_POW_32 = 0x100000000;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** One Mash step: the state `n` after mixing in one character code. */
function mashStep(n: number, charCode: number): number {
  n += charCode;
  let h = MASH_MULTIPLIER * n;
  n = h >>> 0;
  h -= n;
  h *= n;
  n = h >>> 0;
  h -= n;
  return n + h * TWO_POW_32;
}

// Alea starts every seed's state from three hashes of ' ', which leave the same Mash state.
const START = (() => {
  let n = MASH_START;
  const s: number[] = [];
  for (let k = 0; k < 3; k++) {
    n = mashStep(n, ' '.charCodeAt(0));
    s.push((n >>> 0) * TWO_POW_MINUS_32);
  }
  return { n, s };
})();

/** The alea state `seedrandom.alea(seed)` starts from, for each of `seeds` (in order). */
export function mashSeeds(seeds: readonly string[]): StreamState[] {
  const k = seeds.length;
  const n = new Float64Array(k).fill(START.n);
  const s = new Float64Array(3 * k);
  const maxLength = seeds.reduce((m, seed) => Math.max(m, seed.length), 0);
  // Alea subtracts three successive hashes of the seed from the three starting values.
  for (let pass = 0; pass < 3; pass++) {
    for (let i = 0; i < maxLength; i++) {
      for (let j = 0; j < k; j++) {
        const seed = seeds[j]!;
        if (i < seed.length) n[j] = mashStep(n[j]!, seed.charCodeAt(i));
      }
    }
    for (let j = 0; j < k; j++) {
      let v = START.s[pass]! - (n[j]! >>> 0) * TWO_POW_MINUS_32;
      if (v < 0) v += 1;
      s[3 * j + pass] = v;
    }
  }
  return Array.from({ length: k }, (_, j) => ({ c: 1, s0: s[3 * j]!, s1: s[3 * j + 1]!, s2: s[3 * j + 2]! }));
}

/**
 * Alea's generator from a state (seedrandom 3.0.5, lib/alea.js `next`, the same operations): what
 * `seedrandom.alea('', { state })` draws, without building seedrandom's wrapper functions. The state
 * lives in an object's fields, as seedrandom keeps it: a closure's own `let` variables would box
 * every double they store (a heap number a draw; ~22–25 ns a draw against ~7).
 */
export function aleaSource(state: StreamState): Source {
  return aleaStepping({ c: state.c, s0: state.s0, s1: state.s1, s2: state.s2 });
}

/** `aleaSource` on `g` itself: each draw moves `g`'s fields on, so `fillAlea(g, …)` continues the same sequence. */
export function aleaStepping(g: StreamState): Source {
  return () => {
    const t = 2091639 * g.s0 + g.c * TWO_POW_MINUS_32;
    g.s0 = g.s1;
    g.s1 = g.s2;
    return (g.s2 = t - (g.c = t | 0));
  };
}
