import type { Source, StreamState } from './randomStreams.js';

const MULTIPLIER = 2091639;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** An alea generator's draws one at a time (`next`), in bulk (`fill`), and its state. */
export interface AleaStream {
  readonly next: Source;
  /** `count` draws of `next`, in order, into `out[0]`…`out[count − 1]`: the same numbers, and the same state after. */
  fill(out: Float64Array, count: number): void;
  state(): StreamState;
}

/**
 * Alea's generator (seedrandom 3.0.5, lib/alea.js: Johannes Baagøe's Alea, MIT) from a state, with
 * seedrandom's `next` operation for operation and its state in an object's fields as seedrandom
 * keeps it (a closure's own variables would box every double it stores).
 */
export function aleaStream(start: StreamState): AleaStream {
  const g = { c: start.c, s0: start.s0, s1: start.s1, s2: start.s2 };
  const next: Source = () => {
    const t = MULTIPLIER * g.s0 + g.c * TWO_POW_MINUS_32;
    g.s0 = g.s1;
    g.s1 = g.s2;
    return (g.s2 = t - (g.c = t | 0));
  };
  return {
    next,
    fill(out, count) {
      fillAlea(g, out, count);
    },
    state: () => ({ c: g.c, s0: g.s0, s1: g.s1, s2: g.s2 }),
  };
}

/**
 * `count` steps of alea into `out`, the state's fields updated. Each step is seedrandom's
 * t = 2091639·s0 + c·2⁻³², c' = ⌊t⌋, s' = t − c', computed without waiting on the last step's carry:
 * every term is exact (s0 is a multiple of 2⁻³² in [0, 1) and t < 2²¹, so t has at most 53
 * significant bits; c < 2091639), so ⌊t⌋ = ⌊2091639·s0⌋ + [frac ≥ 1] and t − ⌊t⌋ = frac − [frac ≥ 1]
 * with frac = (2091639·s0 − ⌊2091639·s0⌋) + c·2⁻³² < 2, all exact too. The carry then enters only
 * through a rarely taken branch (frac ≥ 1 about once in 2,000 steps), and consecutive steps overlap
 * (about 2 ns a draw against 5–8 for calls of `next`, whose carry chain serialises them).
 */
function fillAlea(g: StreamState, out: Float64Array, count: number): void {
  let { c, s0, s1, s2 } = g;
  for (let k = 0; k < count; k++) {
    const p = MULTIPLIER * s0;
    const whole = Math.floor(p);
    const frac = p - whole + c * TWO_POW_MINUS_32;
    s0 = s1;
    s1 = s2;
    if (frac >= 1) {
      c = whole + 1;
      s2 = frac - 1;
    } else {
      c = whole;
      s2 = frac;
    }
    out[k] = s2;
  }
  g.c = c;
  g.s0 = s0;
  g.s1 = s1;
  g.s2 = s2;
}
