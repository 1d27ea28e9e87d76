import type { Source } from '../engine/randomStreams.js';

/**
 * The draws the bidding war makes, from one stream, without allocating: the same formulas as
 * `bindDistributions` (src/engine/distributions.ts, d3-random 3.0.x, each sampler built afresh per
 * draw so no variate is cached), so the same source gives the same numbers, draw for draw
 * (test/biddingWar/streamDraws.test.ts compares them). `bindDistributions` builds two closures per
 * normal draw; the bidding war draws about 700 variates an auction.
 */
export class StreamDraws {
  constructor(readonly source: Source) {}

  /** Uniform in [min, max) (d3 `randomUniform`). */
  uniform(min = 0, max = 1): number {
    return this.source() * (max - min) + min;
  }

  /** N(mu, sigma²) by the polar method (d3 `randomNormal`; the pair's second variate is dropped). */
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

  /** exp(N(mu, sigma²)) (d3 `randomLogNormal`). */
  logNormal(mu = 0, sigma = 1): number {
    return Math.exp(this.normal(mu, sigma));
  }

  /** Exponential with rate `rate` (d3 `randomExponential`). */
  exponential(rate: number): number {
    return -Math.log1p(-this.source()) / rate;
  }

  /**
   * True with probability `p` (d3 `randomBernoulli`: floor(u + p) is 1). `p` must be in [0, 1]
   * (checked once by the caller, where d3 checks it per draw: `checkProbability`).
   */
  bernoulli(p: number): boolean {
    return Math.floor(this.source() + p) === 1;
  }
}

/** d3 `randomBernoulli`'s precondition, with its message. */
export function checkProbability(p: number): number {
  if (p < 0 || p > 1) throw new RangeError('invalid p');
  return p;
}
