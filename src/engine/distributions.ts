import {
  randomBernoulli,
  randomExponential,
  randomInt,
  randomLogNormal,
  randomNormal,
  randomPoisson,
  randomUniform,
} from 'd3-random';
import type { Source } from './randomStreams.js';

/**
 * d3-random distributions bound to one stream.
 *
 * d3's normal (and everything built on it: log-normal, gamma, large-mean Poisson) caches the
 * second variate of each polar-method pair inside a closure. That hidden state would not survive a
 * checkpoint, so every draw here builds its sampler afresh from the stream: all randomness state
 * lives in the stream's four numbers, and a resumed run replays exactly (DESIGN.md §9).
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

export function bindDistributions(source: Source): Distributions {
  const uniform = randomUniform.source(source);
  const int = randomInt.source(source);
  const normal = randomNormal.source;
  const logNormal = randomLogNormal.source;
  const exponential = randomExponential.source(source);
  const poisson = randomPoisson.source;
  const bernoulli = randomBernoulli.source(source);
  return {
    source,
    uniform: (min = 0, max = 1) => uniform(min, max)(),
    int: (min, max) => int(min, max)(),
    normal: (mu = 0, sigma = 1) => normal(source)(mu, sigma)(),
    logNormal: (mu = 0, sigma = 1) => logNormal(source)(mu, sigma)(),
    exponential: (rate) => exponential(rate)(),
    poisson: (mean) => (mean <= 0 ? 0 : poisson(source)(mean)()),
    bernoulli: (p) => bernoulli(p)() === 1,
  };
}
