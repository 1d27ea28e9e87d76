import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fillAlea } from '../../src/engine/fillAlea.js';
import { createStream, streamSeed } from '../../src/engine/randomStreams.js';
import { bernoulliOf, bindDistributions } from '../../src/engine/distributions.js';

/** A state alea can reach: s0…s2 multiples of 2⁻³² in [0, 1), the carry below the multiplier. */
const reachable = fc.record({
  c: fc.integer({ min: 0, max: 2091638 }),
  s0: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32),
  s1: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32),
  s2: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32),
});

describe('alea in bulk', () => {
  it("createStream's fill gives the draws of seedrandom's alea, and next and state carry on from there", () => {
    for (const [master, path] of [[7, 'reporting/committee'], ['s', 'users/A'], [0, '']] as const) {
      const reference = seedrandom.alea(streamSeed(master, path), { state: true });
      const mine = createStream(master, path);
      for (let k = 0; k < 3; k++) expect(mine.next()).toBe(reference()); // single draws before the first bulk one
      for (const count of [0, 1, 160, 7, 1000]) {
        const out = new Float64Array(count);
        mine.fill(out, count);
        for (let k = 0; k < count; k++) expect(Object.is(out[k], reference())).toBe(true);
        expect(mine.next()).toBe(reference());
        expect(mine.state()).toEqual(reference.state());
      }
      // A state is a copy: changing it does not move the stream on.
      const copy = mine.state();
      copy.s0 = copy.s1 = copy.s2 = 0;
      expect(mine.next()).toBe(reference());
      const resumed = createStream(master, path, reference.state());
      const out = new Float64Array(50);
      resumed.fill(out, 50);
      for (let k = 0; k < 50; k++) expect(out[k]).toBe(reference());
    }
  });

  it("createStream's fill, next and state in any order follow seedrandom's alea (fills in a row, single draws and states between)", () => {
    const step = fc.oneof(fc.constant('next' as const), fc.constant('state' as const), fc.integer({ min: 0, max: 200 }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.integer({ min: 0, max: 1000 }), (steps, seed) => {
        const reference = seedrandom.alea(streamSeed(seed, 'p'), { state: true });
        const mine = createStream(seed, 'p');
        for (const s of steps) {
          if (s === 'next') expect(Object.is(mine.next(), reference())).toBe(true);
          else if (s === 'state') expect(mine.state()).toEqual(reference.state());
          else {
            const out = new Float64Array(s);
            mine.fill(out, s);
            for (let k = 0; k < s; k++) expect(Object.is(out[k], reference())).toBe(true);
          }
        }
        expect(mine.state()).toEqual(reference.state());
        const copy = mine.state();
        copy.c = -1; // a copy: changing it does not change the stream
        expect(mine.next()).toBe(reference());
      }),
      { numRuns: 300 },
    );
  });

  it("fillAlea gives seedrandom's draws from any reachable state, bit for bit, and leaves its state (carries included)", () => {
    fc.assert(
      fc.property(reachable, fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }), (start, counts) => {
        const state = { ...start };
        const single = seedrandom.alea('', { state: { ...start } });
        for (const count of counts) {
          const out = new Float64Array(count + 1).fill(-1);
          fillAlea(state, out, count);
          for (let k = 0; k < count; k++) expect(Object.is(out[k], single())).toBe(true);
          expect(out[count]).toBe(-1); // nothing written past count
          expect(state).toEqual(single.state());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fillAlea takes the carry branch (frac ≥ 1) exactly as seedrandom does: a state whose first step carries', () => {
    // 2091639·s0 just below an integer, plus c·2⁻³², crosses it: ⌊t⌋ = ⌊2091639·s0⌋ + 1.
    const s0 = Math.ceil((2 ** 32 * 5) / 2091639 - 1) / 2 ** 32; // 2091639·s0 a hair below 5
    const start = { c: 2091638, s0, s1: 0.25, s2: 0.5 };
    const p = 2091639 * s0;
    expect(p - Math.floor(p) + start.c * 2 ** -32).toBeGreaterThanOrEqual(1);
    const out = new Float64Array(3);
    fillAlea({ ...start }, out, 3);
    const single = seedrandom.alea('', { state: { ...start } });
    expect([...out]).toEqual([single(), single(), single()]);
  });

  it('bernoulliOf is the Bernoulli draw of the uniform it is given (the same as bernoulli drawing it)', () => {
    const s = createStream(3, 'b');
    const d = bindDistributions(s.next);
    const copy = createStream(3, 'b');
    for (const p of [0, 0.3, 0.5, 1]) for (let k = 0; k < 200; k++) expect(bernoulliOf(copy.next(), p)).toBe(d.bernoulli(p));
    expect(() => bernoulliOf(0.5, 1.5)).toThrow(RangeError);
  });
});
