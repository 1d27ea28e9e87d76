import { randomPoisson } from 'd3-random';
import type { Source } from './randomStreams.js';

/**
 * d3-random distributions bound to one stream.
 *
 * d3's normal (and everything built on it: log-normal, gamma, large-mean Poisson) caches the
 * second variate of each polar-method pair inside a closure. That hidden state would not survive a
 * checkpoint, so every draw here is what a sampler built afresh from the stream would draw (the
 * second variate is dropped): all randomness state lives in the stream's four numbers, and a
 * resumed run replays exactly (DESIGN.md §9).
 */
export interface Distributions {
  readonly source: Source;
  uniform(min?: number, max?: number): number;
  /** Integer in [min, max). */
  int(min: number, max: number): number;
  normal(mu?: number, sigma?: number): number;
  /** exp(N(mu, sigma)). */
  logNormal(mu?: number, sigma?: number): number;
  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  poisson(mean: number): number;
  bernoulli(p: number): boolean;
}

/**
 * The distributions of one stream, allocation-free: d3-random 3.0.x's formulas written out (the
 * same draws from the same source, draw for draw; test/engine/distributions.test.ts compares them
 * with d3's samplers built afresh per draw), because d3's per-draw samplers cost closures on every
 * draw — a Poisson draw builds d3's gamma, beta, geometric and binomial samplers each time. A
 * Poisson mean above 16, where d3 switches to its gamma–binomial recursion, is left to d3.
 */
export class StreamDistributions implements Distributions {
  constructor(readonly source: Source) {}

  uniform(min = 0, max = 1): number {
    return this.source() * (max - min) + min;
  }

  int(min: number, max: number): number {
    const lo = Math.floor(min);
    return Math.floor(this.source() * (Math.floor(max) - lo) + lo);
  }

  /** The polar method (the pair's second variate is dropped, as with a fresh d3 sampler). */
  normal(mu = 0, sigma = 1): number {
    let x: number;
    let y: number;
    let r: number;
    do {
      x = this.source() * 2 - 1;
      y = this.source() * 2 - 1;
      r = x * x + y * y;
    } while (!r || r > 1);
    return mu + sigma * y * Math.sqrt((-2 * Math.log(r)) / r);
  }

  logNormal(mu = 0, sigma = 1): number {
    return Math.exp(this.normal(mu, sigma));
  }

  exponential(rate: number): number {
    return -Math.log1p(-this.source()) / rate;
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 16) return randomPoisson.source(this.source)(mean)();
    let k = 0;
    for (let s = -Math.log1p(-this.source()); s <= mean; ++k) s -= Math.log1p(-this.source());
    return k;
  }

  bernoulli(p: number): boolean {
    return bernoulliOf(this.source(), p);
  }
}

/** The Bernoulli(p) outcome of the uniform draw `u` (d3-random's formula): `bernoulli` of a draw already taken. */
export function bernoulliOf(u: number, p: number): boolean {
  if (p < 0 || p > 1) throw new RangeError('invalid p');
  return Math.floor(u + p) === 1;
}

export function bindDistributions(source: Source): Distributions {
  return new StreamDistributions(source);
}
