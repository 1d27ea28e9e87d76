import type { StreamState } from './randomStreams.js';

const MULTIPLIER = 2091639;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/**
 * `count` steps of alea's generator (seedrandom 3.0.5, lib/alea.js `next`) from `state` into `out`,
 * and `state`'s fields moved on by as many steps: the draws `seedrandom.alea('', { state })` would
 * give one call at a time. Each step is seedrandom's t = 2091639·s0 + c·2⁻³², c' = ⌊t⌋,
 * s' = t − c', computed without waiting on the last step's carry: every term is exact (s0 is a
 * multiple of 2⁻³² in [0, 1) and t < 2²¹, so t has at most 53 significant bits; c < 2091639), so
 * ⌊t⌋ = ⌊2091639·s0⌋ + [frac ≥ 1] and t − ⌊t⌋ = frac − [frac ≥ 1] with
 * frac = (2091639·s0 − ⌊2091639·s0⌋) + c·2⁻³² < 2, all exact too. The carry then enters only
 * through a rarely taken branch (frac ≥ 1 about once in 2,000 steps), and consecutive steps overlap
 * (about 2 ns a draw against 5–8 for calls of seedrandom's `next`, whose carry chain serialises them).
 */
export function fillAlea(state: StreamState, out: Float64Array, count: number): void {
  let { c, s0, s1, s2 } = state;
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
  state.c = c;
  state.s0 = s0;
  state.s1 = s1;
  state.s2 = s2;
}
