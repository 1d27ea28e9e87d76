import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { aleaStream } from '../../src/engine/aleaStream.js';
import { createStream, streamSeed } from '../../src/engine/randomStreams.js';
import { bernoulliOf, bindDistributions } from '../../src/engine/distributions.js';

/** A state alea can reach: s0…s2 multiples of 2⁻³² in [0, 1), the carry below the multiplier. */
const reachable = fc.record({
  c: fc.integer({ min: 0, max: 2091638 }),
  s0: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32),
  s1: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32),
  s2: fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32),
});

describe('alea streams', () => {
  it("createStream draws what seedrandom's alea draws, seeded from the path or resumed from a state", () => {
    for (const [master, path] of [[7, 'reporting/committee'], ['s', 'users/A'], [0, '']] as const) {
      const reference = seedrandom.alea(streamSeed(master, path), { state: true });
      const mine = createStream(master, path);
      for (let k = 0; k < 1000; k++) expect(mine.next()).toBe(reference());
      expect(mine.state()).toEqual(reference.state());
      const resumed = createStream(master, path, reference.state());
      const again = seedrandom.alea('', { state: reference.state() });
      for (let k = 0; k < 100; k++) expect(resumed.next()).toBe(again());
    }
  });

  it('fill gives the draws of next, bit for bit, and leaves the same state (carries included)', () => {
    fc.assert(
      fc.property(reachable, fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 4 }), (start, counts) => {
        const bulk = aleaStream(start);
        const single = aleaStream(start);
        for (const count of counts) {
          const out = new Float64Array(count + 1).fill(-1);
          bulk.fill(out, count);
          for (let k = 0; k < count; k++) expect(Object.is(out[k], single.next())).toBe(true);
          expect(out[count]).toBe(-1); // nothing written past count
          expect(bulk.state()).toEqual(single.state());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fill takes the carry branch (frac ≥ 1) exactly as next does: a state whose first step carries', () => {
    // 2091639·s0 just below an integer, plus c·2⁻³², crosses it: ⌊t⌋ = ⌊2091639·s0⌋ + 1.
    const s0 = Math.ceil((2 ** 32 * 5) / 2091639 - 1) / 2 ** 32; // 2091639·s0 a hair below 5
    const start = { c: 2091638, s0, s1: 0.25, s2: 0.5 };
    const p = 2091639 * s0;
    expect(p - Math.floor(p) + start.c * 2 ** -32).toBeGreaterThanOrEqual(1);
    const out = new Float64Array(3);
    aleaStream(start).fill(out, 3);
    const single = aleaStream(start);
    expect([...out]).toEqual([single.next(), single.next(), single.next()]);
  });

  it('bernoulliOf is the Bernoulli draw of the uniform it is given (the same as bernoulli drawing it)', () => {
    const s = createStream(3, 'b');
    const d = bindDistributions(s.next);
    const copy = createStream(3, 'b');
    for (const p of [0, 0.3, 0.5, 1]) for (let k = 0; k < 200; k++) expect(bernoulliOf(copy.next(), p)).toBe(d.bernoulli(p));
    expect(() => bernoulliOf(0.5, 1.5)).toThrow(RangeError);
  });
});
