import { describe, expect, it } from 'vitest';
import { RandomStreams, createStream } from '../../src/engine/randomStreams.js';
import { bindDistributions } from '../../src/engine/distributions.js';

const draws = (next: () => number, n: number) => Array.from({ length: n }, () => next());

describe('seeded random streams', () => {
  it('the same (seed, path) gives the same draws; another seed or path gives others', () => {
    const a = draws(createStream(7, 'users/A').next, 20);
    expect(draws(createStream(7, 'users/A').next, 20)).toEqual(a);
    expect(draws(createStream(8, 'users/A').next, 20)).not.toEqual(a);
    expect(draws(createStream(7, 'users/B').next, 20)).not.toEqual(a);
  });

  it('adding a component with its own stream leaves every other stream unchanged', () => {
    // Interleave draws as a model would: with and without an extra component drawing in between.
    const run = (withExtra: boolean) => {
      const streams = new RandomStreams(42);
      const out: Record<string, number[]> = { a: [], b: [] };
      for (let i = 0; i < 50; i++) {
        out.a!.push(streams.stream('searcher/0').next());
        if (withExtra) streams.stream('searcher/new').next();
        out.b!.push(streams.stream('users/arrivals').next());
      }
      return out;
    };
    expect(run(true)).toEqual(run(false));
  });

  it('snapshot and restore replay the same future draws', () => {
    const streams = new RandomStreams('s');
    const s = streams.stream('x');
    draws(s.next, 13);
    streams.stream('y').next();
    const snap = JSON.parse(JSON.stringify(streams.snapshot()));
    const future = draws(s.next, 10);
    const futureY = draws(streams.stream('y').next, 3);
    const restored = RandomStreams.restore('s', snap);
    expect(draws(restored.stream('x').next, 10)).toEqual(future);
    expect(draws(restored.stream('y').next, 3)).toEqual(futureY);
  });

  it('draws are uniform on [0,1): mean 1/2 and variance 1/12 within 5 standard errors', () => {
    const n = 200_000;
    const xs = draws(createStream(1, 'u').next, n);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    // Var of (U - 1/2)^2 is 1/180: standard error of the variance estimate is sqrt(1/180/n).
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('distributions bound to a stream', () => {
  it('keep no hidden state: restoring the stream replays normal and Poisson draws exactly', () => {
    const s = createStream(3, 'd');
    const d = bindDistributions(s.next);
    d.normal(); // an odd number of normals: d3 would now hold a cached variate
    const saved = s.state();
    const future = [d.normal(), d.logNormal(0, 1), d.poisson(40), d.poisson(2), d.exponential(3)];
    const r = createStream(3, 'd', saved);
    const dr = bindDistributions(r.next);
    expect([dr.normal(), dr.logNormal(0, 1), dr.poisson(40), dr.poisson(2), dr.exponential(3)]).toEqual(future);
  });

  it('normal and Poisson moments match within 5 standard errors', () => {
    const d = bindDistributions(createStream(9, 'moments').next);
    const n = 100_000;
    const zs = Array.from({ length: n }, () => d.normal(1, 2));
    const mz = zs.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mz - 1)).toBeLessThan(5 * 2 / Math.sqrt(n));
    const ks = Array.from({ length: n }, () => d.poisson(3.5));
    const mk = ks.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mk - 3.5)).toBeLessThan(5 * Math.sqrt(3.5 / n));
  });
});
