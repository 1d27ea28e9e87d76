import { randomBernoulli, randomExponential, randomInt, randomLogNormal, randomNormal, randomPoisson, randomUniform } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { bindDistributions } from '../../src/engine/distributions.js';
import { createStream, type Source } from '../../src/engine/randomStreams.js';

/*
 * bindDistributions writes d3-random's formulas out instead of building d3's samplers per draw. The
 * reference here is d3 itself, each sampler built afresh per draw from the same stream (what
 * bindDistributions did before): every draw must be the same number (Object.is) and leave the
 * stream at the same place, so outputs stay byte-identical.
 */
const d3 = (source: Source) => ({
  uniform: (min: number, max: number) => randomUniform.source(source)(min, max)(),
  int: (min: number, max: number) => randomInt.source(source)(min, max)(),
  normal: (mu: number, sigma: number) => randomNormal.source(source)(mu, sigma)(),
  logNormal: (mu: number, sigma: number) => randomLogNormal.source(source)(mu, sigma)(),
  exponential: (rate: number) => randomExponential.source(source)(rate)(),
  poisson: (mean: number) => (mean <= 0 ? 0 : randomPoisson.source(source)(mean)()),
  bernoulli: (p: number) => randomBernoulli.source(source)(p)() === 1,
});

type Draw = (d: ReturnType<typeof d3>) => number | boolean;

const cases: [string, Draw][] = [
  ['uniform()', (d) => d.uniform(0, 1)],
  ['uniform(-3, 7.5)', (d) => d.uniform(-3, 7.5)],
  ['int(0, 10)', (d) => d.int(0, 10)],
  ['int(2.7, 9.2)', (d) => d.int(2.7, 9.2)],
  ['normal(0, 1)', (d) => d.normal(0, 1)],
  ['normal(5, 0.3)', (d) => d.normal(5, 0.3)],
  ['logNormal(7.6, 1)', (d) => d.logNormal(7.6, 1)],
  ['exponential(0.5)', (d) => d.exponential(0.5)],
  ['poisson(0)', (d) => d.poisson(0)],
  ['poisson(-1)', (d) => d.poisson(-1)],
  ['poisson(1e-6)', (d) => d.poisson(1e-6)],
  ['poisson(2)', (d) => d.poisson(2)],
  ['poisson(16)', (d) => d.poisson(16)],
  ['poisson(16.5) (d3 gamma–binomial recursion)', (d) => d.poisson(16.5)],
  ['poisson(300)', (d) => d.poisson(300)],
  ['bernoulli(0.2)', (d) => d.bernoulli(0.2)],
  ['bernoulli(0) and (1)', (d) => Number(d.bernoulli(0)) + 2 * Number(d.bernoulli(1))],
];

describe('bindDistributions draws what d3-random draws', () => {
  for (const [name, draw] of cases) {
    it(`${name}: the same numbers, draw for draw, and the stream left at the same place`, () => {
      const ours = createStream(3, `dist/${name}`);
      const theirs = createStream(3, `dist/${name}`);
      const mine = bindDistributions(ours.next);
      const ref = d3(theirs.next);
      for (let i = 0; i < 2000; i++) {
        const a = draw(mine);
        const b = draw(ref);
        if (!Object.is(a, b)) expect({ i, a }).toEqual({ i, a: b });
      }
      expect(ours.state()).toEqual(theirs.state());
    });
  }

  it('the default arguments are d3\'s: uniform on [0, 1), N(0, 1), exp(N(0, 1))', () => {
    const mine = bindDistributions(createStream(4, 'defaults').next);
    const ref = d3(createStream(4, 'defaults').next);
    for (let i = 0; i < 200; i++) {
      expect(mine.uniform()).toBe(ref.uniform(0, 1));
      expect(mine.normal()).toBe(ref.normal(0, 1));
      expect(mine.logNormal()).toBe(ref.logNormal(0, 1));
    }
  });

  it('a Bernoulli probability outside [0, 1] is refused as d3 refuses it', () => {
    const mine = bindDistributions(createStream(5, 'p').next);
    expect(() => mine.bernoulli(1.5)).toThrow(RangeError);
    expect(() => mine.bernoulli(-0.1)).toThrow(RangeError);
  });
});
